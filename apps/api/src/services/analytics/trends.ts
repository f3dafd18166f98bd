import { Prisma, type ListMark, type OrgCategory } from '@redblue/db'
import { categoryAverageSeries, orgSeries, type CategoryAverageSeries, required } from '@redblue/scoring'
import type { Db } from '../../context'
import { fixed2, int, meanOf, percentOf } from './numbers'
import type { OrgSummary } from './org-summary'
import type { AnalyticsRound } from './rounds'
import { PUBLISHED_STATUSES, STANDING_FINDINGS } from './scope'
import { seesAll, visibleSql, type Actor } from '../../access'

/**
 * Series over a window of published rounds (oldest first, from `trendWindow`). Every series is
 * aligned with the window: one value per round, null where there is none. Each function is one
 * statement whatever the number of orgs and rounds, so the GraphQL fields that call them cost a
 * fixed number of statements.
 */
export interface TrendScope {
  areaId: number
  rounds: AnalyticsRound[]
  category?: OrgCategory | null
}

function roundIdsOf(scope: TrendScope): number[] {
  return scope.rounds.map((r) => r.id)
}

/** `= ANY(...)` keeps the statement text the same for 1 or 40 rounds. */
function roundIn(column: string, scope: TrendScope): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(column)} = ANY(${roundIdsOf(scope)}::int[])`
}

function categoryIs(column: string, category: OrgCategory | null | undefined): Prisma.Sql {
  return category
    ? Prisma.sql`${Prisma.raw(column)} = ${category}::"OrgCategory"`
    : Prisma.sql`TRUE`
}

/**
 * With a category filter: the finding belongs to an assessment of the category in the window. The
 * findings are read by area and round (covering index) and semi-joined with the category's
 * assessments.
 */
function inCategorySql(scope: TrendScope): Prisma.Sql {
  if (!scope.category) return Prisma.sql`TRUE`
  return Prisma.sql`f."assessmentId" IN (SELECT a."id" FROM "Assessment" a
    WHERE a."areaId" = ${scope.areaId} AND ${roundIn('a."roundId"', scope)} AND a."category" = ${scope.category}::"OrgCategory")`
}

export interface OrgTrend {
  orgId: number
  /** What the dashboard shows of the org, read in the totals' statement (a trend lists a thousand orgs). */
  org: OrgSummary
  categories: (OrgCategory | null)[]
  totals: (string | null)[]
  ranks: (number | null)[]
  marks: (ListMark | null)[]
}

export interface TotalsTrend {
  orgs: OrgTrend[]
  categoryAverages: CategoryAverageSeries[]
}

/**
 * The window's published assessments as parallel columns, one JSON array each (see totalsTrend):
 * null columns when there is none.
 */
interface AssessmentColumns {
  orgIds: number[] | null
  roundIds: number[] | null
  categories: OrgCategory[] | null
  /** numeric(6,2) as text ("97.50"): thousands of values, no Decimal object each. */
  totals: string[] | null
  /** Left out (undefined) unless the history is asked for. */
  ranks?: (number | null)[] | null
  marks?: (ListMark | null)[] | null
}

/** Their orgs as parallel columns, in the dashboards' order (sort order, then id). */
interface OrgColumns {
  ids: number[] | null
  names: string[] | null
  shortNames: (string | null)[] | null
}

/**
 * Published totals, ranks and red/blue marks per org and round (public, like the rankings), and
 * the category averages of the totals — the engine's `orgSeries` and `categoryAverageSeries` over
 * the same rows. The orgs come in the same statement. Without `history` the ranks and marks are
 * not read (every entry null): a chart of totals has no use for them, and they are two of the
 * statement's six columns of thousands of values, one of them an enum (≈ 2 ms of the statement).
 */
export async function totalsTrend(
  db: Db,
  scope: TrendScope,
  history = true,
): Promise<TotalsTrend> {
  // Columns, not rows: one array per column of the thousands of assessments (and one per column
  // of their orgs) is what PostgreSQL turns into JSON fastest and Node parses with the fewest
  // objects — a JSON array per org of arrays per column cost the server ≈ 13 ms more per trend,
  // and rows ≈ 15–20 ms more in pg's parser and Prisma's row mapping.
  const [document] = await db.$queryRaw<{ assessments: AssessmentColumns; orgs: OrgColumns }[]>`
    WITH t AS MATERIALIZED (
      SELECT a."orgId", a."roundId", a."category", a."totalScore", a."rank", a."listMark"
      FROM "Assessment" a
      WHERE a."areaId" = ${scope.areaId} AND ${roundIn('a."roundId"', scope)}
        AND ${categoryIs('a."category"', scope.category)} AND a."totalScore" IS NOT NULL
        AND a."roundId" IN (SELECT r."id" FROM "InspectionRound" r WHERE r."status" IN ${PUBLISHED_STATUSES})
    )
    SELECT
      (SELECT json_build_object('orgIds', array_agg(t."orgId"), 'roundIds', array_agg(t."roundId"),
                                'categories', array_agg(t."category"), 'totals', array_agg(t."totalScore"::text)
                                ${history ? Prisma.sql`, 'ranks', array_agg(t."rank"), 'marks', array_agg(t."listMark")` : Prisma.empty})
       FROM t) AS "assessments",
      (SELECT json_build_object('ids', array_agg(o."id" ORDER BY o."sortOrder", o."id"),
                                'names', array_agg(o."name" ORDER BY o."sortOrder", o."id"),
                                'shortNames', array_agg(o."shortName" ORDER BY o."sortOrder", o."id"))
       FROM "Organization" o WHERE o."id" IN (SELECT t."orgId" FROM t)) AS "orgs"`
  const {
    orgIds: orgOfRow,
    roundIds: roundOfRow,
    categories: categoryOfRow,
    totals: totalOfRow,
    ranks: rankOfRow,
    marks: markOfRow,
  } = required(document, 'trend statement row').assessments
  const { ids, names, shortNames } = required(document, 'trend statement row').orgs
  const rowsOfOrg = new Map<number, number[]>()
  orgOfRow?.forEach((orgId, i) => {
    const list = rowsOfOrg.get(orgId)
    if (list) list.push(i)
    else rowsOfOrg.set(orgId, [i])
  })
  // The rows org by org in the orgs' order: `orgSeries` lists the orgs as they first appear.
  const rows: TotalRow[] = []
  const orgOf = new Map<number, OrgSummary>()
  ids?.forEach((orgId, k) => {
    orgOf.set(orgId, { id: orgId, name: required(names?.[k], 'org name of a trend'), shortName: shortNames?.[k] ?? null })
    for (const i of rowsOfOrg.get(orgId) ?? []) {
      rows.push({
        roundId: required(roundOfRow?.[i], 'round of a trend row'),
        orgId,
        category: required(categoryOfRow?.[i], 'category of a trend row'),
        total: required(totalOfRow?.[i], 'total of a trend row'),
        rank: rankOfRow?.[i] ?? null,
        listMark: markOfRow?.[i] ?? null,
      })
    }
  })
  const roundIds = roundIdsOf(scope)
  const position = new Map(roundIds.map((id, i) => [id, i]))
  const byOrg = new Map<number, OrgTrend>()
  for (const series of orgSeries(rows, roundIds)) {
    const orgId = Number(series.orgId)
    byOrg.set(orgId, {
      orgId,
      org: required(orgOf.get(orgId), 'org of a trend'),
      totals: series.values,
      categories: roundIds.map(() => null),
      ranks: roundIds.map(() => null),
      marks: roundIds.map(() => null),
    })
  }
  for (const row of rows) {
    const trend = required(byOrg.get(row.orgId), 'trend of a row')
    const i = required(position.get(row.roundId), 'position of a round')
    trend.categories[i] = row.category
    trend.ranks[i] = row.rank
    trend.marks[i] = row.listMark
  }
  return { orgs: [...byOrg.values()], categoryAverages: categoryAverageSeries(rows, roundIds) }
}

interface TotalRow {
  roundId: number
  orgId: number
  category: OrgCategory
  total: string
  rank: number | null
  listMark: ListMark | null
}

export interface DimensionSeries {
  code: string
  name: string
  points: (string | null)[]
  lost: (string | null)[]
}

export interface CategoryDimensionTrend {
  category: OrgCategory
  dimensions: DimensionSeries[]
}

interface DimensionAverageRow {
  roundId: number
  category: OrgCategory
  code: string
  name: string
  sortOrder: number
  points: Prisma.Decimal
  lost: Prisma.Decimal
  n: number
}

/**
 * Category averages of each dimension's frozen subtotal per round (public aggregates), from the
 * sums stored at publication (`RoundDimensionSummary`: a few hundred rows instead of the subtotals
 * of every assessment). Dimensions line up across rounds and categories by code (the eight aspects
 * keep their codes year to year); scheme revisions within a round add up under their code.
 */
export async function dimensionAverageTrend(
  db: Db,
  scope: TrendScope,
): Promise<CategoryDimensionTrend[]> {
  const rows = await db.$queryRaw<DimensionAverageRow[]>`
    SELECT s."roundId", s."category", d."code", min(d."name") AS "name", min(d."sortOrder") AS "sortOrder",
           sum(s."points") AS "points", sum(s."lost") AS "lost", sum(s."assessments")::int AS "n"
    FROM "RoundDimensionSummary" s
    JOIN "Dimension" d ON d."id" = s."dimensionId"
    WHERE s."areaId" = ${scope.areaId} AND ${roundIn('s."roundId"', scope)}
      AND ${categoryIs('s."category"', scope.category)}
    GROUP BY s."roundId", s."category", d."code"
    ORDER BY s."category", min(d."sortOrder"), d."code"`
  const position = new Map(roundIdsOf(scope).map((id, i) => [id, i]))
  const byCategory = new Map<OrgCategory, Map<string, DimensionSeries>>()
  for (const row of rows) {
    let dims = byCategory.get(row.category)
    if (!dims) byCategory.set(row.category, (dims = new Map<string, DimensionSeries>()))
    let series = dims.get(row.code)
    if (!series) {
      series = {
        code: row.code,
        name: row.name,
        points: scope.rounds.map(() => null),
        lost: scope.rounds.map(() => null),
      }
      dims.set(row.code, series)
    }
    const i = required(position.get(row.roundId), 'position of a round')
    series.points[i] = meanOf(row.points, int(row.n))
    series.lost[i] = meanOf(row.lost, int(row.n))
  }
  return [...byCategory].map(([category, dims]) => ({ category, dimensions: [...dims.values()] }))
}

interface OrgDimensionRow {
  roundId: number
  orgId: number
  code: string
  name: string
  points: Prisma.Decimal
  lost: Prisma.Decimal
}

/** Each org's dimension subtotals per round, for the orgs asked about that the viewer may see. */
export async function orgDimensionTrend(
  db: Db,
  viewer: Actor,
  scope: TrendScope,
  orgIds: readonly number[],
): Promise<Map<number, DimensionSeries[]>> {
  const result = new Map<number, DimensionSeries[]>()
  if (orgIds.length === 0) return result
  const rows = await db.$queryRaw<OrgDimensionRow[]>`
    SELECT a."roundId", a."orgId", d."code", d."name", s."points", s."lost"
    FROM "AssessmentDimensionScore" s
    JOIN "Assessment" a ON a."id" = s."assessmentId"
    JOIN "InspectionRound" r ON r."id" = a."roundId" AND r."status" IN ${PUBLISHED_STATUSES}
    JOIN "Dimension" d ON d."id" = s."dimensionId"
    WHERE a."areaId" = ${scope.areaId} AND ${roundIn('a."roundId"', scope)}
      AND a."orgId" = ANY(${[...orgIds]}::int[])
      AND ${visibleSql(viewer, 'a."orgId"', 'a."roundId"')}
    ORDER BY a."orgId", d."sortOrder", d."code"`
  const position = new Map(roundIdsOf(scope).map((id, i) => [id, i]))
  const byOrg = new Map<number, Map<string, DimensionSeries>>()
  for (const row of rows) {
    let dims = byOrg.get(row.orgId)
    if (!dims) byOrg.set(row.orgId, (dims = new Map<string, DimensionSeries>()))
    let series = dims.get(row.code)
    if (!series) {
      series = {
        code: row.code,
        name: row.name,
        points: scope.rounds.map(() => null),
        lost: scope.rounds.map(() => null),
      }
      dims.set(row.code, series)
    }
    const i = required(position.get(row.roundId), 'position of a round')
    series.points[i] = fixed2(row.points)
    series.lost[i] = fixed2(row.lost)
  }
  for (const [orgId, dims] of byOrg) result.set(orgId, [...dims.values()])
  return result
}

export interface FindingCountTrend {
  problemCategoryId: number
  /** Read with the counts (the chart's labels). */
  problemCategoryName: string
  counts: number[]
  total: number
}

interface FindingCountRow {
  roundId: number
  problemCategoryId: number
  name: string
  sortOrder: number
  n: number
}

/**
 * Standing findings per problem category and round within the viewer's scope, most frequent
 * categories first (the order of the engine's `findingCountsByCategory`; ties by the category's
 * sort order). Whoever sees every org reads the counts stored at publication
 * (`RoundProblemSummary`); a scoped viewer's few orgs are counted from their findings.
 */
export async function findingCountTrend(
  db: Db,
  viewer: Actor,
  scope: TrendScope,
): Promise<FindingCountTrend[]> {
  const rows = seesAll(viewer)
    ? await db.$queryRaw<FindingCountRow[]>`
        SELECT s."roundId", s."problemCategoryId", min(pc."name") AS "name", min(pc."sortOrder") AS "sortOrder",
               sum(s."standingFindings")::int AS "n"
        FROM "RoundProblemSummary" s JOIN "ProblemCategory" pc ON pc."id" = s."problemCategoryId"
        WHERE s."areaId" = ${scope.areaId} AND ${roundIn('s."roundId"', scope)}
          AND ${categoryIs('s."category"', scope.category)} AND s."standingFindings" > 0
        GROUP BY s."roundId", s."problemCategoryId"`
    : await db.$queryRaw<FindingCountRow[]>`
        SELECT f."roundId", f."problemCategoryId", min(pc."name") AS "name", min(pc."sortOrder") AS "sortOrder",
               count(*)::int AS "n"
        FROM "Finding" f JOIN "ProblemCategory" pc ON pc."id" = f."problemCategoryId"
        WHERE f."areaId" = ${scope.areaId} AND ${roundIn('f."roundId"', scope)}
          AND f."reconciliationStatus" IN ${STANDING_FINDINGS}
          AND ${inCategorySql(scope)}
          AND f."roundId" IN (SELECT r."id" FROM "InspectionRound" r WHERE r."status" IN ${PUBLISHED_STATUSES})
          AND ${visibleSql(viewer, 'f."orgId"', 'f."roundId"')}
        GROUP BY f."roundId", f."problemCategoryId"`
  const position = new Map(roundIdsOf(scope).map((id, i) => [id, i]))
  const byCategory = new Map<number, FindingCountTrend & { sortOrder: number }>()
  for (const row of rows) {
    let series = byCategory.get(row.problemCategoryId)
    if (!series) {
      series = {
        problemCategoryId: row.problemCategoryId,
        problemCategoryName: row.name,
        counts: scope.rounds.map(() => 0),
        total: 0,
        sortOrder: row.sortOrder,
      }
      byCategory.set(row.problemCategoryId, series)
    }
    const n = int(row.n)
    series.counts[required(position.get(row.roundId), 'position of a round')] = n
    series.total += n
  }
  return [...byCategory.values()]
    .sort(
      (a, b) =>
        b.total - a.total || a.sortOrder - b.sortOrder || a.problemCategoryId - b.problemCategoryId,
    )
    .map(({ sortOrder: _sortOrder, ...series }) => series)
}

export interface CloseOutPoint {
  roundId: number
  total: number
  closed: number
  rate: string | null
}

interface CloseOutRow {
  roundId: number
  total: number
  closed: number
}

/**
 * Share of the rectification items opened in each round (from findings of the area or interviews
 * of the area) that are verified and crossed off by now, within the viewer's scope. Live: items
 * move after publication. Each item carries its round, area and org category from creation, so
 * this counts from one index (round, area, category, status) without touching findings or interviews.
 */
export async function closeOutTrend(
  db: Db,
  viewer: Actor,
  scope: TrendScope,
): Promise<CloseOutPoint[]> {
  const rows = await db.$queryRaw<CloseOutRow[]>`
    SELECT rc."roundId", count(*)::int AS "total",
           count(*) FILTER (WHERE rc."status" = 'CLOSED')::int AS "closed"
    FROM "Rectification" rc
    WHERE ${roundIn('rc."roundId"', scope)} AND rc."areaId" = ${scope.areaId}
      AND ${categoryIs('rc."category"', scope.category)}
      AND ${visibleSql(viewer, 'rc."orgId"', 'rc."roundId"')}
    GROUP BY rc."roundId"`
  const byRound = new Map(rows.map((r) => [r.roundId, r]))
  return scope.rounds.map((round) => {
    const row = byRound.get(round.id)
    const total = int(row?.total)
    const closed = int(row?.closed)
    return { roundId: round.id, total, closed, rate: percentOf(closed, total) }
  })
}
