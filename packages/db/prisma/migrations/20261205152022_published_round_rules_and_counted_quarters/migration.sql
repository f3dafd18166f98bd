-- AlterTable
ALTER TABLE "AnnualResult" ADD COLUMN     "quarters" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateTable
CREATE TABLE "RoundRuleSet" (
    "roundId" INTEGER NOT NULL,
    "sourceYear" INTEGER,
    "redCategories" "OrgCategory"[],
    "blueLastCategories" "OrgCategory"[],
    "baseThresholdCategories" "OrgCategory"[],
    "baseThreshold" DECIMAL(6,2) NOT NULL,
    "redPoints" DECIMAL(6,2) NOT NULL,
    "bluePoints" DECIMAL(6,2) NOT NULL,
    "thresholdPoints" DECIMAL(6,2) NOT NULL,
    "quarterlyWeight" DECIMAL(6,4) NOT NULL,
    "annualComponents" JSONB NOT NULL DEFAULT '[]',
    "rectificationDays" INTEGER NOT NULL,
    "warningDays" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundRuleSet_pkey" PRIMARY KEY ("roundId")
);

-- AddForeignKey
ALTER TABLE "RoundRuleSet" ADD CONSTRAINT "RoundRuleSet_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rounds already published record what they were published with: until now publication read the
-- year's own rule set, else the built-in defaults (R4, R5, R8, R10 of the source).
INSERT INTO "RoundRuleSet" ("roundId", "sourceYear", "redCategories", "blueLastCategories",
  "baseThresholdCategories", "baseThreshold", "redPoints", "bluePoints", "thresholdPoints",
  "quarterlyWeight", "annualComponents", "rectificationDays", "warningDays", "recordedAt")
SELECT r."id", rs."year",
       COALESCE(rs."redCategories", ARRAY['I', 'II']::"OrgCategory"[]),
       COALESCE(rs."blueLastCategories", ARRAY['I', 'II']::"OrgCategory"[]),
       COALESCE(rs."baseThresholdCategories", ARRAY['III']::"OrgCategory"[]),
       COALESCE(rs."baseThreshold", 98.00), COALESCE(rs."redPoints", 1.50),
       COALESCE(rs."bluePoints", -1.50), COALESCE(rs."thresholdPoints", -0.50),
       COALESCE(rs."quarterlyWeight", 0.40), COALESCE(rs."annualComponents", '[]'::jsonb),
       COALESCE(rs."rectificationDays", 30), COALESCE(rs."warningDays", 7),
       COALESCE(r."publishedAt", CURRENT_TIMESTAMP)
FROM "InspectionRound" r
LEFT JOIN "RuleSet" rs ON rs."year" = r."year"
WHERE r."status" IN ('PUBLISHED', 'CLOSED');

-- Annual results already computed: the quarters of the first area's published rounds they counted.
UPDATE "AnnualResult" ar
SET "quarters" = COALESCE((
  SELECT array_agg(DISTINCT r."quarter" ORDER BY r."quarter")
  FROM "Assessment" a JOIN "InspectionRound" r ON r."id" = a."roundId"
  WHERE a."orgId" = ar."orgId" AND r."year" = ar."year" AND a."totalScore" IS NOT NULL
    AND r."status" IN ('PUBLISHED', 'CLOSED')
    AND a."areaId" = (SELECT "id" FROM "Area" ORDER BY "sortOrder", "id" LIMIT 1)
), ARRAY[]::INTEGER[]);

-- Inputs stored for an indicator restricted to the other unit type never counted (R1); they are
-- now refused, and the ones accepted before are cleared so no field reports points beside a 0.
UPDATE "IndicatorInput" ii
SET "ratingLevel" = NULL, "quantityValue" = NULL, "bonusPoints" = NULL
FROM "Assessment" a, "Indicator" i
WHERE a."id" = ii."assessmentId" AND i."id" = ii."indicatorId"
  AND i."unitTypeRestriction" IS NOT NULL AND i."unitTypeRestriction" <> a."unitType"
  AND (ii."ratingLevel" IS NOT NULL OR ii."quantityValue" IS NOT NULL OR ii."bonusPoints" IS NOT NULL);
