-- "storeRoundSummaries" as before, with the round named on both sides of its joins with
-- "Assessment": the planner then reads the round's 9,000 assessments by index instead of hashing
-- every round's (180,000 in the bench dataset; ≈ 60–100 ms for each of the two statements in the
-- publishing transaction; issue 10). Same rows written.
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
  FROM "Finding" f JOIN "Assessment" a ON a."id" = f."assessmentId" AND a."roundId" = "target"
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
  WHERE a."id" = c."id" AND a."roundId" = "target" AND a."findingCount" IS DISTINCT FROM c."n";
END
$$;
