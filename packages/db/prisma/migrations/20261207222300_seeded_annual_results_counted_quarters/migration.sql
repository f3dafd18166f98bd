-- Demo data loaded after the counted quarters were added stored its annual results without them,
-- so the annual page and annual.xlsx said no quarter counted where one did. A computed result
-- always counts at least one quarter: an empty list is one of those rows. Same rule as before:
-- the first area's published quarters with a frozen total.
UPDATE "AnnualResult" ar
SET "quarters" = COALESCE((
  SELECT array_agg(DISTINCT r."quarter" ORDER BY r."quarter")
  FROM "Assessment" a JOIN "InspectionRound" r ON r."id" = a."roundId"
  WHERE a."orgId" = ar."orgId" AND r."year" = ar."year" AND a."totalScore" IS NOT NULL
    AND r."status" IN ('PUBLISHED', 'CLOSED')
    AND a."areaId" = (SELECT "id" FROM "Area" ORDER BY "sortOrder", "id" LIMIT 1)
), ARRAY[]::INTEGER[])
WHERE ar."quarters" = ARRAY[]::INTEGER[];
