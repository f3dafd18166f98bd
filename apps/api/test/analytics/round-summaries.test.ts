/**
 * The per-round aggregates stored at publication (and the items' copied area and category) equal
 * what the raw rows give — on the demo seed (written by the seed through the same SQL function)
 * and after a quarter published through the workflow, plus an interview item added afterwards.
 * The analytics read them instead of the rows, so a disagreement would show wrong figures.
 */
import { storeRoundSummaries } from '@redblue/db'
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { seedDemo } from '@redblue/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headlineFigures } from '../../src/services/analytics'
import * as wf from '../../src/services/workflow'
import { buildFixture, type Fixture } from '../workflow/fixtures'
import { runner, runQuarter } from '../workflow/scenario'
import { NO_MISMATCH, summaryCounts, summaryMismatches } from './summaries'

describe('on the demo seed', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await createTestDb()
    await seedDemo(db.prisma)
  }, 120_000)
  afterAll(() => db.close())

  it('stores every published round’s aggregates exactly as the rows give them', async () => {
    const published = await db.prisma.inspectionRound.count({
      where: { status: { in: ['PUBLISHED', 'CLOSED'] } },
    })
    const counts = await summaryCounts(db.prisma)
    expect(published).toBe(5)
    expect(counts.rounds).toBe(published)
    expect(counts.dimensions).toBeGreaterThan(0)
    expect(counts.problems).toBeGreaterThan(0)
    expect(counts.items).toBeGreaterThan(0)
    expect(await summaryMismatches(db.prisma)).toEqual(NO_MISMATCH)
  })

  it('headline figures from the stored counts equal the rows’, for every area and period', async () => {
    const viewer = { userId: 0, role: 'LEADER' as const, orgId: null }
    const areas = (await db.prisma.area.findMany()).map((a) => a.id)
    const published = await db.prisma.inspectionRound.findMany({
      where: { status: { in: ['PUBLISHED', 'CLOSED'] } },
      include: { areas: true },
      orderBy: [{ year: 'asc' }, { quarter: 'asc' }],
    })
    const last = published.at(-1)!
    const periods = [
      null,
      { fromYear: last.year, fromQuarter: last.quarter },
      { toYear: published[1]!.year, toQuarter: published[1]!.quarter },
    ]
    let checked = 0
    for (const areaId of [null, ...areas]) {
      for (const period of periods) {
        const key = (r: { year: number; quarter: number }) => r.year * 10 + r.quarter
        const from = period?.fromYear != null ? period.fromYear * 10 + (period.fromQuarter ?? 1) : 0
        const to = period?.toYear != null ? period.toYear * 10 + (period.toQuarter ?? 4) : 99999
        const roundIds = published
          .filter(
            (r) =>
              key(r) >= from &&
              key(r) <= to &&
              (areaId === null || r.areas.some((a) => a.areaId === areaId)),
          )
          .map((r) => r.id)
        const inArea = areaId === null ? {} : { areaId }
        const findings = await db.prisma.finding.findMany({
          where: { roundId: { in: roundIds }, ...inArea },
        })
        const items = await db.prisma.rectification.findMany({
          where: {
            roundId: { in: roundIds },
            ...(areaId === null
              ? {}
              : { OR: [{ finding: { areaId } }, { interviewItem: { interview: { areaId } } }] }),
          },
        })
        const assessed = await db.prisma.assessment.groupBy({
          by: ['orgId'],
          where: { roundId: { in: roundIds }, ...inArea },
        })
        const h = await headlineFigures(db.prisma, viewer, { areaId, period, now: new Date() })
        expect(h, JSON.stringify({ areaId, period })).toMatchObject({
          roundsHeld: roundIds.length,
          findings: findings.length,
          standingFindings: findings.filter(
            (f) => f.reconciliationStatus === 'CONFIRMED' || f.reconciliationStatus === 'UPHELD',
          ).length,
          problemCategories: new Set(findings.map((f) => f.problemCategoryId)).size,
          feedbackForms: await db.prisma.feedbackForm.count({
            where: {
              roundId: { in: roundIds },
              ...(areaId === null ? {} : { findings: { some: { areaId } } }),
            },
          }),
          orgsAssessed: assessed.length,
          rectifications: items.length,
          closedRectifications: items.filter((i) => i.status === 'CLOSED').length,
        })
        checked += h.findings
      }
    }
    expect(checked).toBeGreaterThan(286)
  })

  it('storing again changes nothing (and repairs a tampered row); an unpublished round is refused', async () => {
    const rounds = await db.prisma.inspectionRound.findMany({ orderBy: { id: 'asc' } })
    const before = await summaryCounts(db.prisma)
    // The comparison does see a difference.
    const row = await db.prisma.roundProblemSummary.findFirstOrThrow()
    await db.prisma.roundProblemSummary.update({
      where: {
        roundId_areaId_category_problemCategoryId: {
          roundId: row.roundId,
          areaId: row.areaId,
          category: row.category,
          problemCategoryId: row.problemCategoryId,
        },
      },
      data: { standingFindings: { increment: 1 } },
      select: { roundId: true },
    })
    expect((await summaryMismatches(db.prisma)).problems).toHaveLength(2)
    const frozen = await db.prisma.assessment.findFirstOrThrow({
      where: { findingCount: { gt: 0 } },
      select: { id: true },
    })
    await db.prisma.assessment.update({
      where: { id: frozen.id },
      data: { findingCount: { increment: 1 } },
      select: { id: true },
    })
    expect((await summaryMismatches(db.prisma)).findingCounts).toEqual([
      expect.objectContaining({ id: frozen.id }),
    ])
    for (const round of rounds.filter((r) => r.status === 'PUBLISHED' || r.status === 'CLOSED')) {
      await storeRoundSummaries(db.prisma, round.id)
    }
    expect(await summaryCounts(db.prisma)).toEqual(before)
    expect(await summaryMismatches(db.prisma)).toEqual(NO_MISMATCH)
    const current = rounds.find((r) => r.status !== 'PUBLISHED' && r.status !== 'CLOSED')!
    await expect(storeRoundSummaries(db.prisma, current.id)).rejects.toThrow(/not published/)
  })
})

describe('after a quarter published through the workflow', () => {
  let db: TestDb
  let fx: Fixture
  let roundId: number
  beforeAll(async () => {
    db = await createTestDb()
    fx = await buildFixture(db.prisma)
    ;({ roundId } = await runQuarter(runner(db.prisma), db.prisma, fx))
  }, 120_000)
  afterAll(() => db.close())

  it('publication stored the round’s aggregates in its transaction', async () => {
    const [dimensions, problems] = await Promise.all([
      db.prisma.roundDimensionSummary.findMany({ where: { roundId } }),
      db.prisma.roundProblemSummary.findMany({ where: { roundId } }),
    ])
    const summary = await db.prisma.roundSummary.findUniqueOrThrow({ where: { roundId } })
    expect(summary.feedbackForms).toBe(await db.prisma.feedbackForm.count({ where: { roundId } }))
    // Nine orgs over three categories, one scheme each: every assessment in its category's rows.
    const assessed = await db.prisma.assessment.groupBy({
      by: ['category'],
      where: { roundId },
      _count: true,
    })
    for (const { category, _count } of assessed) {
      const rows = dimensions.filter((d) => d.category === category)
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.every((d) => d.assessments === _count)).toBe(true)
    }
    expect(problems.reduce((n, p) => n + p.findings, 0)).toBe(
      await db.prisma.finding.count({ where: { roundId } }),
    )
    expect(problems.reduce((n, p) => n + p.standingFindings, 0)).toBe(
      await db.prisma.finding.count({
        where: { roundId, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] } },
      }),
    )
    expect(await summaryMismatches(db.prisma)).toEqual(NO_MISMATCH)
  })

  it('items opened by publication and by a later interview carry their assessment’s area and category', async () => {
    const interview = await db.prisma.interview.findFirstOrThrow({
      where: { roundId, orgId: fx.orgs.A4 },
    })
    const item = await runner(db.prisma)((tx) =>
      wf.addInterviewItem(tx, fx.admin, {
        interviewId: interview.id,
        content: '完善党员发展台账',
        deadline: '2026-06-30',
      }),
    )
    const rect = await db.prisma.rectification.findUniqueOrThrow({
      where: { interviewItemId: item.id },
    })
    expect([rect.areaId, rect.category]).toEqual([fx.areaId, 'I'])
    const items = await db.prisma.rectification.findMany({ where: { roundId } })
    expect(items.length).toBeGreaterThan(1)
    expect(items.every((i) => i.areaId === fx.areaId && i.category !== null)).toBe(true)
    expect(await summaryMismatches(db.prisma)).toEqual(NO_MISMATCH)
  })
})
