-- Indexes that no query reads, each an entry more for every row publication writes (a provincial
-- round: 72,000 dimension subtotals, ≈ 18,000 deemed confirmations rewriting each Finding index
-- entry plus their records, ≈ 28,000 CREATED events). The subtotals are read by assessment (the
-- primary key) and the category averages come from RoundDimensionSummary; findings, records and
-- events are never read by author, and users are deactivated, never deleted, so the foreign keys
-- to User need no index for ON DELETE. Measured on the bench dataset (issue 10): the subtotals'
-- insert ≈ 920 → ≈ 715 ms (median of six alternating runs).

-- DropIndex
DROP INDEX "AssessmentDimensionScore_assessmentId_dimensionId_points_lo_idx";

-- DropIndex
DROP INDEX "Finding_createdById_idx";

-- DropIndex
DROP INDEX "ReconciliationRecord_actorId_idx";

-- DropIndex
DROP INDEX "RectificationEvent_actorId_idx";

-- Written by hand from here on.

-- The trigger that fills an item's area and category now runs only when the writer left them
-- out: publication names both for its ≈ 28,000 items, and a row trigger's PL/pgSQL call costs
-- ≈ 33 ms per 27,700 rows even when its body does nothing (measured on a scratch table).
DROP TRIGGER "Rectification_assessmentKeys" ON "Rectification";
CREATE TRIGGER "Rectification_assessmentKeys" BEFORE INSERT ON "Rectification"
FOR EACH ROW WHEN (NEW."areaId" IS NULL OR NEW."category" IS NULL)
EXECUTE FUNCTION "rectificationAssessmentKeys"();
