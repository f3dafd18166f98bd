-- A rectification event's round is the look-back round of VERIFIED and CARRIED_OVER. Publication
-- and interviews also wrote it on CREATED events, where it repeated the item's own round; they no
-- longer do (publication writes ≈ 27,700 CREATED events a provincial round, and the foreign key
-- check on each cost ≈ 0.26 s; issue 10), and the events written before follow.
UPDATE "RectificationEvent" SET "roundId" = NULL WHERE "type" = 'CREATED' AND "roundId" IS NOT NULL;
