/**
 * The stored per-round aggregates recomputed from the raw rows, written here independently of the
 * migration's `"storeRoundSummaries"` (differently, on purpose): each check returns the rows where
 * stored and recomputed disagree (both directions), so an empty result means they are equal.
 */
import type { PrismaClient } from '@redblue/db'

const PUBLISHED = `('PUBLISHED', 'CLOSED')`

/** stored EXCEPT raw, and raw EXCEPT stored, labelled. */
function symmetricDifference(stored: string, raw: string): string {
  return `(SELECT 'stored' AS "side", * FROM ((${stored}) EXCEPT ALL (${raw})) d)
    UNION ALL
    (SELECT 'raw' AS "side", * FROM ((${raw}) EXCEPT ALL (${stored})) d)`
}

const CHECKS = {
  dimensions: symmetricDifference(
    `SELECT "roundId", "areaId", "category"::text, "dimensionId", "assessments", "points", "lost"
     FROM "RoundDimensionSummary"`,
    `SELECT a."roundId", a."areaId", a."category"::text, d."dimensionId", count(*)::int,
            sum(d."points"), sum(d."lost")
     FROM "AssessmentDimensionScore" d
     JOIN "Assessment" a ON a."id" = d."assessmentId"
     JOIN "InspectionRound" r ON r."id" = a."roundId" AND r."status" IN ${PUBLISHED}
     GROUP BY 1, 2, 3, 4`,
  ),
  problems: symmetricDifference(
    `SELECT "roundId", "areaId", "category"::text, "problemCategoryId", "findings", "standingFindings"
     FROM "RoundProblemSummary"`,
    `SELECT f."roundId", f."areaId", a."category"::text, f."problemCategoryId", count(*)::int,
            sum(CASE WHEN f."reconciliationStatus" IN ('CONFIRMED', 'UPHELD') THEN 1 ELSE 0 END)::int
     FROM "Finding" f
     JOIN "Assessment" a ON a."id" = f."assessmentId"
     JOIN "InspectionRound" r ON r."id" = f."roundId" AND r."status" IN ${PUBLISHED}
     GROUP BY 1, 2, 3, 4`,
  ),
  areaForms: symmetricDifference(
    `SELECT "roundId", "areaId", "feedbackForms" FROM "RoundAreaSummary"`,
    `SELECT ra."roundId", ra."areaId",
            (SELECT count(DISTINCT f."feedbackFormId") FROM "Finding" f
              WHERE f."roundId" = ra."roundId" AND f."areaId" = ra."areaId")::int
     FROM "RoundArea" ra JOIN "InspectionRound" r ON r."id" = ra."roundId" AND r."status" IN ${PUBLISHED}`,
  ),
  roundForms: symmetricDifference(
    `SELECT "roundId", "feedbackForms" FROM "RoundSummary"`,
    `SELECT r."id", (SELECT count(*) FROM "FeedbackForm" ff WHERE ff."roundId" = r."id")::int
     FROM "InspectionRound" r WHERE r."status" IN ${PUBLISHED}`,
  ),
  // Every published assessment's frozen count of standing findings (the ranking's column).
  findingCounts: `SELECT a."id", a."findingCount", (
       SELECT count(*) FROM "Finding" f
       WHERE f."assessmentId" = a."id" AND f."reconciliationStatus" = ANY (ARRAY['CONFIRMED', 'UPHELD']::"ReconciliationStatus"[])
     )::int AS "counted"
     FROM "Assessment" a JOIN "InspectionRound" r ON r."id" = a."roundId" AND r."status" IN ${PUBLISHED}
     WHERE a."findingCount" IS DISTINCT FROM (
       SELECT count(*) FROM "Finding" f
       WHERE f."assessmentId" = a."id" AND f."reconciliationStatus" = ANY (ARRAY['CONFIRMED', 'UPHELD']::"ReconciliationStatus"[])
     )::int`,
  // Items carry their assessment's round, org, area and category (the ranking counts an org's
  // open items of a round by them).
  items: `SELECT rc."id", rc."areaId", rc."category"::text, src."areaId" AS "expectedArea", src."category"::text AS "expectedCategory"
     FROM "Rectification" rc
     LEFT JOIN LATERAL (
       SELECT f."areaId", a."category", a."roundId", a."orgId" FROM "Finding" f JOIN "Assessment" a ON a."id" = f."assessmentId"
       WHERE f."id" = rc."findingId"
       UNION ALL
       SELECT a."areaId", a."category", a."roundId", a."orgId" FROM "InterviewItem" ii
       JOIN "Interview" iv ON iv."id" = ii."interviewId"
       JOIN "Assessment" a ON a."roundId" = iv."roundId" AND a."orgId" = iv."orgId" AND a."areaId" = iv."areaId"
       WHERE ii."id" = rc."interviewItemId"
     ) src ON TRUE
     WHERE rc."areaId" IS DISTINCT FROM src."areaId" OR rc."category" IS DISTINCT FROM src."category"
        OR rc."roundId" IS DISTINCT FROM src."roundId" OR rc."orgId" IS DISTINCT FROM src."orgId"`,
} as const

export type SummaryCheck = keyof typeof CHECKS

/** Every disagreement between the stored aggregates (and items' copied keys) and the raw rows. */
export async function summaryMismatches(
  prisma: PrismaClient,
): Promise<Record<SummaryCheck, unknown[]>> {
  const entries = await Promise.all(
    (Object.keys(CHECKS) as SummaryCheck[]).map(
      async (name) => [name, await prisma.$queryRawUnsafe<unknown[]>(CHECKS[name])] as const,
    ),
  )
  return Object.fromEntries(entries) as Record<SummaryCheck, unknown[]>
}

export const NO_MISMATCH: Record<SummaryCheck, unknown[]> = {
  dimensions: [],
  problems: [],
  areaForms: [],
  roundForms: [],
  findingCounts: [],
  items: [],
}

/** Row counts of the stored tables (a check that equal is not trivially empty = empty). */
export async function summaryCounts(prisma: PrismaClient) {
  const [row] = await prisma.$queryRawUnsafe<
    { rounds: number; areas: number; dimensions: number; problems: number; items: number }[]
  >(`SELECT (SELECT count(*) FROM "RoundSummary")::int AS "rounds",
            (SELECT count(*) FROM "RoundAreaSummary")::int AS "areas",
            (SELECT count(*) FROM "RoundDimensionSummary")::int AS "dimensions",
            (SELECT count(*) FROM "RoundProblemSummary")::int AS "problems",
            (SELECT count(*) FROM "Rectification")::int AS "items"`)
  return row!
}
