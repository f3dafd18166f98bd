-- CreateTable
CREATE TABLE "AssessmentIndicatorPoints" (
    "assessmentId" INTEGER NOT NULL,
    "points" JSONB NOT NULL,

    CONSTRAINT "AssessmentIndicatorPoints_pkey" PRIMARY KEY ("assessmentId")
);

-- AddForeignKey
ALTER TABLE "AssessmentIndicatorPoints" ADD CONSTRAINT "AssessmentIndicatorPoints_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Move the frozen points: one object per published assessment, indicator id → two-decimal string
-- (numeric(6,2)::text is "9.50", exact).
INSERT INTO "AssessmentIndicatorPoints" ("assessmentId", "points")
SELECT "assessmentId", jsonb_object_agg("indicatorId"::text, "points"::text)
FROM "IndicatorInput"
WHERE "points" IS NOT NULL
GROUP BY "assessmentId";

-- Inputs that publication created only to carry points (nothing entered) say nothing any more:
-- the engine scores a missing input and an empty one alike.
DELETE FROM "IndicatorInput"
WHERE "points" IS NOT NULL AND "ratingLevel" IS NULL AND "quantityValue" IS NULL
  AND "bonusPoints" IS NULL AND "note" IS NULL;

-- AlterTable
ALTER TABLE "IndicatorInput" DROP COLUMN "points";
