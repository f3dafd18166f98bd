import { writeAudit } from '../../audit'
import type { Tx } from './types'
import type { Actor } from '../../access'

/** Audit entry for a workflow change, written in the same transaction as the change. */
export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: number | string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await writeAudit(tx, {
    actor: actor.userId,
    action,
    entityType,
    entityId,
    before,
    after,
    ip: actor.ip ?? null,
  })
}
