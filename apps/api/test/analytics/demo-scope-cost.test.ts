/**
 * Who sees what (R12) in the analytics, and what each query costs: a fixed number of SQL
 * statements per request, the same for one org or round as for all of them (no N+1).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { errorCode, ok } from '../helpers'
import { counted, useDemoApi } from './demo'
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

let leader: string
let branch: string
let inspector: string
let branchOrgId: number
let areaId: number
let roundIds: number[]
let latest: number

beforeAll(async () => {
  await api.reset()
  leader = await api.login('leader')
  branch = await api.login('branch1')
  inspector = await api.login('inspector1')
  branchOrgId = (await api.prisma.user.findUniqueOrThrow({ where: { username: 'branch1' } })).orgId!
  areaId = (await api.prisma.area.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } })).id
  roundIds = (
    await api.prisma.inspectionRound.findMany({
      where: { status: { in: ['PUBLISHED', 'CLOSED'] } },
      orderBy: [{ year: 'asc' }, { quarter: 'asc' }],
    })
  ).map((r) => r.id)
  latest = roundIds.at(-1)!
}, 120_000)

const STANDING = { in: ['CONFIRMED', 'UPHELD'] as ('CONFIRMED' | 'UPHELD')[] }
const PUBLISHED = { status: { in: ['PUBLISHED', 'CLOSED'] as ('PUBLISHED' | 'CLOSED')[] } }

const DRILL = `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) {
  assessmentId orgId base lost
  dimensions { code points categoryAveragePoints indicators { indicatorId lost } }
  indicators(lostOnly: true) { indicatorId reason findingIds
    findings { id description deduction problemCategory { name } evidence { id originalName } }
    rectifications { id status deadline events { id type note createdAt evidence { id originalName } } }
  } } }`

describe('BRANCH scope: own org in full, others only through published rankings', () => {
  it('drill-down of another org is NOT_FOUND; of its own org it works', async () => {
    const own = await api.prisma.assessment.findFirstOrThrow({ where: { orgId: branchOrgId, roundId: latest } })
    const other = await api.prisma.assessment.findFirstOrThrow({ where: { orgId: { not: branchOrgId }, roundId: latest } })
    expect(ok(await api.gql<DrillData>(DRILL, { id: own.id }, branch)).assessmentDrilldown.orgId).toBe(branchOrgId)
    const res = await api.gql<DrillData>(DRILL, { id: other.id }, branch)
    expect(errorCode(res)).toBe('NOT_FOUND')
    expect(res.data?.assessmentDrilldown ?? null).toBeNull()
  })

  it('sees every org’s published totals but only its own finding counts', async () => {
    const own = await api.prisma.assessment.findFirstOrThrow({ where: { orgId: branchOrgId, roundId: latest, areaId } })
    const { categoryRanking } = ok(
      await api.gql<RankingData>(
        `query ($r: Int!, $a: Int!, $c: OrgCategory!) { categoryRanking(roundId: $r, areaId: $a, category: $c) {
          rows { orgId total rank listMark findingCount openRectifications } } }`,
        { r: latest, a: areaId, c: own.category },
        branch,
      ),
    )
    const rows = categoryRanking.rows
    expect(rows.length).toBeGreaterThan(1)
    for (const row of rows) {
      expect(row.total).toMatch(/^\d+\.\d\d$/)
      if (row.orgId === branchOrgId) {
        expect(row.findingCount).toBe(await api.prisma.finding.count({ where: { assessmentId: own.id, reconciliationStatus: STANDING } }))
      } else {
        expect([row.findingCount, row.openRectifications]).toEqual([null, null])
      }
    }
  })

  it('headline, Pareto, finding trends and the heatmap cover its own org only', async () => {
    const data = ok(
      await api.gql<HeadlineData & ParetoData & RepeatData & MatrixData & TrendsData>(
        `query ($r: Int!, $a: Int!) {
          analyticsHeadline { roundsHeld findings }
          problemCategoryPareto { totalFindings }
          repeatFindings { totalFindings groups { orgId } }
          lostPointsMatrix(roundId: $r, areaId: $a) { rows { orgId } columns { code averageLost } }
          analyticsTrends(areaId: $a) { orgs { orgId totals dimensions { code } } findingCounts { total } }
        }`,
        { r: latest, a: areaId },
        branch,
      ),
    )
    expect(data.analyticsHeadline.roundsHeld).toBe(5)
    expect(data.analyticsHeadline.findings).toBe(await api.prisma.finding.count({ where: { orgId: branchOrgId, round: PUBLISHED } }))
    const standing = await api.prisma.finding.count({ where: { orgId: branchOrgId, round: PUBLISHED, reconciliationStatus: STANDING } })
    expect(data.problemCategoryPareto.totalFindings).toBe(standing)
    expect(data.repeatFindings.totalFindings).toBe(standing)
    expect(new Set(data.repeatFindings.groups.map((g) => g.orgId))).toEqual(
      new Set(data.repeatFindings.groups.length ? [branchOrgId] : []),
    )
    expect(data.lostPointsMatrix.rows.map((r) => r.orgId)).toEqual([branchOrgId])
    expect(data.lostPointsMatrix.columns.length).toBeGreaterThan(0)
    const orgs = data.analyticsTrends.orgs
    expect(orgs.length).toBeGreaterThan(1)
    for (const o of orgs) expect(o.dimensions.length > 0).toBe(o.orgId === branchOrgId)
    const trendFindings = await api.prisma.finding.count({
      where: { orgId: branchOrgId, areaId, round: PUBLISHED, reconciliationStatus: STANDING, roundId: { in: roundIds.slice(-5) } },
    })
    expect(data.analyticsTrends.findingCounts.reduce((n, s) => n + s.total, 0)).toBe(trendFindings)
  })
})

describe('INSPECTOR scope: the orgs of their assignments', () => {
  it('drills into assigned (round, org) pairs only', async () => {
    const user = await api.prisma.user.findUniqueOrThrow({ where: { username: 'inspector1' } })
    const pairs = await api.prisma.teamAssignment.findMany({
      where: { team: { members: { some: { userId: user.id } } }, round: PUBLISHED },
    })
    expect(pairs.length).toBeGreaterThan(0)
    const assigned = await api.prisma.assessment.findFirstOrThrow({ where: { roundId: pairs[0]!.roundId, orgId: pairs[0]!.orgId } })
    expect(ok(await api.gql<DrillData>(DRILL, { id: assigned.id }, inspector)).assessmentDrilldown.assessmentId).toBe(assigned.id)
    const unassigned = await api.prisma.assessment.findFirstOrThrow({
      where: { round: PUBLISHED, NOT: pairs.map((p) => ({ roundId: p.roundId, orgId: p.orgId })) },
    })
    expect(errorCode(await api.gql(DRILL, { id: unassigned.id }, inspector))).toBe('NOT_FOUND')
    const { analyticsHeadline } = ok(await api.gql<HeadlineData>('{ analyticsHeadline { findings } }', {}, inspector))
    expect(analyticsHeadline.findings).toBe(
      await api.prisma.finding.count({ where: { round: PUBLISHED, OR: pairs.map((p) => ({ roundId: p.roundId, orgId: p.orgId })) } }),
    )
  })

  it('anonymous callers get nothing', async () => {
    expect(errorCode(await api.gql('{ analyticsHeadline { findings } }'))).toBe('UNAUTHENTICATED')
  })
})

describe('statements per request', () => {
  it('headline: one statement, for all rounds or one', async () => {
    const all = await counted<HeadlineData>(api, leader, '{ analyticsHeadline { findings closeOutRate overdueRectifications } }')
    const one = await counted<HeadlineData>(
      api,
      leader,
      `query ($a: Int) { analyticsHeadline(areaId: $a, period: { fromYear: 2025, toYear: 2025 }) { findings closeOutRate } }`,
      { a: areaId },
    )
    expect([all.count, one.count]).toEqual([1, 1])
  })

  it('ranking: rows with their orgs in one statement — for a small or a large category', async () => {
    const q = `query ($r: Int!, $a: Int!, $c: OrgCategory!) { categoryRanking(roundId: $r, areaId: $a, category: $c) {
      previousRoundId rows { assessmentId rank total rankChange totalChange findingCount openRectifications org { id name } } } }`
    const sizes = await api.prisma.assessment.groupBy({ by: ['category'], where: { roundId: latest, areaId }, _count: true })
    const small = sizes.reduce((a, b) => (a._count <= b._count ? a : b))
    const large = sizes.reduce((a, b) => (a._count >= b._count ? a : b))
    expect(large._count).toBeGreaterThan(small._count)
    const s = await counted<RankingData>(api, leader, q, { r: latest, a: areaId, c: small.category })
    const l = await counted<RankingData>(api, leader, q, { r: latest, a: areaId, c: large.category })
    expect(s.data.categoryRanking.rows).toHaveLength(small._count)
    expect(l.data.categoryRanking.rows).toHaveLength(large._count)
    expect([s.count, l.count]).toEqual([1, 1])
  })

  it('ranking and trend rows: asking an org for more than id and names costs one statement more, and answers it whole', async () => {
    const more = `org { id name shortName code unitType sortOrder createdAt parent { id name } }`
    const ranking = (org: string, fragments = '') => `query ($r: Int!, $a: Int!, $c: OrgCategory!) {
      categoryRanking(roundId: $r, areaId: $a, category: $c) { rows { orgId ${org} } } } ${fragments}`
    const trend = (org: string, fragments = '') =>
      `query ($a: Int!) { analyticsTrends(areaId: $a, rounds: 3) { orgs { orgId ${org} } } } ${fragments}`
    type Row = {
      orgId: number
      org: {
        id: number
        name?: string
        shortName?: string | null
        code?: string
        unitType?: string
        sortOrder?: number
        createdAt?: string
        parent?: { id: number; name: string } | null
      }
    }
    const rowsOf = (d: unknown): Row[] => {
      const data = d as { categoryRanking?: { rows: Row[] }; analyticsTrends?: { orgs: Row[] } }
      return data.categoryRanking?.rows ?? data.analyticsTrends!.orgs
    }
    const orgs = new Map(
      (await api.prisma.organization.findMany({ include: { parent: true } })).map((o) => [o.id, o]),
    )
    const vars = { r: latest, a: areaId, c: 'II' }
    for (const [build, base] of [
      [ranking, 1],
      [trend, 2],
    ] as const) {
      const lean = await counted<unknown>(api, leader, build('org { id name shortName }'), vars)
      const whole = await counted<unknown>(api, leader, build(more), vars)
      // A field asked through a named or an inline fragment counts too.
      const named = await counted<unknown>(api, leader, build('org { ...More }', 'fragment More on Organization { code }'), vars)
      const inline = await counted<unknown>(api, leader, build('org { id ... on Organization { code } }'), vars)
      expect(rowsOf(named.data)[0]!.org.code).toBe(orgs.get(rowsOf(named.data)[0]!.orgId)!.code)
      expect(rowsOf(inline.data)[0]!.org.code).toBe(orgs.get(rowsOf(inline.data)[0]!.orgId)!.code)
      expect([named.count, inline.count]).toEqual([base + 1, base + 1])
      expect(lean.count).toBe(base)
      // One statement for the orgs; their parents come through the Prisma plugin's batched
      // fallback (a fixed number more, whatever the number of rows).
      const scalars = await counted<unknown>(api, leader, build(more.replace(' parent { id name }', '')), vars)
      expect(scalars.count).toBe(base + 1)
      expect(whole.count).toBeLessThanOrEqual(base + 3)
      const rows = rowsOf(whole.data)
      expect(rows.length).toBeGreaterThan(10)
      for (const row of rows) {
        const org = orgs.get(row.orgId)!
        expect(row.org).toEqual({
          id: org.id,
          name: org.name,
          shortName: org.shortName,
          code: org.code,
          unitType: org.unitType,
          sortOrder: org.sortOrder,
          createdAt: org.createdAt.toISOString(),
          parent: org.parent ? { id: org.parent.id, name: org.parent.name } : null,
        })
      }
      for (const row of rowsOf(lean.data)) {
        const org = orgs.get(row.orgId)!
        expect(row.org).toEqual({ id: org.id, name: org.name, shortName: org.shortName })
      }
    }
  })

  it('finding counts: the problem category’s name comes with the counts; asking for more costs one statement', async () => {
    const q = (fields: string) => `query ($a: Int!) { analyticsTrends(areaId: $a, rounds: 2) {
      findingCounts { problemCategoryId problemCategory { ${fields} } total } } }`
    type Data = {
      analyticsTrends: {
        findingCounts: {
          problemCategoryId: number
          problemCategory: { id: number; name: string; code?: string; sortOrder?: number }
          total: number
        }[]
      }
    }
    const categories = new Map((await api.prisma.problemCategory.findMany()).map((c) => [c.id, c]))
    for (const cookie of [leader, branch]) {
      const names = await counted<Data>(api, cookie, q('id name'), { a: areaId })
      const more = await counted<Data>(api, cookie, q('id name code sortOrder'), { a: areaId })
      // window + finding counts; the same and one statement for the categories
      expect([names.count, more.count]).toEqual([2, 3])
      const series = more.data.analyticsTrends.findingCounts
      expect(series.length).toBeGreaterThan(0)
      expect(names.data.analyticsTrends.findingCounts.map((s) => s.problemCategory)).toEqual(
        series.map((s) => {
          const c = categories.get(s.problemCategoryId)!
          return { id: c.id, name: c.name }
        }),
      )
      for (const s of series) {
        const c = categories.get(s.problemCategoryId)!
        expect(s.problemCategory).toEqual({ id: c.id, name: c.name, code: c.code, sortOrder: c.sortOrder })
      }
    }
  })

  it('trends: the same statements for one round as for five', async () => {
    const q = `query ($a: Int!, $n: Int) { analyticsTrends(areaId: $a, rounds: $n) {
      rounds { id name }
      orgs { orgId org { name } totals ranks marks dimensions { code points } }
      listHistory { orgId marks }
      categoryAverages { category totals dimensions { code points lost } }
      findingCounts { problemCategory { name } counts total }
      closeOutRates { roundId rate }
    } }`
    const one = await counted<TrendsData>(api, leader, q, { a: areaId, n: 1 })
    const five = await counted<TrendsData>(api, leader, q, { a: areaId, n: 5 })
    expect(one.data.analyticsTrends.rounds).toHaveLength(1)
    expect(five.data.analyticsTrends.rounds).toHaveLength(5)
    // window (which answers `rounds { id name }` too), totals with their orgs (shared by
    // orgs/listHistory/averages), org dimensions, dimension averages, finding counts with their
    // categories' names, close-out rates
    expect([one.count, five.count]).toEqual([6, 6])
  })

  it('trends: rounds asked for more than the window read cost one statement more, answered whole', async () => {
    type Rounds = { analyticsTrends: { roundIds: number[]; rounds: Record<string, unknown>[] } }
    const q = (fields: string) => `query ($a: Int!) { analyticsTrends(areaId: $a) { roundIds rounds { ${fields} } } }`
    const lean = await counted<Rounds>(api, leader, q('id name year quarter'), { a: areaId })
    const whole = await counted<Rounds>(api, leader, q('id name status publishedAt'), { a: areaId })
    expect(whole.count).toBe(lean.count + 1)
    const { roundIds } = lean.data.analyticsTrends
    const stored = await api.prisma.inspectionRound.findMany({ where: { id: { in: roundIds } } })
    const byId = new Map(stored.map((r) => [r.id, r]))
    expect(lean.data.analyticsTrends.rounds).toEqual(
      roundIds.map((id) => ({ id, name: byId.get(id)!.name, year: byId.get(id)!.year, quarter: byId.get(id)!.quarter })),
    )
    expect(whole.data.analyticsTrends.rounds).toEqual(
      roundIds.map((id) => ({
        id,
        name: byId.get(id)!.name,
        status: byId.get(id)!.status,
        publishedAt: byId.get(id)!.publishedAt!.toISOString(),
      })),
    )
  })

  it('trends: the category averages of the dimensions are asked for with the totals, not in a wave after them', async () => {
    const q = `query ($a: Int!) { analyticsTrends(areaId: $a) {
      orgs { orgId totals }
      categoryAverages { category totals dimensions { code points lost } }
      closeOutRates { roundId rate }
    } }`
    const { statements } = await counted<TrendsData>(api, leader, q, { a: areaId })
    const index = (pattern: RegExp) => statements.findIndex((sql) => pattern.test(sql))
    const dimensionAverages = index(/FROM "RoundDimensionSummary"/)
    const closeOut = index(/FROM "Rectification" rc/)
    expect(dimensionAverages).toBeGreaterThan(-1)
    expect(closeOut).toBeGreaterThan(-1)
    // The close-out rates are asked for after the averages and are sent at once; had the
    // dimensions waited for the totals' rows, they would come after them.
    expect(dimensionAverages).toBeLessThan(closeOut)
  })

  it('drill-down and ledger: the items’ warning days are read with the items, not in a wave after them, and only when asked', async () => {
    const withItems = await api.prisma.finding.findFirstOrThrow({
      where: { round: PUBLISHED, reconciliationStatus: STANDING, rectification: { isNot: null } },
    })
    const colours = DRILL.replace('rectifications { id status deadline', 'rectifications { id status deadline colour daysLeft')
    const asked = await counted<DrillData>(api, leader, colours, { id: withItems.assessmentId })
    const plain = await counted<DrillData>(api, leader, DRILL, { id: withItems.assessmentId })
    const index = (statements: string[], table: string) => statements.findIndex((sql) => sql.includes(`FROM "public"."${table}"`))
    expect(asked.statements.filter((sql) => sql.includes('"public"."RuleSet"'))).toHaveLength(1)
    // Sent before the items' events, which can only be asked for once the items are back.
    expect(index(asked.statements, 'RuleSet')).toBeGreaterThan(-1)
    expect(index(asked.statements, 'RuleSet')).toBeLessThan(index(asked.statements, 'RectificationEvent'))
    expect(index(plain.statements, 'RuleSet')).toBe(-1)
    // The warning days and the items' rounds (whose year picks the rule set).
    expect(asked.count).toBe(plain.count + 2)
    expect(index(asked.statements, 'InspectionRound')).toBeGreaterThan(-1)
    // The ledger's page of items alike.
    const ledger = await counted(api, leader, `{ rectificationLedger(limit: 5) { items { id colour events { id } } } }`)
    expect(index(ledger.statements, 'RuleSet')).toBeGreaterThan(-1)
    expect(index(ledger.statements, 'RuleSet')).toBeLessThan(index(ledger.statements, 'RectificationEvent'))
  })

  it('drill-down: aliased selections of an indicator’s findings each get their own fields', async () => {
    const withItems = await api.prisma.finding.findFirstOrThrow({
      where: { round: PUBLISHED, reconciliationStatus: STANDING, rectification: { isNot: null } },
      include: { problemCategory: true },
    })
    const res = await counted<{
      assessmentDrilldown: {
        indicators: {
          findingIds: number[]
          a: { id: number }[]
          b: { id: number; description: string; problemCategory: { name: string } }[]
          r: { findingId: number; title: string }[]
        }[]
      }
    }>(
      api,
      leader,
      `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) { indicators { findingIds
        a: findings { id } b: findings { id description problemCategory { name } }
        r: rectifications { findingId title } } } }`,
      { id: withItems.assessmentId },
    )
    const indicators = res.data.assessmentDrilldown.indicators
    const hit = indicators.find((i) => i.findingIds.includes(withItems.id))!
    expect(hit.a.map((f) => f.id)).toEqual(hit.findingIds)
    expect(hit.b.find((f) => f.id === withItems.id)).toEqual({
      id: withItems.id,
      description: withItems.description,
      problemCategory: { name: withItems.problemCategory.name },
    })
    expect(hit.r.map((r) => r.findingId)).toContain(withItems.id)
    // Indicators that lost nothing to findings answer empty lists.
    expect(indicators.filter((i) => i.findingIds.length === 0).every((i) => i.a.length + i.b.length + i.r.length === 0)).toBe(true)
  })

  it('drill-down: the same statements for one finding as for many', async () => {
    const byAssessment = await api.prisma.finding.groupBy({
      by: ['assessmentId'],
      where: { round: PUBLISHED, reconciliationStatus: STANDING, rectification: { isNot: null } },
      _count: true,
      orderBy: { _count: { assessmentId: 'desc' } },
    })
    const busy = byAssessment[0]!
    const quiet = byAssessment.at(-1)!
    expect(busy._count).toBeGreaterThan(quiet._count)
    const clean = await api.prisma.assessment.findFirstOrThrow({ where: { round: PUBLISHED, findings: { none: {} } } })
    const many = await counted<DrillData>(api, leader, DRILL, { id: busy.assessmentId })
    const few = await counted<DrillData>(api, leader, DRILL, { id: quiet.assessmentId })
    const none = await counted<DrillData>(api, leader, DRILL, { id: clean.id })
    const findingsOf = (d: DrillData['assessmentDrilldown']) => d.indicators.flatMap((i) => i.findings)
    expect(findingsOf(many.data.assessmentDrilldown)).toHaveLength(busy._count)
    expect(findingsOf(few.data.assessmentDrilldown)).toHaveLength(quiet._count)
    // header, dimensions (+ category averages), indicators (+ inputs), findings to rescore; then
    // one load each for findings, their problem categories, their evidence, rectifications,
    // events and the events' evidence. Nothing lost, nothing to load.
    expect([many.count, few.count, none.count]).toEqual([10, 10, 4])
  })

  it('comparisons: one statement each plus one per kind of record named', async () => {
    const m = await counted<MatrixData>(
      api,
      leader,
      `query ($r: Int!, $a: Int!) { lostPointsMatrix(roundId: $r, areaId: $a) { columns { code } rows { org { name } lost totalLost } } }`,
      { r: latest, a: areaId },
    )
    const mI = await counted<MatrixData>(
      api,
      leader,
      `query ($r: Int!, $a: Int!) { lostPointsMatrix(roundId: $r, areaId: $a, category: III) { columns { code } rows { org { name } lost totalLost } } }`,
      { r: latest, a: areaId },
    )
    const p = await counted<ParetoData>(api, leader, '{ problemCategoryPareto { entries { problemCategory { name } count cumulativeShare } } }')
    const r = await counted<RepeatData>(api, leader, '{ repeatFindings { groups { org { name } problemCategory { name } repeatCount } } }')
    const c = await counted<CategoryAveragesData>(
      api,
      leader,
      `query ($r: Int!, $a: Int!) { categoryAverages(roundId: $r, areaId: $a) { category averageTotal dimensions { code averagePoints } } }`,
      { r: latest, a: areaId },
    )
    expect(m.data.lostPointsMatrix.rows.length).toBeGreaterThan(mI.data.lostPointsMatrix.rows.length)
    expect([m.count, mI.count, p.count, r.count, c.count]).toEqual([2, 2, 2, 3, 1])
  })
})
