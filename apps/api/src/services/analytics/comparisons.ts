import { Prisma, type OrgCategory } from '@redblue/db'
import { paretoShares, required } from '@redblue/scoring'
import type { Db } from '../../context'
import { NotFoundError } from '../../errors'
import { fixed2, int, meanOf, percentOf } from './numbers'
import { checkPeriod, periodSql, type Period } from './rounds'
import { type Actor, visibleSql } from '../../access'
import { categoryFilterSql, PUBLISHED_STATUSES, STANDING_FINDINGS } from './scope'

/** Side-by-side views for a heatmap, a Pareto chart and the repeat-offender list. One statement each. */

function categoryIs(column: string, category: OrgCategory | null | undefined): Prisma.Sql {
  return category ? Prisma.sql`${Prisma.raw(column)} = ${category}::"OrgCategory"` : Prisma.sql`TRUE`
}

export interface MatrixColumn {
  code: string
  name: string
  /** Mean points lost on this dimension across the round's orgs shown in the category filter. */
  averageLost: string | null
}

export interface MatrixRow {
  assessmentId: number
  orgId: number
  category: OrgCategory
  /** Points lost per column, in column order; null where the org's scheme lacks the dimension. */
  lost: (string | null)[]
  /** Sum of the row: the org's 100 − base. */
  totalLost: string
}

export interface LostPointsMatrix {
  roundId: number
  areaId: number
  columns: MatrixColumn[]
  rows: MatrixRow[]
}

interface MatrixCell {
  assessmentId: number
  orgId: number
  category: OrgCategory
  code: string
  name: string
  sortOrder: number
  lost: Prisma.Decimal
  visible: boolean
}

/**
 * Org × dimension matrix of points lost in one published round (a heatmap). Rows: the orgs the
 * viewer may see; column averages: every org of the round and category filter (public aggregates).
 */
export async function lostPointsMatrix(
  db: Db,
  viewer: Actor,
  args: { roundId: number; areaId: number; category?: OrgCategory | null },
): Promise<LostPointsMatrix> {
  const cells = await db.$queryRaw<MatrixCell[]>`
    SELECT a."id" AS "assessmentId", a."orgId", a."category", d."code", d."name", d."sortOrder", s."lost",
           ${visibleSql(viewer, 'a."orgId"', 'a."roundId"')} AS "visible"
    FROM "Assessment" a
    JOIN "InspectionRound" r ON r."id" = a."roundId" AND r."status" IN ${PUBLISHED_STATUSES}
    JOIN "Organization" o ON o."id" = a."orgId"
    JOIN "AssessmentDimensionScore" s ON s."assessmentId" = a."id"
    JOIN "Dimension" d ON d."id" = s."dimensionId"
    WHERE a."roundId" = ${args.roundId} AND a."areaId" = ${args.areaId}
      AND ${categoryIs('a."category"', args.category)}
    ORDER BY a."category", a."rank" NULLS LAST, o."sortOrder", a."orgId", d."sortOrder"`
  if (cells.length === 0) await assertPublished(db, args.roundId)
  const columnOrder = new Map<string, { name: string; sortOrder: number; sum: Prisma.Decimal; n: number }>()
  const rows = new Map<number, { row: MatrixRow; byCode: Map<string, Prisma.Decimal> }>()
  for (const cell of cells) {
    const column = columnOrder.get(cell.code)
    if (column) {
      column.sum = column.sum.plus(cell.lost)
      column.n += 1
    } else {
      columnOrder.set(cell.code, { name: cell.name, sortOrder: cell.sortOrder, sum: new Prisma.Decimal(cell.lost), n: 1 })
    }
    if (!cell.visible) continue
    let entry = rows.get(cell.assessmentId)
    if (!entry) {
      entry = {
        row: { assessmentId: cell.assessmentId, orgId: cell.orgId, category: cell.category, lost: [], totalLost: '0.00' },
        byCode: new Map(),
      }
      rows.set(cell.assessmentId, entry)
    }
    entry.byCode.set(cell.code, cell.lost)
  }
  const columns = [...columnOrder].sort((a, b) => a[1].sortOrder - b[1].sortOrder || a[0].localeCompare(b[0]))
  return {
    roundId: args.roundId,
    areaId: args.areaId,
    columns: columns.map(([code, c]) => ({ code, name: c.name, averageLost: meanOf(c.sum, c.n) })),
    rows: [...rows.values()].map(({ row, byCode }) => {
      let total = new Prisma.Decimal(0)
      for (const value of byCode.values()) total = total.plus(value)
      return {
        ...row,
        lost: columns.map(([code]) => fixed2(byCode.get(code) ?? null)),
        totalLost: fixed2(total),
      }
    }),
  }
}

export interface ParetoEntry {
  problemCategoryId: number
  count: number
  /** Percent of all findings in scope, two decimals. */
  share: string
  /** Running percent down the sorted list; the last entry is 100.00. */
  cumulativeShare: string
}

export interface Pareto {
  totalFindings: number
  entries: ParetoEntry[]
}

/**
 * Problem categories by number of standing findings, most frequent first, with each one's share
 * and the running share (the 80/20 line), over published rounds of a period within the viewer's
 * scope.
 */
export async function problemCategoryPareto(
  db: Db,
  viewer: Actor,
  args: { areaId?: number | null; period?: Period | null; category?: OrgCategory | null },
): Promise<Pareto> {
  checkPeriod(args.period)
  const areaId = args.areaId ?? null
  const category = categoryFilterSql(args.category, { alias: 'a', on: Prisma.sql`a."id" = f."assessmentId"` })
  const rows = await db.$queryRaw<{ problemCategoryId: number; n: number }[]>`
    SELECT f."problemCategoryId", count(*)::int AS "n"
    FROM "Finding" f
    JOIN "InspectionRound" r ON r."id" = f."roundId" AND r."status" IN ${PUBLISHED_STATUSES}
    JOIN "ProblemCategory" pc ON pc."id" = f."problemCategoryId"
    ${category.join}
    WHERE f."reconciliationStatus" IN ${STANDING_FINDINGS}
      AND ${areaId === null ? Prisma.sql`TRUE` : Prisma.sql`f."areaId" = ${areaId}`}
      AND ${periodSql(args.period)}
      AND ${category.where}
      AND ${visibleSql(viewer, 'f."orgId"', 'f."roundId"')}
    GROUP BY f."problemCategoryId", pc."sortOrder"
    ORDER BY count(*) DESC, pc."sortOrder", f."problemCategoryId"`
  const entries = paretoShares(rows.map((r) => ({ problemCategoryId: r.problemCategoryId, count: int(r.n) })))
  return { totalFindings: entries.reduce((sum, e) => sum + e.count, 0), entries }
}

export interface RepeatGroup {
  orgId: number
  problemCategoryId: number
  /** Standing repeat findings (屡查屡犯) of this org and category in the period. */
  repeatCount: number
  /** Rounds in which the org had standing findings of this category, oldest first. */
  roundIds: number[]
  /** Repeat findings, newest first. */
  findingIds: number[]
  latestRoundId: number
}

export interface RepeatFindings {
  /** Standing findings in scope and the share of them flagged as repeats. */
  totalFindings: number
  repeatFindings: number
  repeatShare: string | null
  groups: RepeatGroup[]
}

interface RepeatRow {
  orgId: number
  problemCategoryId: number
  repeatCount: number
  roundIds: number[]
  findingIds: number[]
  totalFindings: number
  repeatFindings: number
}

/**
 * Repeat findings (R7: same org and problem category as in the previous round, flagged when the
 * finding was recorded) grouped by org and problem category, most repeats first.
 */
export async function repeatFindings(
  db: Db,
  viewer: Actor,
  args: { areaId?: number | null; period?: Period | null; limit: number },
): Promise<RepeatFindings> {
  checkPeriod(args.period)
  const areaId = args.areaId ?? null
  // Groups come from the repeat findings alone (a small share); the rounds of each group are
  // looked up for the `limit` groups kept, through the (org, problem category) index.
  const rows = await db.$queryRaw<RepeatRow[]>`
    WITH standing AS (
      SELECT f."id", f."orgId", f."problemCategoryId", f."roundId", f."isRepeat", r."year", r."quarter"
      FROM "Finding" f
      JOIN "InspectionRound" r ON r."id" = f."roundId" AND r."status" IN ${PUBLISHED_STATUSES}
      WHERE f."reconciliationStatus" IN ${STANDING_FINDINGS}
        AND ${areaId === null ? Prisma.sql`TRUE` : Prisma.sql`f."areaId" = ${areaId}`}
        AND ${periodSql(args.period)}
        AND ${visibleSql(viewer, 'f."orgId"', 'f."roundId"')}
    ),
    totals AS (
      SELECT count(*)::int AS "totalFindings", count(*) FILTER (WHERE "isRepeat")::int AS "repeatFindings" FROM standing
    ),
    groups AS (
      SELECT s."orgId", s."problemCategoryId", count(*)::int AS "repeatCount",
             array_agg(s."id" ORDER BY s."year" DESC, s."quarter" DESC, s."id" DESC) AS "findingIds"
      FROM standing s
      WHERE s."isRepeat"
      GROUP BY s."orgId", s."problemCategoryId"
      ORDER BY count(*) DESC, s."orgId", s."problemCategoryId"
      LIMIT ${args.limit}
    )
    SELECT g."orgId", g."problemCategoryId", g."repeatCount", g."findingIds",
           ARRAY(
             SELECT r."id" FROM "InspectionRound" r
             WHERE r."status" IN ${PUBLISHED_STATUSES} AND ${periodSql(args.period)}
               AND EXISTS (
                 SELECT 1 FROM "Finding" f
                 WHERE f."orgId" = g."orgId" AND f."problemCategoryId" = g."problemCategoryId" AND f."roundId" = r."id"
                   AND f."reconciliationStatus" IN ${STANDING_FINDINGS}
                   AND ${areaId === null ? Prisma.sql`TRUE` : Prisma.sql`f."areaId" = ${areaId}`}
                   AND ${visibleSql(viewer, 'f."orgId"', 'f."roundId"')})
             ORDER BY r."year", r."quarter") AS "roundIds",
           t."totalFindings", t."repeatFindings"
    FROM totals t LEFT JOIN groups g ON TRUE
    ORDER BY g."repeatCount" DESC NULLS LAST, g."orgId", g."problemCategoryId"`
  const first = rows[0]
  const totalFindings = int(first?.totalFindings)
  const repeats = int(first?.repeatFindings)
  return {
    totalFindings,
    repeatFindings: repeats,
    repeatShare: percentOf(repeats, totalFindings),
    groups: rows
      .filter((r) => r.orgId !== null)
      .map((r) => ({
        orgId: r.orgId,
        problemCategoryId: r.problemCategoryId,
        repeatCount: int(r.repeatCount),
        roundIds: r.roundIds,
        findingIds: r.findingIds,
        latestRoundId: required(r.roundIds.at(-1), 'latest round of a repeat group'),
      })),
  }
}

export interface CategoryDimensionAverage {
  code: string
  name: string
  max: string | null
  averagePoints: string | null
  averageLost: string | null
}

export interface CategorySummary {
  category: OrgCategory
  orgCount: number
  averageBase: string | null
  averageBonus: string | null
  averageTotal: string | null
  minTotal: string | null
  maxTotal: string | null
  red: number
  blue: number
  dimensions: CategoryDimensionAverage[]
}

interface CategoryRow {
  category: OrgCategory
  n: number
  sumBase: Prisma.Decimal | null
  sumBonus: Prisma.Decimal | null
  sumTotal: Prisma.Decimal | null
  minTotal: Prisma.Decimal | null
  maxTotal: Prisma.Decimal | null
  red: number
  blue: number
  dimensions: { code: string; name: string; max: string; sumPoints: string; sumLost: string; n: number }[] | null
}

/**
 * Categories I, II, III of one published round and area side by side: mean base, bonus and total,
 * the spread, list counts, and the mean subtotal and loss of each dimension (public aggregates).
 */
export async function categoryAverages(
  db: Db,
  args: { roundId: number; areaId: number },
): Promise<CategorySummary[]> {
  const rows = await db.$queryRaw<CategoryRow[]>`
    WITH assessed AS (
      SELECT a.* FROM "Assessment" a
      JOIN "InspectionRound" r ON r."id" = a."roundId" AND r."status" IN ${PUBLISHED_STATUSES}
      WHERE a."roundId" = ${args.roundId} AND a."areaId" = ${args.areaId}
    ),
    dims AS (
      SELECT a."category", d."code", min(d."name") AS "name", min(d."sortOrder") AS "sortOrder",
             max(d."maxPoints") AS "max", sum(s."points") AS "sumPoints", sum(s."lost") AS "sumLost", count(*)::int AS "n"
      FROM assessed a
      JOIN "AssessmentDimensionScore" s ON s."assessmentId" = a."id"
      JOIN "Dimension" d ON d."id" = s."dimensionId"
      GROUP BY a."category", d."code"
    )
    SELECT a."category", count(*)::int AS "n",
           sum(a."baseScore") AS "sumBase", sum(a."bonusScore") AS "sumBonus", sum(a."totalScore") AS "sumTotal",
           min(a."totalScore") AS "minTotal", max(a."totalScore") AS "maxTotal",
           count(*) FILTER (WHERE a."listMark" = 'RED')::int AS "red",
           count(*) FILTER (WHERE a."listMark" = 'BLUE')::int AS "blue",
           (SELECT json_agg(json_build_object('code', d."code", 'name', d."name", 'max', d."max"::text,
                   'sumPoints', d."sumPoints"::text, 'sumLost', d."sumLost"::text, 'n', d."n")
                   ORDER BY d."sortOrder", d."code")
              FROM dims d WHERE d."category" = a."category") AS "dimensions"
    FROM assessed a
    GROUP BY a."category"
    ORDER BY a."category"`
  if (rows.length === 0) await assertPublished(db, args.roundId)
  return rows.map((r) => {
    const n = int(r.n)
    return {
      category: r.category,
      orgCount: n,
      averageBase: meanOf(r.sumBase, n),
      averageBonus: meanOf(r.sumBonus, n),
      averageTotal: meanOf(r.sumTotal, n),
      minTotal: fixed2(r.minTotal),
      maxTotal: fixed2(r.maxTotal),
      red: int(r.red),
      blue: int(r.blue),
      dimensions: (r.dimensions ?? []).map((d) => ({
        code: d.code,
        name: d.name,
        max: fixed2(d.max),
        averagePoints: meanOf(d.sumPoints, d.n),
        averageLost: meanOf(d.sumLost, d.n),
      })),
    }
  })
}

/** Distinguishes "round not published" from "no assessments" on the empty path only. */
async function assertPublished(db: Db, roundId: number): Promise<void> {
  const found = await db.$queryRaw<{ id: number }[]>`
    SELECT r."id" FROM "InspectionRound" r WHERE r."id" = ${roundId} AND r."status" IN ${PUBLISHED_STATUSES}`
  if (found.length === 0) throw new NotFoundError('InspectionRound', roundId, '该轮次不存在或尚未发布结果')
}

