/**
 * Figures over a trend window: the Pareto and the repeat findings asked for by round window (the
 * last N published rounds of an area up to one round) answer exactly what they answer for the
 * period those rounds span, so the dashboard can ask for them beside the trends.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { errorCode, ok } from '../helpers'
import { useDemoApi } from './demo'

const api = useDemoApi()

let leader: string
let areaId: number

const FIGURES = `
  problemCategoryPareto(areaId: $areaId, period: $period, untilRoundId: $until, rounds: $rounds) {
    totalFindings entries { problemCategory { name } count share cumulativeShare }
  }
  repeatFindings(areaId: $areaId, period: $period, untilRoundId: $until, rounds: $rounds, limit: 20) {
    totalFindings repeatFindings groups { org { name } problemCategory { name } repeatCount roundIds }
  }`
const QUERY = `query ($areaId: Int, $period: AnalyticsPeriodInput, $until: Int, $rounds: Int) { ${FIGURES} }`
const TRENDS = `query ($areaId: Int!, $until: Int, $rounds: Int!) {
  analyticsTrends(areaId: $areaId, untilRoundId: $until, rounds: $rounds) { rounds { id year quarter } }
}`

beforeAll(async () => {
  await api.reset()
  leader = await api.login('leader')
  const area = await api.prisma.area.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } })
  areaId = area.id
}, 120_000)

describe('figures over a trend window', () => {
  it('equal the figures over the period the window spans, for every end round', async () => {
    const published = await api.prisma.inspectionRound.findMany({
      where: { status: { in: ['PUBLISHED', 'CLOSED'] } },
      orderBy: [{ year: 'asc' }, { quarter: 'asc' }],
    })
    expect(published.length).toBeGreaterThan(2)
    for (const until of published.map((r) => r.id)) {
      const trend = ok(await api.gql<{ analyticsTrends: { rounds: { year: number; quarter: number }[] } }>(TRENDS, { areaId, until, rounds: 3 }, leader))
      const rounds = trend.analyticsTrends.rounds
      const first = rounds[0]
      const last = rounds[rounds.length - 1]
      if (!first || !last) continue
      const period = { fromYear: first.year, fromQuarter: first.quarter, toYear: last.year, toQuarter: last.quarter }
      const byPeriod = ok(await api.gql(QUERY, { areaId, period }, leader))
      const byWindow = ok(await api.gql(QUERY, { areaId, until, rounds: 3 }, leader))
      expect(byWindow).toEqual(byPeriod)
    }
  })

  it('cover a shorter span than all rounds', async () => {
    const all = ok(await api.gql<{ problemCategoryPareto: { totalFindings: number } }>(QUERY, { areaId }, leader))
    const one = ok(await api.gql<{ problemCategoryPareto: { totalFindings: number } }>(QUERY, { areaId, rounds: 1 }, leader))
    expect(one.problemCategoryPareto.totalFindings).toBeGreaterThan(0)
    expect(one.problemCategoryPareto.totalFindings).toBeLessThan(all.problemCategoryPareto.totalFindings)
  })

  it('refuse a window and a period together, a window without an area, and an end without a size', async () => {
    const period = { fromYear: 2025 }
    expect(errorCode(await api.gql(QUERY, { areaId, period, rounds: 3 }, leader))).toBe('BAD_USER_INPUT')
    expect(errorCode(await api.gql(QUERY, { rounds: 3 }, leader))).toBe('BAD_USER_INPUT')
    expect(errorCode(await api.gql(QUERY, { areaId, until: 1 }, leader))).toBe('BAD_USER_INPUT')
    expect(errorCode(await api.gql(QUERY, { areaId, rounds: 0 }, leader))).toBe('BAD_USER_INPUT')
  })
})
