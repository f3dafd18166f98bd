/**
 * Analytics over the demo seed through GraphQL, checked against the source's reference figures
 * and against the scoring engine applied to the same stored rows.
 */
import { readFrozenDimensions, type OrgCategory } from '@redblue/db'
import {
  categoryAverageSeries,
  closeOutRate,
  computeLists,
  dimensionAverages,
  findingCountsByCategory,
  orgSeries,
  rankEntries,
  sumScores,
  toFixed2,
} from '@redblue/scoring'
import { beforeAll, describe, expect, it } from 'vitest'
import { rulesFor } from '../../src/services/workflow/rules'
import { ok } from '../helpers'
import { useDemoApi } from './demo'
import type {
  CategoryAveragesData,
  DrillData,
  HeadlineData,
  MatrixData,
  ParetoData,
  RankingData,
  RepeatData,
  TrendsData,
} from './types'

const api = useDemoApi()
const CATEGORIES: OrgCategory[] = ['I', 'II', 'III']

let leader: string
let areaIds: number[]
let publishedRoundIds: number[]

beforeAll(async () => {
  await api.reset()
  leader = await api.login('leader')
  areaIds = (await api.prisma.area.findMany({ orderBy: { sortOrder: 'asc' } })).map((a) => a.id)
  publishedRoundIds = (
    await api.prisma.inspectionRound.findMany({
      where: { status: { in: ['PUBLISHED', 'CLOSED'] } },
      orderBy: [{ year: 'asc' }, { quarter: 'asc' }],
    })
  ).map((r) => r.id)
}, 120_000)

describe('headline figures', () => {
  it('reproduce the source: 5 rounds, 161 forms, 286 findings in 33 categories', async () => {
    const { analyticsHeadline: h } = ok(
      await api.gql<HeadlineData>(
        `{ analyticsHeadline { roundsHeld feedbackForms findings standingFindings problemCategories orgsAssessed
             rectifications closedRectifications closeOutRate overdueRectifications } }`,
        {},
        leader,
      ),
    )
    expect(h).toMatchObject({ roundsHeld: 5, feedbackForms: 161, findings: 286, problemCategories: 33, orgsAssessed: 31 })
    expect(h.standingFindings).toBeLessThanOrEqual(286)
    const items = await api.prisma.rectification.findMany({ where: { round: { status: { in: ['PUBLISHED', 'CLOSED'] } } } })
    expect(h.rectifications).toBe(items.length)
    expect(h.closedRectifications).toBe(items.filter((r) => r.status === 'CLOSED').length)
    // The engine's close-out rate over the same items, taken as one period.
    expect(h.closeOutRate).toBe(closeOutRate(items.map((r) => ({ roundId: 0, closed: r.status === 'CLOSED' })), [0])[0]!.rate)
  })

  it('narrow by period and area', async () => {
    const q = `query ($areaId: Int, $period: AnalyticsPeriodInput) {
      analyticsHeadline(areaId: $areaId, period: $period) { roundsHeld findings feedbackForms } }`
    const first = publishedRoundIds[0]!
    const round = await api.prisma.inspectionRound.findUniqueOrThrow({ where: { id: first } })
    const one = ok(
      await api.gql<HeadlineData>(q, { period: { fromYear: round.year, fromQuarter: round.quarter, toYear: round.year, toQuarter: round.quarter } }, leader),
    ).analyticsHeadline
    expect(one.roundsHeld).toBe(1)
    expect(one.findings).toBe(await api.prisma.finding.count({ where: { roundId: first } }))
    let byArea = 0
    for (const areaId of areaIds) byArea += ok(await api.gql<HeadlineData>(q, { areaId }, leader)).analyticsHeadline.findings
    expect(byArea).toBe(286)
    const bad = await api.gql(q, { period: { fromYear: 2025, toYear: 2024 } }, leader)
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})

describe('category ranking', () => {
  it('orders and marks every published category exactly as the scoring engine does', async () => {
    const q = `query ($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
      categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) {
        previousRoundId rows { assessmentId orgId rank base bonus total listMark previousRank previousTotal rankChange totalChange findingCount }
      } }`
    let checked = 0
    for (const roundId of publishedRoundIds) {
      const round = await api.prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId } })
      const { rules } = await rulesFor(api.prisma, round.year)
      for (const areaId of areaIds) {
        const listRows = []
        const served = new Map<number, { rank: number; listMark: string | null }>()
        for (const category of CATEGORIES) {
          const { categoryRanking } = ok(await api.gql<RankingData>(q, { roundId, areaId, category }, leader))
          const rows = categoryRanking.rows
          // Stored totals ranked again by the engine give the same order and ranks.
          const engine = rankEntries(rows.map((r) => ({ orgId: r.orgId, base: r.base, total: r.total })))
          expect(rows.map((r) => r.rank)).toEqual(engine.map((e) => e.rank))
          expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set(engine.map((e) => e.orgId)))
          expect(rows.map((r) => r.total)).toEqual(engine.map((e) => e.total))
          for (const e of engine) listRows.push({ ...e, category })
          for (const r of rows) served.set(r.orgId, r)
          checked += rows.length
        }
        const lists = computeLists(listRows, rules)
        const marks = new Map(lists.marks.map((m) => [Number(m.orgId), m.mark]))
        for (const [orgId, row] of served) expect([orgId, row.listMark]).toEqual([orgId, marks.get(orgId) ?? null])
      }
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('compares with the previous published round of the area', async () => {
    const [first, second] = publishedRoundIds
    const areaId = areaIds[0]!
    const q = `query ($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
      categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) {
        previousRoundId previousRound { id } rows { orgId rank total previousRank previousTotal rankChange totalChange }
      } }`
    const before = ok(await api.gql<RankingData>(q, { roundId: first, areaId, category: 'I' }, leader)).categoryRanking
    expect(before.previousRoundId).toBeNull()
    const after = ok(await api.gql<RankingData>(q, { roundId: second, areaId, category: 'I' }, leader)).categoryRanking
    expect(after.previousRoundId).toBe(first)
    expect(after.previousRound?.id).toBe(first)
    const earlier = new Map(before.rows.map((r) => [r.orgId, r]))
    let compared = 0
    for (const row of after.rows) {
      const prev = earlier.get(row.orgId)
      if (!prev) continue
      compared++
      expect(row.previousRank).toBe(prev.rank)
      expect(row.previousTotal).toBe(prev.total)
      expect(row.rankChange).toBe(prev.rank - row.rank)
      expect(row.totalChange).toBe(sumScores([row.total, `-${prev.total}`]))
    }
    expect(compared).toBeGreaterThan(0)
  })

  it('reads short names and the previous round’s figures only when asked, and answers them however asked', async () => {
    const roundId = publishedRoundIds[1]!
    type Row = { assessmentId: number; org: { name: string; shortName?: string | null }; rankChange: number | null; previousRank?: number | null; previousTotal?: string | null; previousAssessmentId?: number | null }
    const ask = async (rows: string, fragments = '') =>
      ok(
        await api.gql<{ categoryRanking: Record<string, Row[]> }>(
          `query ($r: Int!, $a: Int!) { categoryRanking(roundId: $r, areaId: $a, category: I) { ${rows} } } ${fragments}`,
          { r: roundId, a: areaIds[0] },
          leader,
        ),
      ).categoryRanking
    const full = await ask('rows { assessmentId org { name shortName } rankChange previousRank previousTotal previousAssessmentId }')
    // The demo's orgs have short names and a previous round: without them the checks below pass empty.
    expect(full.rows!.some((r) => r.org.shortName)).toBe(true)
    expect(full.rows!.some((r) => r.previousRank !== null && r.previousTotal !== null && r.previousAssessmentId !== null)).toBe(true)

    // The dashboard's table: the same rows, names and changes.
    const lean = await ask('rows { assessmentId org { name } rankChange }')
    expect(lean.rows).toEqual(full.rows!.map((r) => ({ assessmentId: r.assessmentId, org: { name: r.org.name }, rankChange: r.rankChange })))
    // Through a named fragment on the org, and an alias with an inline fragment on the row.
    const fragment = await ask('rows { org { ...O } }', 'fragment O on Organization { shortName }')
    expect(fragment.rows!.map((r) => r.org.shortName)).toEqual(full.rows!.map((r) => r.org.shortName))
    const aliased = await ask('list: rows { ... on CategoryRankingRow { previousRank previousTotal previousAssessmentId } }')
    expect(aliased.list!.map((r) => [r.previousRank, r.previousTotal, r.previousAssessmentId])).toEqual(
      full.rows!.map((r) => [r.previousRank, r.previousTotal, r.previousAssessmentId]),
    )
  })

  it('counts each org’s open items from its findings and its interview', async () => {
    const roundId = publishedRoundIds.at(-1)!
    const q = `query ($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
      categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) { rows { orgId findingCount openRectifications } } }`
    for (const areaId of areaIds) {
      const served = new Map<number, { findingCount: number | null; openRectifications: number | null }>()
      for (const category of CATEGORIES) {
        for (const row of ok(await api.gql<RankingData>(q, { roundId, areaId, category }, leader)).categoryRanking.rows) {
          served.set(row.orgId, row)
        }
      }
      const open = await api.prisma.rectification.findMany({
        where: {
          roundId,
          status: { not: 'CLOSED' },
          OR: [{ finding: { areaId } }, { interviewItem: { interview: { areaId } } }],
        },
      })
      const findings = await api.prisma.finding.findMany({
        where: { roundId, areaId, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] } },
      })
      for (const [orgId, row] of served) {
        expect([orgId, row.openRectifications, row.findingCount]).toEqual([
          orgId,
          open.filter((r) => r.orgId === orgId).length,
          findings.filter((f) => f.orgId === orgId).length,
        ])
      }
      expect(open.every((r) => served.has(r.orgId))).toBe(true)
    }
  })

  it('serves the same figures as columns in `table`, nulls where the caller may not see the org', async () => {
    const roundId = publishedRoundIds.at(-1)!
    const fields = 'assessmentId orgId org { name } rank base bonus total listMark rankChange totalChange findingCount openRectifications'
    const columns =
      'assessmentIds orgIds orgNames ranks bases bonuses totals listMarks rankChanges totalChanges findingCounts openRectifications'
    const q = `query ($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
      categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) { rows { ${fields} } table { ${columns} } } }`
    type Table = Record<string, unknown[]>
    type Served = { categoryRanking: { rows: Record<string, unknown>[]; table: Table } }
    const branch = await api.login('branch1')
    const own = await api.prisma.user.findUniqueOrThrow({ where: { username: 'branch1' } })
    let hidden = 0
    let checked = 0
    for (const viewer of [leader, branch]) {
      for (const category of CATEGORIES) {
        const { rows, table } = ok(await api.gql<Served>(q, { roundId, areaId: areaIds[0], category }, viewer)).categoryRanking
        // Column i of each list is row i: transposed back, the table is the rows field by field.
        const transposed = rows.map((_, i) => ({
          assessmentId: table.assessmentIds![i],
          orgId: table.orgIds![i],
          org: { name: table.orgNames![i] },
          rank: table.ranks![i],
          base: table.bases![i],
          bonus: table.bonuses![i],
          total: table.totals![i],
          listMark: table.listMarks![i],
          rankChange: table.rankChanges![i],
          totalChange: table.totalChanges![i],
          findingCount: table.findingCounts![i],
          openRectifications: table.openRectifications![i],
        }))
        expect(transposed).toEqual(rows)
        // In rank order, unranked orgs last.
        const ranks = table.ranks as (number | null)[]
        const byRank = [...ranks].sort((a, b) => (a ?? Infinity) - (b ?? Infinity))
        expect(ranks).toEqual(byRank)
        for (const list of Object.values(table)) expect(list).toHaveLength(rows.length)
        // Asked alone, as the dashboard asks it, the table is the same.
        const alone = `query ($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
          categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) { table { ${columns} } } }`
        const served = ok(await api.gql<Served>(alone, { roundId, areaId: areaIds[0], category }, viewer))
        expect(served.categoryRanking.table).toEqual(table)
        checked += rows.length
        if (viewer === branch) {
          rows.forEach((row, i) => {
            const visible = row.orgId === own.orgId
            expect(table.findingCounts![i] === null).toBe(!visible)
            expect(table.openRectifications![i] === null).toBe(!visible)
            if (!visible) hidden++
          })
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
    expect(hidden).toBeGreaterThan(0)
  })

  it('is NOT_FOUND for a round that is not published', async () => {
    const current = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: { notIn: ['PUBLISHED', 'CLOSED'] } } })
    const res = await api.gql(
      `query ($r: Int!, $a: Int!) { categoryRanking(roundId: $r, areaId: $a, category: I) { rows { orgId } } }`,
      { r: current.id, a: areaIds[0] },
      leader,
    )
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })
})

describe('drill-down', () => {
  it('lost points add up to 100 − base at every level, for every assessment of the latest round', async () => {
    const roundId = publishedRoundIds.at(-1)!
    const assessments = await api.prisma.assessment.findMany({
      where: { roundId },
      include: { indicatorPoints: true, findings: true },
      orderBy: { id: 'asc' },
    })
    const q = `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) {
      base baseMax lost findingIds
      dimensions { dimensionId points lost max indicators { indicatorId lost } }
      indicators { indicatorId dimensionId points lost max reason findingIds method }
    } }`
    for (const a of assessments) {
      const d = ok(await api.gql<DrillData>(q, { id: a.id }, leader)).assessmentDrilldown
      expect(d.base).toBe(toFixed2(a.baseScore!))
      expect(sumScores([d.baseMax, `-${d.base}`])).toBe(d.lost)
      expect(d.baseMax).toBe('100.00')
      const indicators = d.indicators
      expect(sumScores(indicators.map((i) => i.lost))).toBe(d.lost)
      // Every scheme indicator's frozen points are what the engine's rescoring gives.
      const frozen = a.indicatorPoints!.points as Record<string, string>
      expect(Object.keys(frozen).map(Number).sort((x, y) => x - y)).toEqual(
        indicators.map((i) => i.indicatorId).sort((x, y) => x - y),
      )
      for (const i of indicators) {
        expect([i.indicatorId, i.points]).toEqual([i.indicatorId, frozen[String(i.indicatorId)]])
      }
      // Each dimension's frozen subtotal loss is the sum of its indicators' losses.
      for (const dim of d.dimensions) {
        expect(sumScores(dim.indicators.map((i) => i.lost))).toBe(dim.lost)
      }
      // Points lost to findings are covered by those findings' deductions (capped at the max).
      for (const i of indicators.filter((x) => x.reason === 'FINDINGS')) {
        const deductions = a.findings.filter((f) => i.findingIds.includes(f.id)).map((f) => f.deduction)
        expect(i.findingIds.length).toBe(deductions.length)
        const lost = Number(i.lost)
        expect(Number(sumScores(deductions))).toBeGreaterThanOrEqual(lost)
      }
      const standing = a.findings.filter((f) => f.reconciliationStatus === 'CONFIRMED' || f.reconciliationStatus === 'UPHELD')
      expect(new Set(d.findingIds)).toEqual(new Set(standing.filter((f) => Number(f.deduction) > 0 && indicators.find((i) => i.indicatorId === f.indicatorId)?.method === 'DEDUCTION').map((f) => f.id)))
    }
  })

  it('links each lost point to its findings, their rectification, history and evidence', async () => {
    const finding = await api.prisma.finding.findFirstOrThrow({
      where: { reconciliationStatus: 'CONFIRMED', round: { status: 'PUBLISHED' }, rectification: { isNot: null } },
      include: { rectification: { include: { events: true } } },
      orderBy: { id: 'asc' },
    })
    const { assessmentDrilldown: d } = ok(
      await api.gql<DrillData>(
        `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) {
          assessment { id orgId }
          indicators(lostOnly: true) { indicatorId reason findingIds
            findings { id indicatorId description deduction problemCategory { name } evidence { id } }
            rectifications { id findingId status deadline events { id type note evidence { id originalName } } }
          } } }`,
        { id: finding.assessmentId },
        leader,
      ),
    )
    expect(d.assessment.id).toBe(finding.assessmentId)
    const indicator = d.indicators.find((i) => i.indicatorId === finding.indicatorId)!
    expect(indicator.reason).toBe('FINDINGS')
    expect(indicator.findings.map((f) => f.id)).toEqual(indicator.findingIds)
    expect(indicator.findingIds).toContain(finding.id)
    const rect = indicator.rectifications.find((r) => r.findingId === finding.id)!
    expect(rect.id).toBe(finding.rectification!.id)
    expect(rect.events.length).toBe(finding.rectification!.events.length)
  })
})

describe('trends', () => {
  const q = `query ($areaId: Int!, $rounds: Int) {
    analyticsTrends(areaId: $areaId, rounds: $rounds) {
      roundIds rounds { id year quarter }
      orgs { orgId totals ranks marks categories }
      listHistory { orgId marks }
      categoryAverages { category totals dimensions { code points lost } }
      findingCounts { problemCategoryId problemCategory { id name } counts total }
      closeOutRates { roundId total closed rate }
    } }`

  it('default to the last five published rounds and match the engine’s series', async () => {
    const areaId = areaIds[0]!
    const t = ok(await api.gql<TrendsData>(q, { areaId }, leader)).analyticsTrends
    const roundIds = t.roundIds
    expect(roundIds).toEqual(publishedRoundIds.slice(-5))
    expect(t.rounds.map((r) => r.id)).toEqual(roundIds)

    const assessments = await api.prisma.assessment.findMany({
      where: { areaId, roundId: { in: roundIds } },
      include: { indicatorPoints: { select: { dimensions: true } } },
    })
    const codeOf = new Map((await api.prisma.dimension.findMany()).map((d) => [d.id, d.code]))
    const rows = assessments.map((a) => ({ roundId: a.roundId, orgId: a.orgId, category: a.category, total: a.totalScore! }))
    const engineOrgs = new Map(orgSeries(rows, roundIds).map((s) => [s.orgId, s.values]))
    expect(t.orgs.length).toBe(engineOrgs.size)
    for (const o of t.orgs) {
      expect(o.totals).toEqual(engineOrgs.get(o.orgId))
    }
    // In the orgs' order, each with its category, rank and mark of every round (null where none).
    const orgsInOrder = await api.prisma.organization.findMany({
      where: { id: { in: [...engineOrgs.keys()].map(Number) } },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    })
    expect(t.orgs.map((o) => o.orgId)).toEqual(orgsInOrder.map((o) => o.id))
    for (const o of t.orgs) {
      const at = (roundId: number) => assessments.find((a) => a.orgId === o.orgId && a.roundId === roundId)
      expect([o.orgId, o.categories, o.ranks, o.marks]).toEqual([
        o.orgId,
        roundIds.map((r) => at(r)?.category ?? null),
        roundIds.map((r) => at(r)?.rank ?? null),
        roundIds.map((r) => at(r)?.listMark ?? null),
      ])
    }
    expect(t.categoryAverages.map((c) => ({ category: c.category, values: c.totals }))).toEqual(
      categoryAverageSeries(rows, roundIds),
    )
    // Dimension averages per round and category: the engine's dimensionAverages over the rows.
    for (const c of t.categoryAverages) {
      roundIds.forEach((roundId, i) => {
        const scores = assessments
          .filter((a) => a.roundId === roundId && a.category === c.category)
          .flatMap((a) => readFrozenDimensions(a.indicatorPoints?.dimensions).map((s) => ({ dimensionId: codeOf.get(s.d)!, points: s.p, lost: s.l })))
        for (const avg of dimensionAverages(scores)) {
          const series = c.dimensions.find((d) => d.code === avg.dimensionId)!
          expect([avg.dimensionId, series.points[i], series.lost[i]]).toEqual([avg.dimensionId, avg.averagePoints, avg.averageLost])
        }
      })
    }
    const marked = t.orgs.filter((o) => o.marks.some((m) => m))
    expect(t.listHistory.map((o) => o.orgId)).toEqual(marked.map((o) => o.orgId))

    const findings = await api.prisma.finding.findMany({
      where: { areaId, roundId: { in: roundIds }, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] } },
    })
    const engineCounts = findingCountsByCategory(findings, roundIds)
    const served = t.findingCounts
    expect(served.map((s) => s.total)).toEqual(engineCounts.map((s) => s.total))
    expect(new Map(served.map((s) => [s.problemCategoryId, s.counts]))).toEqual(
      new Map(engineCounts.map((s) => [s.problemCategoryId, s.counts])),
    )

    const items = await api.prisma.rectification.findMany({
      where: {
        roundId: { in: roundIds },
        OR: [{ finding: { areaId } }, { interviewItem: { interview: { areaId } } }],
      },
    })
    expect(t.closeOutRates).toEqual(closeOutRate(items.map((r) => ({ roundId: r.roundId, closed: r.status === 'CLOSED' })), roundIds))
  })

  it('read ranks and marks only when asked, and answer them however they are asked for', async () => {
    const areaId = areaIds[0]!
    type Series = { orgId: number; totals?: (string | null)[]; ranks?: (number | null)[]; marks?: (string | null)[] }
    const ask = async (selection: string) =>
      ok(
        await api.gql<{ analyticsTrends: Record<string, Series[]> }>(
          `query ($a: Int!) { analyticsTrends(areaId: $a) { ${selection} } }` +
            (selection.includes('...H') ? ' fragment H on OrgTrend { ranks marks }' : ''),
          { a: areaId },
          leader,
        ),
      ).analyticsTrends
    const full = await ask('orgs { orgId totals ranks marks } listHistory { orgId }')
    // The demo has red and blue lists in the window: without marks the checks below would pass empty.
    expect(full.orgs!.some((o) => o.marks!.some((m) => m !== null))).toBe(true)
    expect(full.listHistory!.length).toBeGreaterThan(0)

    // A chart of totals (the dashboard's selection): the same totals, orgs and order.
    const lean = await ask('orgs { orgId totals } categoryAverages { category totals }')
    expect(lean.orgs!.map((o) => [o.orgId, o.totals])).toEqual(full.orgs!.map((o) => [o.orgId, o.totals]))
    // Through a named fragment, an alias and an inline fragment.
    const fragment = await ask('orgs { orgId ...H }')
    expect(fragment.orgs!.map((o) => [o.ranks, o.marks])).toEqual(full.orgs!.map((o) => [o.ranks, o.marks]))
    const aliased = await ask('series: orgs { ... on OrgTrend { orgId marks } }')
    expect(aliased.series!.map((o) => o.marks)).toEqual(full.orgs!.map((o) => o.marks))
    // The list history picks its orgs by their marks, asked for or not.
    const history = await ask('listHistory { orgId }')
    expect(history.listHistory!.map((o) => o.orgId)).toEqual(full.listHistory!.map((o) => o.orgId))
  })

  it('take a shorter window ending at a given round', async () => {
    const t = ok(
      await api.gql<TrendsData>(
        `query ($a: Int!, $u: Int) { analyticsTrends(areaId: $a, rounds: 2, untilRoundId: $u) { roundIds orgs { totals } } }`,
        { a: areaIds[1], u: publishedRoundIds[2] },
        leader,
      ),
    ).analyticsTrends
    expect(t.roundIds).toEqual(publishedRoundIds.slice(1, 3))
    for (const o of t.orgs) expect(o.totals).toHaveLength(2)
  })
})

describe('comparisons', () => {
  it('matrix rows add up to each org’s lost points; Pareto runs to 100 %', async () => {
    const roundId = publishedRoundIds.at(-1)!
    const areaId = areaIds[0]!
    const { lostPointsMatrix: m, problemCategoryPareto: p, categoryAverages: c, repeatFindings: r } = ok(
      await api.gql<MatrixData & ParetoData & CategoryAveragesData & RepeatData>(
        `query ($r: Int!, $a: Int!) {
          lostPointsMatrix(roundId: $r, areaId: $a) { columns { code name averageLost } rows { assessmentId org { name } lost totalLost } }
          problemCategoryPareto { totalFindings entries { problemCategory { name } count share cumulativeShare } }
          categoryAverages(roundId: $r, areaId: $a) { category orgCount averageTotal red blue dimensions { code averagePoints } }
          repeatFindings { totalFindings repeatFindings groups { org { name } problemCategory { name } repeatCount roundIds findingIds } }
        }`,
        { r: roundId, a: areaId },
        leader,
      ),
    )
    const bases = new Map(
      (await api.prisma.assessment.findMany({ where: { roundId, areaId } })).map((a) => [a.id, a.baseScore!]),
    )
    expect(m.rows).toHaveLength(bases.size)
    for (const row of m.rows) {
      expect(row.totalLost).toBe(sumScores(row.lost.filter((x): x is string => x !== null)))
      expect(row.totalLost).toBe(sumScores(['100', `-${toFixed2(bases.get(row.assessmentId)!)}`]))
    }
    expect(p.entries).toHaveLength(33)
    expect(p.entries.at(-1)?.cumulativeShare).toBe('100.00')
    expect(p.entries.reduce((n, e) => n + e.count, 0)).toBe(p.totalFindings)
    const counts = p.entries.map((e) => e.count)
    expect(counts).toEqual([...counts].sort((x, y) => y - x))
    expect(c.map((s) => s.category)).toEqual(['I', 'II', 'III'])
    expect(c.reduce((n, s) => n + s.orgCount, 0)).toBe(bases.size)
    const repeats = await api.prisma.finding.count({
      where: { isRepeat: true, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] }, round: { status: { in: ['PUBLISHED', 'CLOSED'] } } },
    })
    expect(r.repeatFindings).toBe(repeats)
    expect(r.groups.reduce((n, g) => n + g.repeatCount, 0)).toBe(repeats)
  })
})
