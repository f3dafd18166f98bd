import { ValidationError } from '../../../errors'
import type { Actor } from '../../../access'
import type { Tx } from '../types'

/** The end of reconciliation at publication (R6): no open dispute, silence is consent. */

const DEEMED_CONFIRMED = '核对期结束未提出异议，视为确认'

/** Publication waits until an admin has ruled on every disputed finding. */
export async function refuseWhileDisputed(tx: Tx, roundId: number): Promise<void> {
  const disputed = await tx.finding.count({
    where: { roundId, reconciliationStatus: 'DISPUTED' },
  })
  if (disputed > 0) throw new ValidationError(`还有 ${disputed} 个有异议的问题未处理，不能发布`)
}

/**
 * Findings the org never reacted to are deemed confirmed, with a record saying so (one statement;
 * resolves to how many).
 */
export function confirmUnanswered(tx: Tx, roundId: number, actor: Actor, now: Date) {
  return tx.$executeRaw`
    WITH confirmed AS (
      UPDATE "Finding"
      SET "reconciliationStatus" = 'CONFIRMED', "version" = "version" + 1, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "roundId" = ${roundId} AND "reconciliationStatus" = 'PENDING'
      RETURNING "id"
    )
    INSERT INTO "ReconciliationRecord" ("findingId", "action", "reason", "actorId", "at")
    SELECT "id", 'CONFIRM', ${DEEMED_CONFIRMED}, ${actor.userId}, ${now} FROM confirmed ORDER BY "id"`
}
