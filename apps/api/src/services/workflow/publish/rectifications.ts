import type { Actor } from '../../../access'
import { COUNTED_AT_PUBLICATION } from '../scoring'
import type { Tx } from '../types'

const TITLE_MAX = 200

/**
 * One rectification item per finding that stands, with its CREATED event (R8; one statement,
 * resolves to how many). It selects the findings that count at publication (PENDING too), so it
 * opens the same items whether it runs before or after the deemed confirmations. The responsible
 * person defaults to the org's first active branch user (by id); the org edits it.
 *
 * Area and category are named here so the insert trigger that fills them for other writers skips
 * its per-row lookup (≈ 1 s per 27 k items); the assessments are the round's (by its index: 9,000
 * rows hashed instead of every round's). The event names no round: its roundId is the look-back
 * round of VERIFIED and CARRIED_OVER, and each row's foreign key check on it cost ≈ 0.26 s per
 * 27,700 events.
 */
export function openRectifications(
  tx: Tx,
  roundId: number,
  actor: Actor,
  now: Date,
  deadline: string,
) {
  return tx.$executeRaw`
    WITH created AS (
      INSERT INTO "Rectification"
        ("source", "findingId", "orgId", "roundId", "areaId", "category", "problemCategoryId", "title",
         "responsiblePerson", "deadline", "updatedAt")
      SELECT 'FINDING', f."id", f."orgId", f."roundId", f."areaId", a."category", f."problemCategoryId",
             CASE WHEN char_length(f."description") > ${TITLE_MAX}
                  THEN left(f."description", ${TITLE_MAX - 1}) || '…' ELSE f."description" END,
             COALESCE(responsible."displayName", ''), ${deadline}::date, CURRENT_TIMESTAMP
      FROM "Finding" f
      JOIN "Assessment" a ON a."id" = f."assessmentId" AND a."roundId" = ${roundId}
      LEFT JOIN (
        SELECT DISTINCT ON (u."orgId") u."orgId", u."displayName" FROM "User" u
        WHERE u."role" = 'BRANCH' AND u."active"
        ORDER BY u."orgId", u."id"
      ) responsible ON responsible."orgId" = f."orgId"
      WHERE f."roundId" = ${roundId}
        AND f."reconciliationStatus" = ANY(${COUNTED_AT_PUBLICATION}::text[]::"ReconciliationStatus"[])
      ORDER BY f."id"
      RETURNING "id"
    )
    INSERT INTO "RectificationEvent" ("rectificationId", "type", "note", "actorId", "createdAt")
    SELECT "id", 'CREATED', '检查结果发布，生成整改事项', ${actor.userId}, ${now}
    FROM created ORDER BY "id"`
}
