-- The dimension subtotals frozen at publication move into the assessment's frozen-points row as one
-- JSON array ({"d": dimension id, "p": points, "l": points lost}, two-decimal strings, the scheme's
-- order) instead of a row per dimension: a provincial round publishes 9,000 rows here instead of
-- 9,000 + 72,000, and the subtotals' insert with its primary key and foreign key check was
-- ≈ 0.7–1.2 s of the publishing transaction (issue 10). A view of the old table's name and columns
-- expands the arrays for the SQL that reads subtotals (analytics, "storeRoundSummaries").

-- AlterTable: filled below, then without a default like the frozen points.
ALTER TABLE "AssessmentIndicatorPoints" ADD COLUMN "dimensions" JSONB NOT NULL DEFAULT '[]';

-- Every assessment's subtotals, exactly as stored (numeric(6,2) as text keeps both decimals). An
-- assessment with subtotals but no frozen points (not written by any version of publication, the
-- seed or the generator) keeps its subtotals with an empty points object rather than losing them.
INSERT INTO "AssessmentIndicatorPoints" ("assessmentId", "points", "dimensions")
SELECT s."assessmentId", '{}'::jsonb,
       jsonb_agg(jsonb_build_object('d', s."dimensionId", 'p', s."points"::text, 'l', s."lost"::text)
                 ORDER BY d."sortOrder", s."dimensionId")
FROM "AssessmentDimensionScore" s
LEFT JOIN "Dimension" d ON d."id" = s."dimensionId"
GROUP BY s."assessmentId"
ON CONFLICT ("assessmentId") DO UPDATE SET "dimensions" = EXCLUDED."dimensions";

ALTER TABLE "AssessmentIndicatorPoints" ALTER COLUMN "dimensions" DROP DEFAULT;

-- DropForeignKey
ALTER TABLE "AssessmentDimensionScore" DROP CONSTRAINT "AssessmentDimensionScore_assessmentId_fkey";

-- DropTable
DROP TABLE "AssessmentDimensionScore";

-- The subtotals as rows, for SQL: same name and columns as the table had, so the analytics and
-- "storeRoundSummaries" read them unchanged. A filter on "assessmentId" reaches the primary key.
CREATE VIEW "AssessmentDimensionScore" AS
SELECT p."assessmentId", s."d" AS "dimensionId", s."p" AS "points", s."l" AS "lost"
FROM "AssessmentIndicatorPoints" p
CROSS JOIN LATERAL jsonb_to_recordset(p."dimensions") AS s("d" integer, "p" numeric(6, 2), "l" numeric(6, 2));
