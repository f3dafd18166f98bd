import { Prisma, type InspectionRound, type ListMark, type OrgCategory } from '@redblue/db'
import type { Db } from '../../context'
import { NotFoundError } from '../../errors'
import { fixed2, int } from './numbers'
import { ORG_COLUMNS, type OrgSummary } from './org-columns'
import { PUBLISHED_STATUSES, visibleSql, type Viewer } from './scope'

export interface RankingArgs {
  roundId: number
  areaId: number
  category: OrgCategory
}

export interface RankingRow {
  assessmentId: number
  orgId: number
  /** What the dashboard shows of the org, read in the same statement (a ranking lists a thousand orgs). */
  org: OrgSummary
  /** The orgs of the whole ranking (one array shared by its rows): loads them whole when asked. */
  orgIds: readonly number[]
  rank: number | null
  base: string | null
  bonus: string | null
  total: string | null
  listMark: ListMark | null
  /** The org's row in the previous published round of the area, if any. */
  previousAssessmentId: number | null
  previousRank: number | null
  previousTotal: string | null
  /** previousRank − rank (positive = moved up); null unless ranked in the same category both times. */
  rankChange: number | null
  /** total − previousTotal; null without a previous total. */
  totalChange: string | null
  /** Standing findings of this assessment; null when the viewer may not see the org's findings. */
  findingCount: number | null
  /** Items opened for this org, round and area and not yet verified; null like findingCount. */
  openRectifications: number | null
}

export interface CategoryRanking {
  roundId: number
  areaId: number
  category: OrgCategory
  previousRoundId: number | null
  /** Read by the ranking's statement (the dashboard shows its name above the changes). */
  previousRound: InspectionRound | null
  rows: RankingRow[]
}

/** The previous round as `to_jsonb` spells it: timestamps and dates as text. */
type RoundJson = Omit<
  InspectionRound,
  'inspectionStart' | 'inspectionEnd' | 'startedAt' | 'publishedAt' | 'closedAt' | 'createdAt' | 'updatedAt'
> &
  Record<
    'inspectionStart' | 'inspectionEnd' | 'startedAt' | 'publishedAt' | 'closedAt' | 'createdAt' | 'updatedAt',
    string | null
  >

/**
 * A row; its org columns are null only on the placeholder row of an unpublished round. What is the
 * same for the whole ranking comes on the first row only (null on the others): a thousand rows
 * carry no copies of it.
 */
interface RawRow {
  /** On the first row only. */
  published: boolean | null
  /** On the first row only. */
  previousRoundId: number | null
  /** On the first row only. */
  previousRound: RoundJson | null
  assessmentId: number | null
  orgId: number | null
  orgName: string | null
  orgShortName: string | null
  rank: number | null
  /** numeric(6,2) columns as text ("97.50"): no Decimal object per value of a long ranking. */
  base: string | null
  bonus: string | null
  total: string | null
  listMark: ListMark | null
  previousAssessmentId: number | null
  previousRank: number | null
  previousTotal: string | null
  /** previousRank − rank when ranked in the same category both times. */
  rankChange: number | null
  totalChange: string | null
  /** Null when the viewer may not see the org's findings. */
  findingCount: number | null
  openRectifications: number | null
}

/**
 * R3/R4 as published: the frozen rank, scores and mark of every org of one category, with the
 * change against the previous published round of the same area. Published rankings are public to
 * signed-in users; finding and rectification counts only for orgs the viewer may see. One
 * statement, whatever the number of orgs (the previous round comes with the first row): the target
 * round is LEFT JOINed so a round that is not published (or does not exist) still answers with one
 * row carrying no assessment. Finding counts were frozen with the scores at publication
 * (`Assessment.findingCount`); open items are counted live, since they move after it.
 */
export async function categoryRanking(db: Db, viewer: Viewer, args: RankingArgs): Promise<CategoryRanking> {
  const category = Prisma.sql`${args.category}::"OrgCategory"`
  const rows = await db.$queryRaw<RawRow[]>`
    WITH target AS (
      SELECT r."id", r."year", r."quarter" FROM "InspectionRound" r
      WHERE r."id" = ${args.roundId} AND r."status" IN ${PUBLISHED_STATUSES}
    ),
    previous AS (
      SELECT r.* FROM "InspectionRound" r, target t
      WHERE r."status" IN ${PUBLISHED_STATUSES}
        AND (r."year", r."quarter") < (t."year", t."quarter")
        AND EXISTS (SELECT 1 FROM "RoundArea" ra WHERE ra."roundId" = r."id" AND ra."areaId" = ${args.areaId})
      ORDER BY r."year" DESC, r."quarter" DESC
      LIMIT 1
    ),
    ranked AS (
      SELECT a.* FROM "Assessment" a JOIN target t ON t."id" = a."roundId"
      WHERE a."areaId" = ${args.areaId} AND a."category" = ${category}
    ),
    -- Items opened in this round for the category's orgs and not verified yet, per org: a
    -- finding's item or an interview's, each carrying its assessment's area and category, read
    -- from the (roundId, areaId, category, status, deadline, orgId) index alone.
    open_items AS (
      SELECT rc."orgId", count(*)::int AS "n" FROM "Rectification" rc
      WHERE rc."roundId" = ${args.roundId} AND rc."areaId" = ${args.areaId}
        AND rc."category" = ${category} AND rc."status" IN ('OPEN', 'SUBMITTED', 'RETURNED')
      GROUP BY rc."orgId"
    )
    SELECT
      CASE WHEN row_number() OVER ranking = 1 THEN EXISTS (SELECT 1 FROM target) END AS "published",
      CASE WHEN row_number() OVER ranking = 1 THEN (SELECT "id" FROM previous) END AS "previousRoundId",
      CASE WHEN row_number() OVER ranking = 1 THEN (SELECT to_jsonb(pr) FROM previous pr) END AS "previousRound",
      a."id" AS "assessmentId", a."orgId", ${ORG_COLUMNS},
      a."rank", a."baseScore"::text AS "base", a."bonusScore"::text AS "bonus",
      a."totalScore"::text AS "total", a."listMark",
      p."id" AS "previousAssessmentId", p."rank" AS "previousRank",
      p."totalScore"::text AS "previousTotal",
      CASE WHEN p."category" = a."category" THEN p."rank" - a."rank" END AS "rankChange",
      (a."totalScore" - p."totalScore")::text AS "totalChange",
      CASE WHEN v."visible" THEN COALESCE(a."findingCount", 0) END AS "findingCount",
      CASE WHEN v."visible" THEN COALESCE(oi."n", 0) END AS "openRectifications"
    FROM (SELECT 1) AS one
    LEFT JOIN ranked a ON TRUE
    LEFT JOIN "Organization" o ON o."id" = a."orgId"
    LEFT JOIN "Assessment" p
      ON p."roundId" = (SELECT "id" FROM previous) AND p."orgId" = a."orgId" AND p."areaId" = a."areaId"
    LEFT JOIN open_items oi ON oi."orgId" = a."orgId"
    LEFT JOIN LATERAL (
      SELECT ${visibleSql(viewer, 'a."orgId"', 'a."roundId"')} AS "visible"
    ) v ON TRUE
    WINDOW ranking AS (ORDER BY a."rank" NULLS LAST, o."sortOrder", a."orgId")
    ORDER BY a."rank" NULLS LAST, o."sortOrder", a."orgId"`
  if (!rows[0]?.published) throw new NotFoundError('InspectionRound', args.roundId, '该轮次不存在或尚未发布结果')
  const ranked = rows.filter((r) => r.assessmentId !== null)
  return {
    ...args,
    previousRoundId: rows[0]?.previousRoundId ?? null,
    previousRound: roundOf(rows[0]?.previousRound ?? null),
    rows: ranked.map(toRankingRow(ranked.map((r) => r.orgId!))),
  }
}

function roundOf(json: RoundJson | null): InspectionRound | null {
  if (!json) return null
  const instant = (text: string | null) => (text === null ? null : new Date(text))
  // Prisma reads @db.Date columns as UTC midnight of the stored day.
  const day = (text: string | null) => (text === null ? null : new Date(`${text}T00:00:00.000Z`))
  return {
    ...json,
    inspectionStart: day(json.inspectionStart),
    inspectionEnd: day(json.inspectionEnd),
    startedAt: instant(json.startedAt),
    publishedAt: instant(json.publishedAt),
    closedAt: instant(json.closedAt),
    createdAt: instant(json.createdAt)!,
    updatedAt: instant(json.updatedAt)!,
  }
}

function toRankingRow(orgIds: readonly number[]) {
  const count = (n: number | null) => (n === null ? null : int(n))
  return (r: RawRow): RankingRow => ({
    assessmentId: r.assessmentId!,
    orgId: r.orgId!,
    // The placeholder row of an unpublished round is filtered out before this: an assessment row
    // always has its org.
    org: { id: r.orgId!, name: r.orgName!, shortName: r.orgShortName },
    orgIds,
    rank: r.rank,
    base: fixed2(r.base),
    bonus: fixed2(r.bonus),
    total: fixed2(r.total),
    listMark: r.listMark,
    previousAssessmentId: r.previousAssessmentId,
    previousRank: r.previousRank,
    previousTotal: fixed2(r.previousTotal),
    rankChange: r.rankChange,
    totalChange: fixed2(r.totalChange),
    // Null exactly when the viewer may not see the org's findings (the statement decides).
    findingCount: count(r.findingCount),
    openRectifications: count(r.openRectifications),
  })
}
