import { Prisma, type InspectionRound, type ListMark, type OrgCategory } from '@redblue/db'
import { type ScoreString, required } from '@redblue/scoring'
import type { Db } from '../../context'
import { NotFoundError } from '../../errors'
import { fixed2 } from './numbers'
import type { OrgSummary } from './org-summary'
import { PUBLISHED_STATUSES } from './scope'
import { visibleSql, type Actor } from '../../access'

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
  table: RankingTable
  /** The same rows as objects, in rank order. */
  readonly rows: RankingRow[]
}

/**
 * Columns of the rows a selection may leave out (each one value per org, converted to JSON by the
 * server and parsed here): the orgs' short names, and the previous assessment's id, rank and
 * total. Left out, they are null on every row. The changes are computed in SQL either way.
 */
export interface RankingReads {
  shortNames: boolean
  previous: boolean
}

const READ_ALL: RankingReads = { shortNames: true, previous: true }

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
 * The ranking's rows as parallel columns, one JSON array each, in the statement's order (not the
 * ranking's: `positions` says where each row goes). Each column is null when there is no row.
 * Named in the statement itself (`RANKING_COLUMNS`), so a column is added in one place.
 */
interface RankingColumns {
  /** 1-based place of the row in the ranking (by rank, then the orgs' sort order and id). */
  positions: number[] | null
  assessmentIds: number[] | null
  orgIds: number[] | null
  orgNames: string[] | null
  orgShortNames: (string | null)[] | null
  ranks: (number | null)[] | null
  /** numeric(6,2) columns as text ("97.50"): no Decimal object per value of a long ranking. */
  bases: (string | null)[] | null
  bonuses: (string | null)[] | null
  totals: (string | null)[] | null
  listMarks: (ListMark | null)[] | null
  /** This and the next two null, like `orgShortNames`, when the selection leaves them out (RankingReads). */
  previousAssessmentIds: (number | null)[] | null
  previousRanks: (number | null)[] | null
  previousTotals: (string | null)[] | null
  /** previousRank − rank when ranked in the same category both times. */
  rankChanges: (number | null)[] | null
  totalChanges: (string | null)[] | null
  /** Null when the viewer may not see the org's findings. */
  findingCounts: (number | null)[] | null
  openRectifications: (number | null)[] | null
}

/**
 * Each column of `RankingColumns` and the column of the statement's `ranked` rows it aggregates;
 * the ones a selection may leave out name the `RankingReads` flag that asks for them.
 */
const RANKING_COLUMNS: Record<keyof RankingColumns, { from: string; read?: keyof RankingReads }> = {
  positions: { from: 'position' },
  assessmentIds: { from: 'id' },
  orgIds: { from: 'orgId' },
  orgNames: { from: 'name' },
  orgShortNames: { from: 'shortName', read: 'shortNames' },
  ranks: { from: 'rank' },
  bases: { from: 'base' },
  bonuses: { from: 'bonus' },
  totals: { from: 'total' },
  listMarks: { from: 'listMark' },
  previousAssessmentIds: { from: 'previousId', read: 'previous' },
  previousRanks: { from: 'previousRank', read: 'previous' },
  previousTotals: { from: 'previousTotal', read: 'previous' },
  rankChanges: { from: 'rankChange' },
  totalChanges: { from: 'totalChange' },
  findingCounts: { from: 'findingCount' },
  openRectifications: { from: 'openItems' },
}

/** `json_build_object('positions', array_agg(r."position"), ...)`; a column left out is a JSON null. */
function rankingColumnsSql(reads: RankingReads): Prisma.Sql {
  const pairs = Object.entries(RANKING_COLUMNS).map(([key, { from, read }]) =>
    Prisma.raw(`'${key}', ${read && !reads[read] ? 'NULL' : `array_agg(r."${from}")`}`),
  )
  return Prisma.sql`json_build_object(${Prisma.join(pairs)})`
}

/** The statement's one row. */
interface RawRanking {
  published: boolean
  previousRoundId: number | null
  previousRound: RoundJson | null
  columns: RankingColumns
}

/**
 * R3/R4 as published: the frozen rank, scores and mark of every org of one category, with the
 * change against the previous published round of the same area. Published rankings are public to
 * signed-in users; finding and rectification counts only for orgs the viewer may see. One
 * statement, whatever the number of orgs, answering one row: whether the round is published, the
 * previous round, and the orgs' rows as one JSON array per column — what PostgreSQL turns into
 * JSON fastest (an array per row cost it ≈ 5–8 ms more a ranking) and Node parses in one go with
 * few objects (rows cost ≈ 5 ms more in pg's row parser and Prisma's mapping). Finding counts were
 * frozen with the scores at publication (`Assessment.findingCount`); open items are counted live,
 * since they move after it.
 */
export async function categoryRanking(
  db: Db,
  viewer: Actor,
  args: RankingArgs,
  reads: RankingReads = READ_ALL,
): Promise<CategoryRanking> {
  const category = Prisma.sql`${args.category}::"OrgCategory"`
  const [ranking] = await db.$queryRaw<RawRanking[]>`
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
    -- Items opened in this round for the category's orgs and not verified yet, per org: a
    -- finding's item or an interview's, each carrying its assessment's area and category, read
    -- from the (roundId, areaId, category, status, deadline, orgId) index alone.
    open_items AS (
      SELECT rc."orgId", count(*)::int AS "n" FROM "Rectification" rc
      WHERE rc."roundId" = ${args.roundId} AND rc."areaId" = ${args.areaId}
        AND rc."category" = ${category} AND rc."status" IN ('OPEN', 'SUBMITTED', 'RETURNED')
      GROUP BY rc."orgId"
    ),
    ranked AS (
      SELECT row_number() OVER (ORDER BY a."rank" NULLS LAST, o."sortOrder", a."orgId")::int AS "position",
             a."id", a."orgId", o."name", o."shortName", a."rank",
             a."baseScore"::text AS "base", a."bonusScore"::text AS "bonus", a."totalScore"::text AS "total",
             a."listMark", p."id" AS "previousId", p."rank" AS "previousRank",
             p."totalScore"::text AS "previousTotal",
             CASE WHEN p."category" = a."category" THEN p."rank" - a."rank" END AS "rankChange",
             (a."totalScore" - p."totalScore")::text AS "totalChange",
             CASE WHEN v."visible" THEN COALESCE(a."findingCount", 0) END AS "findingCount",
             CASE WHEN v."visible" THEN COALESCE(oi."n", 0) END AS "openItems"
      FROM "Assessment" a
      JOIN target t ON t."id" = a."roundId"
      JOIN "Organization" o ON o."id" = a."orgId"
      LEFT JOIN "Assessment" p
        ON p."roundId" = (SELECT "id" FROM previous) AND p."orgId" = a."orgId" AND p."areaId" = a."areaId"
      LEFT JOIN open_items oi ON oi."orgId" = a."orgId"
      LEFT JOIN LATERAL (
        SELECT ${visibleSql(viewer, 'a."orgId"', 'a."roundId"')} AS "visible"
      ) v ON TRUE
      WHERE a."areaId" = ${args.areaId} AND a."category" = ${category}
    )
    SELECT
      EXISTS (SELECT 1 FROM target) AS "published",
      (SELECT "id" FROM previous) AS "previousRoundId",
      (SELECT to_jsonb(pr) FROM previous pr) AS "previousRound",
      (SELECT ${rankingColumnsSql(reads)}
       FROM ranked r) AS "columns"`
  if (!ranking?.published) throw new NotFoundError('InspectionRound', args.roundId, '该轮次不存在或尚未发布结果')
  const table = tableOf(ranking.columns)
  let rows: RankingRow[] | undefined
  return {
    ...args,
    previousRoundId: ranking.previousRoundId,
    previousRound: roundOf(ranking.previousRound),
    table,
    // Built only when a caller reads them: the dashboard reads the table.
    get rows() {
      return (rows ??= rankingRows(table))
    },
  }
}

/**
 * The ranking as columns, one array per field, each in rank order: what the dashboard reads. A
 * thousand orgs as a dozen lists rather than a thousand row objects make 40 % of the response's
 * bytes and far fewer objects to build, walk and serialise (bench/README.md).
 */
export interface RankingTable {
  assessmentIds: number[]
  orgIds: number[]
  orgNames: string[]
  /** Null when the selection left them out (RankingReads). */
  orgShortNames: (string | null)[] | null
  ranks: (number | null)[]
  bases: (ScoreString | null)[]
  bonuses: (ScoreString | null)[]
  totals: (ScoreString | null)[]
  listMarks: (ListMark | null)[]
  /** This and the next two null, like `orgShortNames`, when the selection leaves them out. */
  previousAssessmentIds: (number | null)[] | null
  previousRanks: (number | null)[] | null
  previousTotals: (ScoreString | null)[] | null
  rankChanges: (number | null)[]
  totalChanges: (ScoreString | null)[]
  findingCounts: (number | null)[]
  openRectifications: (number | null)[]
}

/** The statement's columns put in rank order (it returns them in its own order with `positions`). */
function tableOf(columns: RankingColumns): RankingTable {
  const {
    positions,
    assessmentIds,
    orgIds,
    orgNames,
    orgShortNames,
    ranks,
    bases,
    bonuses,
    totals,
    listMarks,
    previousAssessmentIds,
    previousRanks,
    previousTotals,
    rankChanges,
    totalChanges,
    findingCounts,
    openRectifications,
  } = columns
  const order = positions ?? []
  const n = order.length
  // Places each value at its row's position; a missing column (none of the ranking's rows, or left
  // out by the selection) stays null.
  function ranked<T, U = T>(column: T[] | null, map?: (value: T) => U): U[] {
    const out = new Array<U>(n)
    for (const [i, position] of order.entries()) {
      const value = column?.[i] ?? (null as T)
      out[position - 1] = map ? map(value) : (value as unknown as U)
    }
    return out
  }
  return {
    assessmentIds: ranked(assessmentIds),
    orgIds: ranked(orgIds),
    orgNames: ranked(orgNames),
    orgShortNames: orgShortNames ? ranked(orgShortNames) : null,
    ranks: ranked(ranks),
    bases: ranked(bases, fixed2),
    bonuses: ranked(bonuses, fixed2),
    totals: ranked(totals, fixed2),
    listMarks: ranked(listMarks),
    previousAssessmentIds: previousAssessmentIds ? ranked(previousAssessmentIds) : null,
    previousRanks: previousRanks ? ranked(previousRanks) : null,
    previousTotals: previousTotals ? ranked(previousTotals, fixed2) : null,
    rankChanges: ranked(rankChanges),
    totalChanges: ranked(totalChanges, fixed2),
    findingCounts: ranked(findingCounts),
    openRectifications: ranked(openRectifications),
  }
}

/** The table's rows, one object per org (what `CategoryRanking.rows` serves). */
export function rankingRows(table: RankingTable): RankingRow[] {
  const { orgIds } = table
  return orgIds.map((orgId, i) => ({
    assessmentId: required(table.assessmentIds[i], 'assessment id of a ranking row'),
    orgId,
    org: { id: orgId, name: required(table.orgNames[i], 'org name of a ranking row'), shortName: table.orgShortNames?.[i] ?? null },
    orgIds,
    rank: table.ranks[i] ?? null,
    base: table.bases[i] ?? null,
    bonus: table.bonuses[i] ?? null,
    total: table.totals[i] ?? null,
    listMark: table.listMarks[i] ?? null,
    previousAssessmentId: table.previousAssessmentIds?.[i] ?? null,
    previousRank: table.previousRanks?.[i] ?? null,
    previousTotal: table.previousTotals?.[i] ?? null,
    rankChange: table.rankChanges[i] ?? null,
    totalChange: table.totalChanges[i] ?? null,
    // Null exactly when the viewer may not see the org's findings (the statement decides).
    findingCount: table.findingCounts[i] ?? null,
    openRectifications: table.openRectifications[i] ?? null,
  }))
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
    createdAt: new Date(required(json.createdAt, 'creation time of the previous round')),
    updatedAt: new Date(required(json.updatedAt, 'update time of the previous round')),
  }
}
