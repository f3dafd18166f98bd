-- DropIndex
DROP INDEX "Rectification_roundId_idx";

-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN     "areaId" INTEGER,
ADD COLUMN     "category" "OrgCategory";

-- CreateTable
CREATE TABLE "RoundDimensionSummary" (
    "roundId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "category" "OrgCategory" NOT NULL,
    "dimensionId" INTEGER NOT NULL,
    "assessments" INTEGER NOT NULL,
    "points" DECIMAL(12,2) NOT NULL,
    "lost" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "RoundDimensionSummary_pkey" PRIMARY KEY ("roundId","areaId","category","dimensionId")
);

-- CreateTable
CREATE TABLE "RoundProblemSummary" (
    "roundId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "category" "OrgCategory" NOT NULL,
    "problemCategoryId" INTEGER NOT NULL,
    "findings" INTEGER NOT NULL,
    "standingFindings" INTEGER NOT NULL,

    CONSTRAINT "RoundProblemSummary_pkey" PRIMARY KEY ("roundId","areaId","category","problemCategoryId")
);

-- CreateTable
CREATE TABLE "RoundAreaSummary" (
    "roundId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "feedbackForms" INTEGER NOT NULL,

    CONSTRAINT "RoundAreaSummary_pkey" PRIMARY KEY ("roundId","areaId")
);

-- CreateTable
CREATE TABLE "RoundSummary" (
    "roundId" INTEGER NOT NULL,
    "feedbackForms" INTEGER NOT NULL,

    CONSTRAINT "RoundSummary_pkey" PRIMARY KEY ("roundId")
);

-- CreateIndex
CREATE INDEX "RoundDimensionSummary_areaId_idx" ON "RoundDimensionSummary"("areaId");

-- CreateIndex
CREATE INDEX "RoundDimensionSummary_dimensionId_idx" ON "RoundDimensionSummary"("dimensionId");

-- CreateIndex
CREATE INDEX "RoundProblemSummary_areaId_idx" ON "RoundProblemSummary"("areaId");

-- CreateIndex
CREATE INDEX "RoundProblemSummary_problemCategoryId_idx" ON "RoundProblemSummary"("problemCategoryId");

-- CreateIndex
CREATE INDEX "RoundAreaSummary_areaId_idx" ON "RoundAreaSummary"("areaId");

-- AddForeignKey
ALTER TABLE "RoundDimensionSummary" ADD CONSTRAINT "RoundDimensionSummary_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDimensionSummary" ADD CONSTRAINT "RoundDimensionSummary_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDimensionSummary" ADD CONSTRAINT "RoundDimensionSummary_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundProblemSummary" ADD CONSTRAINT "RoundProblemSummary_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundProblemSummary" ADD CONSTRAINT "RoundProblemSummary_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundProblemSummary" ADD CONSTRAINT "RoundProblemSummary_problemCategoryId_fkey" FOREIGN KEY ("problemCategoryId") REFERENCES "ProblemCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAreaSummary" ADD CONSTRAINT "RoundAreaSummary_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAreaSummary" ADD CONSTRAINT "RoundAreaSummary_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSummary" ADD CONSTRAINT "RoundSummary_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here on (the schema engine knows no functions or triggers).

-- An item's area and org category are those of its assessment: a finding's, or for an interview
-- item the interview's (round, org, area). Copied when the item is inserted, whoever inserts it
-- (publication, an interview's item, the demo seed); a writer that already knows them (the bench
-- generator, loading with triggers off) passes them and the trigger leaves them alone. Both keys
-- of the assessment never change, so neither do these.
CREATE FUNCTION "rectificationAssessmentKeys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."areaId" IS NULL OR NEW."category" IS NULL THEN
    IF NEW."findingId" IS NOT NULL THEN
      SELECT f."areaId", a."category" INTO NEW."areaId", NEW."category"
      FROM "Finding" f JOIN "Assessment" a ON a."id" = f."assessmentId"
      WHERE f."id" = NEW."findingId";
    ELSIF NEW."interviewItemId" IS NOT NULL THEN
      SELECT iv."areaId", a."category" INTO NEW."areaId", NEW."category"
      FROM "InterviewItem" ii
      JOIN "Interview" iv ON iv."id" = ii."interviewId"
      LEFT JOIN "Assessment" a ON a."roundId" = iv."roundId" AND a."orgId" = iv."orgId" AND a."areaId" = iv."areaId"
      WHERE ii."id" = NEW."interviewItemId";
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Rectification_assessmentKeys" BEFORE INSERT ON "Rectification"
FOR EACH ROW EXECUTE FUNCTION "rectificationAssessmentKeys"();

-- Backfill the existing items (before their index exists: one sort instead of an insertion per row).
UPDATE "Rectification" rc
SET "areaId" = f."areaId", "category" = a."category"
FROM "Finding" f JOIN "Assessment" a ON a."id" = f."assessmentId"
WHERE f."id" = rc."findingId";

UPDATE "Rectification" rc
SET "areaId" = x."areaId", "category" = x."category"
FROM (
  SELECT ii."id", iv."areaId", a."category"
  FROM "InterviewItem" ii
  JOIN "Interview" iv ON iv."id" = ii."interviewId"
  LEFT JOIN "Assessment" a ON a."roundId" = iv."roundId" AND a."orgId" = iv."orgId" AND a."areaId" = iv."areaId"
) x
WHERE x."id" = rc."interviewItemId";

-- CreateIndex
CREATE INDEX "Rectification_roundId_areaId_category_status_deadline_idx" ON "Rectification"("roundId", "areaId", "category", "status", "deadline");

-- The per-round aggregates of a published round, from rows that never change after publication
-- (frozen dimension subtotals; findings, their reconciliation status and feedback forms are
-- editable only up to RECONCILING). One set-based statement per table; idempotent (replaces the
-- round's rows). Publication calls it in its transaction, the demo seed and the bench generator
-- after writing their published rounds, so all of them store the same figures the same way.
CREATE FUNCTION "storeRoundSummaries"("target" integer) RETURNS void LANGUAGE plpgsql AS $$
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
END
$$;

-- Backfill every round published so far.
SELECT "storeRoundSummaries"(r."id") FROM "InspectionRound" r WHERE r."status" IN ('PUBLISHED', 'CLOSED') ORDER BY r."id";
