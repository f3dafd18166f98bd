-- R13: insights of a published round and area, stored at publication (see model RoundInsight).
-- Rounds published before this migration have none stored; the API computes theirs when read.

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "analysis" TEXT;

-- AlterTable
ALTER TABLE "RuleSet" ADD COLUMN "insightThresholds" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "RoundInsight" (
    "roundId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "thresholds" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RoundInsight_pkey" PRIMARY KEY ("roundId","areaId")
);

-- CreateIndex
CREATE INDEX "RoundInsight_areaId_idx" ON "RoundInsight"("areaId");

-- AddForeignKey
ALTER TABLE "RoundInsight" ADD CONSTRAINT "RoundInsight_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundInsight" ADD CONSTRAINT "RoundInsight_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
