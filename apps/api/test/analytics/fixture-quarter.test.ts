/**
 * The analytics services on the workflow's hand-built quarter (test/workflow/scenario.ts), where
 * every number is known: a tie for first, the 98.00 boundary, a withdrawn and an upheld dispute,
 * a bonus that cannot buy a category III org out of the blue list.
 *
 *   org  cat  base    total   rank  mark
 *   A1   I    100.00  101.00  1     RED
 *   A2   I     99.00  101.00  1     RED
 *   A3   I     96.00   96.00  3     —     (4.00 confirmed; 10.00 withdrawn)
 *   A4   I     90.00   90.00  4     BLUE  (10.00 upheld)
 *   B1   II    99.00   99.00  1     RED
 *   B2   II    92.00   92.00  2     BLUE  (rating 较好)
 *   C1   III   98.00   98.00  2     —
 *   C2   III   97.99   97.99  3     BLUE
 *   C3   III   97.00  100.00  1     BLUE
 */
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { computeLists, DEFAULT_RULE_SET, meanScore, rankEntries } from '@redblue/scoring'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFoundError } from '../../src/errors'
import * as an from '../../src/services/analytics'
import { buildFixture, type Fixture, type OrgCode } from '../workflow/fixtures'
import { PUBLISH_AT, runner, runQuarter } from '../workflow/scenario'

let db: TestDb
let fx: Fixture
let roundId: number

beforeAll(async () => {
  db = await createTestDb()
  fx = await buildFixture(db.prisma)
  ;({ roundId } = await runQuarter(runner(db.prisma), db.prisma, fx))
}, 120_000)
afterAll(() => db.close())

const codeOf = (orgId: number) => (Object.entries(fx.orgs).find(([, id]) => id === orgId)?.[0] ?? '?') as OrgCode

describe('category ranking', () => {
  it('lists the frozen ranks, scores and marks, ties sharing a rank', async () => {
    const ranking = await an.categoryRanking(db.prisma, fx.admin, { roundId, areaId: fx.areaId, category: 'I' })
    expect(ranking.previousRoundId).toBeNull()
    expect(ranking.rows.map((r) => [codeOf(r.orgId), r.rank, r.base, r.bonus, r.total, r.listMark])).toEqual([
      ['A1', 1, '100.00', '1.00', '101.00', 'RED'],
      ['A2', 1, '99.00', '2.00', '101.00', 'RED'],
      ['A3', 3, '96.00', '0.00', '96.00', null],
      ['A4', 4, '90.00', '0.00', '90.00', 'BLUE'],
    ])
    expect(ranking.rows.map((r) => r.findingCount)).toEqual([0, 1, 1, 1])
    expect(ranking.rows.map((r) => r.openRectifications)).toEqual([0, 1, 1, 1])
    expect(ranking.rows.every((r) => r.rankChange === null && r.totalChange === null)).toBe(true)
  })

  it('agrees with the engine on the 98.00 boundary of category III', async () => {
    const ranking = await an.categoryRanking(db.prisma, fx.admin, { roundId, areaId: fx.areaId, category: 'III' })
    const engine = rankEntries(ranking.rows.map((r) => ({ orgId: r.orgId, base: r.base!, total: r.total! })))
    const lists = computeLists(
      engine.map((e) => ({ ...e, category: 'III' as const })),
      DEFAULT_RULE_SET,
    )
    expect(ranking.rows.map((r) => [r.orgId, r.rank])).toEqual(engine.map((e) => [e.orgId, e.rank]))
    const marks = new Map(lists.marks.map((m) => [m.orgId, m.mark]))
    expect(ranking.rows.map((r) => r.listMark)).toEqual(ranking.rows.map((r) => marks.get(r.orgId) ?? null))
    expect(ranking.rows.map((r) => [codeOf(r.orgId), r.listMark])).toEqual([
      ['C3', 'BLUE'],
      ['C1', null],
      ['C2', 'BLUE'],
    ])
  })

  it('hides other orgs’ finding counts from a branch, not the public figures', async () => {
    const ranking = await an.categoryRanking(db.prisma, fx.branch.A2, { roundId, areaId: fx.areaId, category: 'I' })
    expect(ranking.rows.map((r) => [codeOf(r.orgId), r.total, r.findingCount])).toEqual([
      ['A1', '101.00', null],
      ['A2', '101.00', 1],
      ['A3', '96.00', null],
      ['A4', '90.00', null],
    ])
  })
})

describe('drill-down', () => {
  it('explains every lost point down to the findings, withdrawn ones excluded', async () => {
    const a3 = await db.prisma.assessment.findFirstOrThrow({ where: { roundId, orgId: fx.orgs.A3 } })
    const d = await an.assessmentBreakdown(db.prisma, fx.admin, a3.id)
    expect([d.base, d.lost, d.baseMax]).toEqual(['96.00', '4.00', '100.00'])
    const lost = d.indicators.filter((i) => i.lost !== '0.00')
    expect(lost.map((i) => [i.code, i.lost, i.reason])).toEqual([['i1', '4.00', 'FINDINGS']])
    const standing = await db.prisma.finding.findMany({
      where: { assessmentId: a3.id, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] } },
    })
    expect(lost[0]!.findingIds).toEqual(standing.map((f) => f.id))
    expect(d.dimensions.map((x) => [x.code, x.points, x.categoryAveragePoints, x.categoryCount])).toEqual([
      ['D1', '56.00', '56.25', 4],
      ['D2', '40.00', '40.00', 4],
    ])
  })

  it('says why a rating lost points', async () => {
    const b2 = await db.prisma.assessment.findFirstOrThrow({ where: { roundId, orgId: fx.orgs.B2 } })
    const d = await an.assessmentBreakdown(db.prisma, fx.admin, b2.id)
    expect(d.indicators.filter((i) => i.lost !== '0.00').map((i) => [i.code, i.lost, i.reason, i.ratingLevel])).toEqual([
      ['i2', '8.00', 'RATING', '较好'],
    ])
  })

  it('is not found for another org’s branch user', async () => {
    const a3 = await db.prisma.assessment.findFirstOrThrow({ where: { roundId, orgId: fx.orgs.A3 } })
    await expect(an.assessmentBreakdown(db.prisma, fx.branch.A2, a3.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(an.assessmentBreakdown(db.prisma, fx.branch.A3, a3.id)).resolves.toMatchObject({ orgId: fx.orgs.A3 })
  })
})

describe('aggregates', () => {
  it('headline figures count standing findings and open items', async () => {
    const h = await an.headlineFigures(db.prisma, fx.admin, { now: PUBLISH_AT })
    expect(h).toMatchObject({
      roundsHeld: 1,
      findings: 8,
      standingFindings: 7,
      problemCategories: 3,
      orgsAssessed: 9,
      rectifications: 7,
      closedRectifications: 0,
      closeOutRate: '0.00',
      overdueRectifications: 0,
    })
    const late = await an.headlineFigures(db.prisma, fx.admin, { now: new Date('2027-01-01T00:00:00Z') })
    expect(late.overdueRectifications).toBe(7)
    const own = await an.headlineFigures(db.prisma, fx.branch.A3, { now: PUBLISH_AT })
    expect(own).toMatchObject({ roundsHeld: 1, findings: 2, standingFindings: 1, orgsAssessed: 1, rectifications: 1 })
  })

  it('category averages equal the engine’s mean of the totals', async () => {
    const summaries = await an.categoryAverages(db.prisma, { roundId, areaId: fx.areaId })
    const totals = await db.prisma.assessment.findMany({ where: { roundId }, select: { category: true, totalScore: true } })
    for (const s of summaries) {
      expect(s.averageTotal).toBe(meanScore(totals.filter((t) => t.category === s.category).map((t) => t.totalScore!)))
    }
    expect(summaries.map((s) => [s.category, s.averageTotal, s.red, s.blue])).toEqual([
      ['I', '97.00', 2, 1],
      ['II', '95.50', 1, 1],
      ['III', '98.66', 0, 2],
    ])
  })

  it('the lost-points matrix rows add up to 100 − base', async () => {
    const m = await an.lostPointsMatrix(db.prisma, fx.admin, { roundId, areaId: fx.areaId })
    const bases = await db.prisma.assessment.findMany({ where: { roundId }, select: { id: true, baseScore: true } })
    for (const row of m.rows) {
      const base = bases.find((b) => b.id === row.assessmentId)!.baseScore!
      expect(row.totalLost).toBe(an.fixed2(base.negated().plus(100)))
    }
    const own = await an.lostPointsMatrix(db.prisma, fx.branch.B2, { roundId, areaId: fx.areaId })
    expect(own.rows.map((r) => codeOf(r.orgId))).toEqual(['B2'])
    expect(own.columns).toEqual(m.columns)
  })
})
