/**
 * "The limit": the same answers as the ranking and trend requests, written by hand as the fastest
 * SQL we know for them and run directly on the database through `pg` (no HTTP, no GraphQL, no
 * Prisma). Rows are fetched to the client like the API's are; the trend's independent series run
 * concurrently on a pool, as the API's resolvers do. Both read the same stored tables (the per-round
 * summaries written at publication, the items' own area and category). The bench divides the
 * API's latency by this.
 *
 * Each statement is a named prepared statement, as the API's are (the db
 * package's `statementNames`): each pooled connection parses and plans it once. The limit gets
 * every advantage the API has.
 */
import type pg from 'pg'

const PUBLISHED = `('PUBLISHED', 'CLOSED')`

export interface RankingParams {
  roundId: number
  areaId: number
  category: string
}

/**
 * One statement: what the dashboard's ranking shows of each org (its name, rank, scores, mark, the
 * changes against the previous round, finding and open-item counts) and the previous round —
 * the finding counts frozen at publication, open items per org from the items' own
 * (round, area, category, status, deadline, org) index, as the API reads them.
 */
export const RANKING_SQL = `
WITH target AS (
  SELECT r."id", r."year", r."quarter" FROM "InspectionRound" r
  WHERE r."id" = $1 AND r."status" IN ${PUBLISHED}
),
previous AS (
  SELECT r."id", r."name" FROM "InspectionRound" r, target t
  WHERE r."status" IN ${PUBLISHED} AND (r."year", r."quarter") < (t."year", t."quarter")
    AND EXISTS (SELECT 1 FROM "RoundArea" ra WHERE ra."roundId" = r."id" AND ra."areaId" = $2)
  ORDER BY r."year" DESC, r."quarter" DESC LIMIT 1
),
open_items AS (
  SELECT rc."orgId", count(*)::int AS "n" FROM "Rectification" rc
  WHERE rc."roundId" = $1 AND rc."areaId" = $2 AND rc."category" = $3::"OrgCategory"
    AND rc."status" IN ('OPEN', 'SUBMITTED', 'RETURNED')
  GROUP BY rc."orgId"
)
SELECT a."id", o."name", a."rank", a."baseScore", a."bonusScore", a."totalScore", a."listMark",
       CASE WHEN p."category" = a."category" THEN p."rank" - a."rank" END AS "rankChange",
       a."totalScore" - p."totalScore" AS "totalChange",
       a."findingCount" AS "findings", COALESCE(oi."n", 0) AS "openItems",
       (SELECT "id" FROM previous) AS "previousRoundId", (SELECT "name" FROM previous) AS "previousRoundName"
FROM target t
JOIN "Assessment" a ON a."roundId" = t."id"
JOIN "Organization" o ON o."id" = a."orgId"
LEFT JOIN "Assessment" p ON p."roundId" = (SELECT "id" FROM previous) AND p."orgId" = a."orgId" AND p."areaId" = a."areaId"
LEFT JOIN open_items oi ON oi."orgId" = a."orgId"
WHERE a."areaId" = $2 AND a."category" = $3::"OrgCategory"
ORDER BY a."rank" NULLS LAST, o."sortOrder", a."orgId"`

export async function rankingReference(pool: pg.Pool, p: RankingParams): Promise<number> {
  const { rows } = await pool.query({
    name: 'reference_ranking',
    text: RANKING_SQL,
    values: [p.roundId, p.areaId, p.category],
  })
  return rows.length
}

export interface TrendParams {
  areaId: number
  category: string
  untilRoundId: number
  rounds: number
}

const WINDOW_SQL = `
SELECT r."id", r."name", r."year", r."quarter" FROM "InspectionRound" r, "InspectionRound" u
WHERE u."id" = $2 AND r."status" IN ${PUBLISHED} AND (r."year", r."quarter") <= (u."year", u."quarter")
  AND EXISTS (SELECT 1 FROM "RoundArea" ra WHERE ra."roundId" = r."id" AND ra."areaId" = $1)
ORDER BY r."year" DESC, r."quarter" DESC LIMIT $3`

const SERIES_SQL = [
  // Per-org totals with the org (what the dashboard's trend asks of each org).
  `SELECT a."roundId", a."orgId", o."name", o."shortName", a."totalScore"
   FROM "Assessment" a JOIN "Organization" o ON o."id" = a."orgId"
   WHERE a."areaId" = $1 AND a."roundId" = ANY($2::int[]) AND a."category" = $3::"OrgCategory" AND a."totalScore" IS NOT NULL
   ORDER BY o."sortOrder", a."orgId", a."roundId"`,
  // Category average of the totals per round.
  `SELECT a."roundId", a."category", round(avg(a."totalScore"), 2) AS "mean"
   FROM "Assessment" a
   WHERE a."areaId" = $1 AND a."roundId" = ANY($2::int[]) AND a."category" = $3::"OrgCategory" AND a."totalScore" IS NOT NULL
   GROUP BY a."roundId", a."category"`,
  // Category averages of each dimension per round, from the sums stored at publication.
  `SELECT s."roundId", d."code", min(d."name") AS "name",
          round(sum(s."points") / sum(s."assessments"), 2) AS "points",
          round(sum(s."lost") / sum(s."assessments"), 2) AS "lost"
   FROM "RoundDimensionSummary" s JOIN "Dimension" d ON d."id" = s."dimensionId"
   WHERE s."areaId" = $1 AND s."roundId" = ANY($2::int[]) AND s."category" = $3::"OrgCategory"
   GROUP BY s."roundId", d."code"`,
  // Standing findings per problem category and round, stored at publication.
  `SELECT s."roundId", s."problemCategoryId", pc."name", s."standingFindings" AS "n"
   FROM "RoundProblemSummary" s JOIN "ProblemCategory" pc ON pc."id" = s."problemCategoryId"
   WHERE s."areaId" = $1 AND s."roundId" = ANY($2::int[]) AND s."category" = $3::"OrgCategory"
     AND s."standingFindings" > 0`,
  // Items opened per round (findings' and interview items of the area and category: each item
  // carries them) and how many are closed, from the (round, area, category, status) index alone.
  `SELECT rc."roundId", count(*)::int AS "total", count(*) FILTER (WHERE rc."status" = 'CLOSED')::int AS "closed"
   FROM "Rectification" rc
   WHERE rc."roundId" = ANY($2::int[]) AND rc."areaId" = $1 AND rc."category" = $3::"OrgCategory"
   GROUP BY rc."roundId"`,
]

export async function trendReference(pool: pg.Pool, p: TrendParams): Promise<number> {
  const window = await pool.query<{ id: number }>({
    name: 'reference_trend_window',
    text: WINDOW_SQL,
    values: [p.areaId, p.untilRoundId, p.rounds],
  })
  const roundIds = window.rows.map((r) => r.id)
  const results = await Promise.all(
    SERIES_SQL.map((sql, i) =>
      pool.query({
        name: `reference_trend_${i}`,
        text: sql,
        values: [p.areaId, roundIds, p.category],
      }),
    ),
  )
  return results.reduce((n, r) => n + r.rows.length, 0)
}
