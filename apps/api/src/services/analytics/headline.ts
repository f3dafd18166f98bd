import { Prisma } from '@redblue/db'
import { chinaDate, rectificationWarning, required } from '@redblue/scoring'
import type { Db } from '../../context'
import { int, percentOf } from './numbers'
import { checkPeriod, periodSql, roundInAreaSql, type Period } from './rounds'
import { PUBLISHED_STATUSES, STANDING_FINDINGS } from './scope'
import { seesAll, visibleSql, type Actor } from '../../access'

export interface HeadlineArgs {
  areaId?: number | null
  period?: Period | null
  now: Date
}

export interface Headline {
  roundsHeld: number
  feedbackForms: number
  /** Every finding recorded in the published rounds, including those withdrawn on reconciliation. */
  findings: number
  /** Of which confirmed or upheld: they cost points and opened rectifications. */
  standingFindings: number
  problemCategories: number
  orgsAssessed: number
  rectifications: number
  closedRectifications: number
  /** Percent with two decimals; null when there is no item. */
  closeOutRate: string | null
  overdueRectifications: number
}

interface HeadlineRow {
  roundsHeld: number
  feedbackForms: number
  findings: number
  standingFindings: number
  problemCategories: number
  orgsAssessed: number
  rectifications: number
  closedRectifications: number
  /** Open items grouped by deadline: few rows (days), whatever the number of items. */
  openByDeadline: { deadline: string; count: number }[] | null
}

/**
 * The leadership's headline figures over the published rounds of a period (and area). Rounds held
 * counts for everyone; the other figures cover the orgs the viewer may see (R12). One statement.
 *
 * Findings are the problems recorded (as the source counts them: 286 over five rounds), withdrawn
 * ones included; `standingFindings` are those that cost points. With an area: findings of that
 * area; feedback forms that carry at least one of them (a visit covers all areas, its form counts
 * for each area it found problems in); rectifications from findings or interviews of that area.
 *
 * Findings and forms never change after publication: whoever sees every org reads the per-round
 * counts stored then (`RoundSummary`, `RoundAreaSummary`, `RoundProblemSummary`); a scoped viewer's
 * few orgs are counted from the rows. Items move, so they are always counted live, from the
 * (round, area, category, status, deadline) index of the item's own columns.
 */
export async function headlineFigures(
  db: Db,
  viewer: Actor,
  args: HeadlineArgs,
): Promise<Headline> {
  checkPeriod(args.period)
  const areaId = args.areaId ?? null
  const rounds = Prisma.sql`
    SELECT r."id" FROM "InspectionRound" r
    WHERE r."status" IN ${PUBLISHED_STATUSES} AND ${roundInAreaSql(areaId)} AND ${periodSql(args.period)}`
  const itemArea = areaId === null ? Prisma.sql`TRUE` : Prisma.sql`rc."areaId" = ${areaId}`
  // Items of the rounds: two passes over the items' (round, area, category, status, deadline)
  // index — totals, then the open ones by deadline — instead of materialising every item.
  const itemsWhere = Prisma.sql`rc."roundId" IN (SELECT "id" FROM rounds) AND ${itemArea}
      AND ${visibleSql(viewer, 'rc."orgId"', 'rc."roundId"')}`
  const items = Prisma.sql`
    item_counts AS (
      SELECT count(*)::int AS "total", (count(*) FILTER (WHERE rc."status" = 'CLOSED'))::int AS "closed"
      FROM "Rectification" rc WHERE ${itemsWhere}
    ),
    open_items AS (
      SELECT rc."deadline", count(*)::int AS "n"
      FROM "Rectification" rc WHERE ${itemsWhere} AND rc."status" <> 'CLOSED'
      GROUP BY rc."deadline"
    )`
  const live = Prisma.sql`
      (SELECT count(*)::int FROM rounds) AS "roundsHeld",
      (SELECT "total" FROM item_counts) AS "rectifications",
      (SELECT "closed" FROM item_counts) AS "closedRectifications",
      (SELECT json_agg(json_build_object('deadline', to_char(d."deadline", 'YYYY-MM-DD'), 'count', d."n"))
         FROM open_items d
      ) AS "openByDeadline"`
  const rows = await db.$queryRaw<HeadlineRow[]>(
    seesAll(viewer)
      ? storedSql(areaId, rounds, items, live)
      : scopedSql(viewer, areaId, rounds, items, live),
  )
  const row = required(rows[0], 'headline row')
  const today = chinaDate(args.now)
  let overdue = 0
  for (const group of row.openByDeadline ?? []) {
    if (rectificationWarning({ deadline: group.deadline, today, closed: false }).overdue)
      overdue += group.count
  }
  const rectifications = int(row.rectifications)
  const closed = int(row.closedRectifications)
  return {
    roundsHeld: int(row.roundsHeld),
    feedbackForms: int(row.feedbackForms),
    findings: int(row.findings),
    standingFindings: int(row.standingFindings),
    problemCategories: int(row.problemCategories),
    orgsAssessed: int(row.orgsAssessed),
    rectifications,
    closedRectifications: closed,
    closeOutRate: percentOf(closed, rectifications),
    overdueRectifications: overdue,
  }
}

/** Everyone's figures: findings and forms from the counts stored at publication. */
function storedSql(
  areaId: number | null,
  rounds: Prisma.Sql,
  items: Prisma.Sql,
  live: Prisma.Sql,
): Prisma.Sql {
  const summaryArea = areaId === null ? Prisma.sql`TRUE` : Prisma.sql`s."areaId" = ${areaId}`
  const forms =
    areaId === null
      ? Prisma.sql`SELECT s."feedbackForms" FROM "RoundSummary" s WHERE s."roundId" IN (SELECT "id" FROM rounds)`
      : Prisma.sql`SELECT s."feedbackForms" FROM "RoundAreaSummary" s
          WHERE s."roundId" IN (SELECT "id" FROM rounds) AND s."areaId" = ${areaId}`
  const assessmentArea = areaId === null ? Prisma.sql`TRUE` : Prisma.sql`a."areaId" = ${areaId}`
  return Prisma.sql`
    WITH rounds AS (${rounds}),
    problems AS (
      SELECT s."problemCategoryId", s."findings", s."standingFindings"
      FROM "RoundProblemSummary" s
      WHERE s."roundId" IN (SELECT "id" FROM rounds) AND ${summaryArea}
    ),
    ${items}
    SELECT
      (SELECT COALESCE(sum("feedbackForms"), 0)::int FROM (${forms}) forms) AS "feedbackForms",
      (SELECT COALESCE(sum("findings"), 0)::int FROM problems) AS "findings",
      (SELECT COALESCE(sum("standingFindings"), 0)::int FROM problems) AS "standingFindings",
      (SELECT count(DISTINCT "problemCategoryId")::int FROM problems) AS "problemCategories",
      -- One probe per org of the (round, org, area) key, stopping at its first assessment.
      (SELECT count(*)::int FROM "Organization" o, LATERAL (
        SELECT 1 FROM "Assessment" a
        WHERE a."orgId" = o."id" AND a."roundId" IN (SELECT "id" FROM rounds) AND ${assessmentArea}
        LIMIT 1) assessed
      ) AS "orgsAssessed",
      ${live}`
}

/** A scoped viewer's figures: counted from the rows of the orgs they may see. */
function scopedSql(
  viewer: Actor,
  areaId: number | null,
  rounds: Prisma.Sql,
  items: Prisma.Sql,
  live: Prisma.Sql,
): Prisma.Sql {
  const findingArea = areaId === null ? Prisma.sql`TRUE` : Prisma.sql`f."areaId" = ${areaId}`
  return Prisma.sql`
    WITH rounds AS (${rounds}),
    findings AS (
      SELECT f."id", f."problemCategoryId", f."feedbackFormId",
             f."reconciliationStatus" IN ${STANDING_FINDINGS} AS "standing"
      FROM "Finding" f JOIN rounds ON rounds."id" = f."roundId"
      WHERE ${findingArea}
        AND ${visibleSql(viewer, 'f."orgId"', 'f."roundId"')}
    ),
    forms AS (
      SELECT ff."id" FROM "FeedbackForm" ff JOIN rounds ON rounds."id" = ff."roundId"
      WHERE ${visibleSql(viewer, 'ff."orgId"', 'ff."roundId"')}
        AND (${areaId}::int IS NULL OR ff."id" IN (SELECT "feedbackFormId" FROM findings))
    ),
    assessed AS (
      SELECT DISTINCT a."orgId" FROM "Assessment" a JOIN rounds ON rounds."id" = a."roundId"
      WHERE (${areaId}::int IS NULL OR a."areaId" = ${areaId})
        AND ${visibleSql(viewer, 'a."orgId"', 'a."roundId"')}
    ),
    ${items}
    SELECT
      (SELECT count(*)::int FROM forms) AS "feedbackForms",
      (SELECT count(*)::int FROM findings) AS "findings",
      (SELECT count(*)::int FROM findings WHERE "standing") AS "standingFindings",
      (SELECT count(DISTINCT "problemCategoryId")::int FROM findings) AS "problemCategories",
      (SELECT count(*)::int FROM assessed) AS "orgsAssessed",
      ${live}`
}
