/**
 * The benchmark's dataset generator (apps/api/bench, run by `pnpm bench`, never by `pnpm test`) at
 * a tiny size, so it cannot rot unnoticed: row counts follow the requested size, the published
 * round's frozen results are the engine's and rank through the API, the round left in RECONCILING
 * publishes through the API, the stored round summaries equal the raw rows before and after that
 * publication, and the ledger's colour filter and the to-do counts (restated in SQL
 * for speed) agree with the engine's warning rule item by item on the generated items.
 */
import { hash } from '@node-rs/argon2'
import { addDays, chinaDate } from '@redblue/scoring'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqlRunner } from '../../bench/bulk'
import { RANKING } from '../../bench/documents'
import { BENCH_PASSWORD, generateDataset, type GeneratedDataset } from '../../bench/generate'
import * as wf from '../../src/services/workflow'
import { NO_MISMATCH, summaryMismatches } from '../analytics/summaries'
import { dimensionScoreCount, ok, useTestApi } from '../helpers'

const NOW = new Date('2026-11-25T04:00:00Z')
const SIZE = { orgs: 20, rounds: 2, indicators: 20, findings: 4, areas: 2 }

const api = useTestApi({ seed: 'none', reset: 'file' })
let dataset: GeneratedDataset
let pool: pg.Pool | null = null

beforeAll(async () => {
  await api.reset()
  let runner: SqlRunner
  if (api.db.pglite) {
    runner = api.db.pglite
  } else {
    pool = new pg.Pool({ connectionString: api.db.url, max: 2 })
    runner = pool
  }
  dataset = await generateDataset(runner, {
    ...SIZE,
    seed: 7,
    now: NOW,
    passwordHash: await hash(BENCH_PASSWORD),
    parallel: pool ? 2 : 1,
    batchRows: 50,
  })
}, 120_000)

afterAll(async () => {
  await pool?.end()
})

describe('bench dataset generator', () => {
  it('writes the requested size', async () => {
    const { prisma } = api
    const assessed = SIZE.orgs * SIZE.areas
    expect(dataset.roundIds).toHaveLength(SIZE.rounds)
    expect(await prisma.organization.count({ where: { assessed: true } })).toBe(SIZE.orgs)
    expect(await prisma.area.count()).toBe(SIZE.areas)
    expect(
      await prisma.indicator.count({
        where: { schemeId: (await prisma.scheme.findFirstOrThrow()).id },
      }),
    ).toBe(SIZE.indicators)
    expect(await prisma.assessment.count()).toBe(assessed * SIZE.rounds)
    const [published, last] = dataset.roundIds
    // Published: every scheme indicator's frozen points in one row per assessment, eight
    // dimension subtotals, every total; inputs only where the inspector entered something.
    const frozen = await prisma.assessmentIndicatorPoints.findMany({
      where: { assessment: { roundId: published } },
    })
    expect(frozen).toHaveLength(assessed)
    for (const row of frozen) {
      const values = Object.values(row.points as Record<string, string>)
      expect(values).toHaveLength(SIZE.indicators)
      for (const value of values) expect(value).toMatch(/^\d+\.\d\d$/)
    }
    expect(
      await prisma.indicatorInput.count({
        where: { ratingLevel: null, quantityValue: null, bonusPoints: null },
      }),
    ).toBe(0)
    expect(await dimensionScoreCount(prisma, published!)).toBe(assessed * 8)
    expect(await prisma.assessment.count({ where: { roundId: published, totalScore: null } })).toBe(
      0,
    )
    // Findings: between half and one and a half times the mean per org and round.
    const findings = await prisma.finding.count({ where: { roundId: published } })
    expect(findings).toBeGreaterThanOrEqual((SIZE.orgs * SIZE.findings) / 2)
    expect(findings).toBeLessThanOrEqual((SIZE.orgs * SIZE.findings * 3) / 2)
    // One item per standing finding, one interview per blue-list org and area.
    expect(
      await prisma.rectification.count({ where: { roundId: published, source: 'FINDING' } }),
    ).toBe(
      await prisma.finding.count({
        where: { roundId: published, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] } },
      }),
    )
    expect(await prisma.interview.count({ where: { roundId: published } })).toBe(
      await prisma.assessment.count({ where: { roundId: published, listMark: 'BLUE' } }),
    )
    // The last round waits in RECONCILING with unscored assessments.
    expect((await prisma.inspectionRound.findUniqueOrThrow({ where: { id: last } })).status).toBe(
      'RECONCILING',
    )
    expect(
      await prisma.assessment.count({ where: { roundId: last, totalScore: { not: null } } }),
    ).toBe(0)
    // The counts reported are the rows in the database.
    expect(dataset.counts.Finding).toBe(await prisma.finding.count())
    expect(dataset.counts.IndicatorInput).toBe(await prisma.indicatorInput.count())
    expect(dataset.counts.AssessmentIndicatorPoints).toBe(
      await prisma.assessmentIndicatorPoints.count(),
    )
  })

  it('ranks the published round through the API as the engine scored it', async () => {
    const leader = await api.login(dataset.users.leader, BENCH_PASSWORD)
    const [published] = dataset.roundIds
    let rows = 0
    for (const areaId of dataset.areaIds) {
      for (const category of ['I', 'II', 'III']) {
        const ranking = ok(
          await api.gql(RANKING, { roundId: published, areaId, category }, leader),
        ).categoryRanking
        // The bench sends the dashboard's document, which reads the ranking as columns.
        const table = ranking.table as {
          assessmentIds: number[]
          ranks: number[]
          totals: string[]
        }
        rows += table.assessmentIds.length
        const ranks = table.ranks
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
        if (ranks.length) expect(ranks[0]).toBe(1)
        // The frozen total is what the engine gives when the drill-down rescores the assessment.
        const first = ranks.length
          ? { assessmentId: table.assessmentIds[0]!, total: table.totals[0]! }
          : undefined
        if (first) {
          const drill = ok(
            await api.gql(
              `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) { total base lost baseMax } }`,
              { id: first.assessmentId },
              leader,
            ),
          ).assessmentDrilldown
          expect(drill.total).toBe(first.total)
          expect(Number(drill.baseMax) - Number(drill.lost)).toBeCloseTo(Number(drill.base), 2)
        }
      }
    }
    expect(rows).toBe(SIZE.orgs * SIZE.areas)
  })

  it('stores the published round’s summaries and the items’ area and category as the rows give them', async () => {
    const [published] = dataset.roundIds
    expect(await api.prisma.roundSummary.count({ where: { roundId: published } })).toBe(1)
    expect(
      await api.prisma.roundDimensionSummary.count({ where: { roundId: published } }),
    ).toBeGreaterThan(0)
    expect(await summaryMismatches(api.prisma)).toEqual(NO_MISMATCH)
  })

  it('leaves the last round ready to publish through the API', async () => {
    const admin = await api.login(dataset.users.admin, BENCH_PASSWORD)
    const res = ok(
      await api.gql(
        `mutation ($id: Int!) { publishRound(id: $id) { __typename ... on InspectionRound { status } ... on AppError { message } } }`,
        { id: dataset.lastRoundId },
        admin,
      ),
    )
    expect(res.publishRound).toEqual({ __typename: 'InspectionRound', status: 'PUBLISHED' })
    expect(
      await api.prisma.assessment.count({ where: { roundId: dataset.lastRoundId, rank: null } }),
    ).toBe(0)
    expect(await api.prisma.roundSummary.count({ where: { roundId: dataset.lastRoundId } })).toBe(1)
    expect(await summaryMismatches(api.prisma)).toEqual(NO_MISMATCH)
  })

  it('filters the ledger by colour and counts to-dos as the engine classifies each item', async () => {
    const admin = {
      userId: (await api.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })).id,
      role: 'ADMIN' as const,
      orgId: null,
    }
    const items = await api.prisma.rectification.findMany({
      select: { id: true, deadline: true, status: true, round: { select: { year: true, quarter: true } } },
    })
    // The ledger's order: what needs action first (open statuses before CLOSED, in the enum's
    // order), newest round first, then the nearest deadline.
    const STATUS_ORDER = ['OPEN', 'SUBMITTED', 'RETURNED', 'CLOSED']
    const ledgerOrder = (a: (typeof items)[number], b: (typeof items)[number]) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      b.round.year - a.round.year ||
      b.round.quarter - a.round.quarter ||
      a.deadline.getTime() - b.deadline.getTime() ||
      a.id - b.id
    const deadlines = [...new Set(items.map((r) => r.deadline.toISOString().slice(0, 10)))]
    // Around every deadline: the day before, on the day, the warning window's edges, after.
    const days = [
      ...new Set(deadlines.flatMap((d) => [-11, -10, -8, -7, -1, 0, 1].map((n) => addDays(d, n)))),
    ]
    expect(days.length).toBeGreaterThan(4)
    // With the default warning days, then with a longer window for the published round's year.
    for (const warningDays of [null, 10]) {
      const [published] = dataset.roundIds
      const { year } = await api.prisma.inspectionRound.findUniqueOrThrow({
        where: { id: published },
      })
      if (warningDays) await api.prisma.ruleSet.update({ where: { year }, data: { warningDays } })
      const byYear = await wf.warningDaysByYear(api.prisma)
      const warning = (r: (typeof items)[number], now: Date) =>
        wf.warningOf(r, now, byYear.get(r.round.year))
      for (const day of days) {
        const now = new Date(`${day}T03:00:00Z`)
        expect(chinaDate(now)).toBe(day)
        for (const colour of ['GREEN', 'YELLOW', 'RED', 'CLOSED'] as const) {
          const expected = items
            .filter((r) => warning(r, now).colour === colour)
            .sort(ledgerOrder)
            .map((r) => r.id)
          const page = await wf.ledger(api.prisma, admin, { colour, limit: 200 }, now)
          expect({ day, colour, warningDays, total: page.total }).toEqual({
            day,
            colour,
            warningDays,
            total: expected.length,
          })
          expect(page.ids).toEqual(expected.slice(0, 200))
        }
        const todo = await wf.todoList(api.prisma, admin, now)
        const open = items.filter((r) => r.status !== 'CLOSED')
        expect(todo.counts.toVerify).toBe(open.filter((r) => r.status === 'SUBMITTED').length)
        expect(todo.counts.overdue).toBe(
          open.filter((r) => r.status !== 'SUBMITTED' && warning(r, now).overdue).length,
        )
      }
    }
  })
})
