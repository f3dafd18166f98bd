-- The ranking's per-row counts: each assessment's standing findings frozen at publication, open
-- items per org from the items' own index (orgId appended). Two indexes no query uses any more go,
-- each an index entry less per row written by publication: AssessmentDimensionScore(dimensionId)
-- (no foreign key, no query by dimension alone) and Rectification(findingId, status) (close-out
-- rates read the (round, area, category, status) index; a finding's item is found by its unique
-- findingId).

-- DropIndex
DROP INDEX "AssessmentDimensionScore_dimensionId_idx";

-- DropIndex
DROP INDEX "Rectification_findingId_status_idx";

-- DropIndex
DROP INDEX "Rectification_roundId_areaId_category_status_deadline_idx";

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "findingCount" INTEGER;

-- CreateIndex
CREATE INDEX "Rectification_roundId_areaId_category_status_deadline_orgId_idx" ON "Rectification"("roundId", "areaId", "category", "status", "deadline", "orgId");

-- Written by hand from here on.

-- "storeRoundSummaries" also freezes each assessment's count of standing findings (the ranking
-- shows it on every row): reconciliation ends before publication, so it never changes after it.
-- Same function for publication, the demo seed and the bench generator, as before.
CREATE OR REPLACE FUNCTION "storeRoundSummaries"("target" integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "InspectionRound" r WHERE r."id" = "target" AND r."status" IN ('PUBLISHED', 'CLOSED')
  ) THEN
    RAISE EXCEPTION 'round % is not published: its results are not frozen', "target";
  END IF;

  DELETE FROM "RoundDimensionSummary" WHERE "roundId" = "target";
  DELETE FROM "RoundProblemSummary" WHERE "roundId" = "target";
  DELETE FROM "RoundAreaSummary" WHERE "roundId" = "target";
  DELETE FROM "RoundSummary" WHERE "roundId" = "target";

  INSERT INTO "RoundDimensionSummary"
    ("roundId", "areaId", "category", "dimensionId", "assessments", "points", "lost")
  SELECT a."roundId", a."areaId", a."category", s."dimensionId", count(*)::int, sum(s."points"), sum(s."lost")
  FROM "Assessment" a JOIN "AssessmentDimensionScore" s ON s."assessmentId" = a."id"
  WHERE a."roundId" = "target"
  GROUP BY a."roundId", a."areaId", a."category", s."dimensionId";

  INSERT INTO "RoundProblemSummary"
    ("roundId", "areaId", "category", "problemCategoryId", "findings", "standingFindings")
  SELECT f."roundId", f."areaId", a."category", f."problemCategoryId", count(*)::int,
         (count(*) FILTER (WHERE f."reconciliationStatus" IN ('CONFIRMED', 'UPHELD')))::int
  FROM "Finding" f JOIN "Assessment" a ON a."id" = f."assessmentId"
  WHERE f."roundId" = "target"
  GROUP BY f."roundId", f."areaId", a."category", f."problemCategoryId";

  INSERT INTO "RoundAreaSummary" ("roundId", "areaId", "feedbackForms")
  SELECT ra."roundId", ra."areaId",
         (SELECT count(*) FROM "FeedbackForm" ff
          WHERE ff."roundId" = "target"
            AND EXISTS (SELECT 1 FROM "Finding" f WHERE f."feedbackFormId" = ff."id" AND f."areaId" = ra."areaId"))::int
  FROM "RoundArea" ra
  WHERE ra."roundId" = "target";

  INSERT INTO "RoundSummary" ("roundId", "feedbackForms")
  SELECT "target", (SELECT count(*) FROM "FeedbackForm" ff WHERE ff."roundId" = "target")::int;

  -- From one pass over the round's standing findings; only rows that differ are written, so
  -- storing a round again changes nothing.
  UPDATE "Assessment" a
  SET "findingCount" = c."n"
  FROM (
    SELECT a2."id", COALESCE(f."n", 0) AS "n"
    FROM "Assessment" a2
    LEFT JOIN (
      SELECT f."assessmentId", count(*)::int AS "n" FROM "Finding" f
      WHERE f."roundId" = "target" AND f."reconciliationStatus" IN ('CONFIRMED', 'UPHELD')
      GROUP BY f."assessmentId"
    ) f ON f."assessmentId" = a2."id"
    WHERE a2."roundId" = "target"
  ) c
  WHERE a."id" = c."id" AND a."findingCount" IS DISTINCT FROM c."n";
END
$$;

-- Backfill the rounds published so far (the function writes only the new column: every other
-- summary it replaces is equal already).
SELECT "storeRoundSummaries"(r."id") FROM "InspectionRound" r WHERE r."status" IN ('PUBLISHED', 'CLOSED') ORDER BY r."id";
