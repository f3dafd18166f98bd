-- DropIndex
DROP INDEX "Assessment_areaId_idx";

-- DropIndex
DROP INDEX "Assessment_roundId_areaId_category_idx";

-- CreateIndex
CREATE INDEX "Assessment_areaId_category_roundId_orgId_totalScore_rank_li_idx" ON "Assessment"("areaId", "category", "roundId", "orgId", "totalScore", "rank", "listMark");
