-- DropIndex
DROP INDEX "Finding_areaId_idx";

-- CreateIndex
CREATE INDEX "AssessmentDimensionScore_assessmentId_dimensionId_points_lo_idx" ON "AssessmentDimensionScore"("assessmentId", "dimensionId", "points", "lost");

-- CreateIndex
CREATE INDEX "Finding_areaId_roundId_reconciliationStatus_problemCategory_idx" ON "Finding"("areaId", "roundId", "reconciliationStatus", "problemCategoryId", "assessmentId", "orgId", "id");

-- CreateIndex
CREATE INDEX "Rectification_findingId_status_idx" ON "Rectification"("findingId", "status");
