import { Prisma } from '@redblue/db'
import { chinaDate, rectificationWarning } from '@redblue/scoring'
import type { Db } from '../../context'
import { int, percentOf } from './numbers'
import { checkPeriod, periodSql, roundInAreaSql, type Period } from './rounds'
import { itemAreaSql, PUBLISHED_STATUSES, STANDING_FINDINGS, visibleSql, type Viewer } from './scope'

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
 */
export async function headlineFigures(db: Db, viewer: Viewer, args: HeadlineArgs): Promise<Headline> {
  checkPeriod(args.period)
  const areaId = args.areaId ?? null
  const findingArea = areaId === null ? Prisma.sql`TRUE` : Prisma.sql`f."areaId" = ${areaId}`
  const itemArea = itemAreaSql(areaId)
  const rows = await db.$queryRaw<HeadlineRow[]>`
    WITH rounds AS (
      SELECT r."id" FROM "InspectionRound" r
      WHERE r."status" IN ${PUBLISHED_STATUSES} AND ${roundInAreaSql(areaId)} AND ${periodSql(args.period)}
    ),
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
    items AS (
      SELECT rc."status", rc."deadline"
      FROM "Rectification" rc
      JOIN rounds ON rounds."id" = rc."roundId"
      ${itemArea.join}
      WHERE ${itemArea.where} AND ${visibleSql(viewer, 'rc."orgId"', 'rc."roundId"')}
    )
    SELECT
      (SELECT count(*)::int FROM rounds) AS "roundsHeld",
      (SELECT count(*)::int FROM forms) AS "feedbackForms",
      (SELECT count(*)::int FROM findings) AS "findings",
      (SELECT count(*)::int FROM findings WHERE "standing") AS "standingFindings",
      (SELECT count(DISTINCT "problemCategoryId")::int FROM findings) AS "problemCategories",
      (SELECT count(*)::int FROM assessed) AS "orgsAssessed",
      (SELECT count(*)::int FROM items) AS "rectifications",
      (SELECT count(*)::int FROM items WHERE "status" = 'CLOSED') AS "closedRectifications",
      (SELECT json_agg(json_build_object('deadline', to_char(d."deadline", 'YYYY-MM-DD'), 'count', d."n"))
         FROM (SELECT "deadline", count(*)::int AS "n" FROM items WHERE "status" <> 'CLOSED' GROUP BY "deadline") d
      ) AS "openByDeadline"`
  const row = rows[0]!
  const today = chinaDate(args.now)
  let overdue = 0
  for (const group of row.openByDeadline ?? []) {
    if (rectificationWarning({ deadline: group.deadline, today, closed: false }).overdue) overdue += group.count
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
