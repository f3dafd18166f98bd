import type { Prisma } from '@redblue/db'
import type { Db } from './context'

/**
 * Appends one row to the audit log. Call it with the transaction client that made the change, so
 * the change and its audit entry commit or roll back together.
 *
 * `before`/`after` are snapshots of the entity (null for create/delete respectively). Decimals,
 * Dates and BigInts are converted to JSON-safe strings.
 */
export interface AuditEntry {
  /** The user (or user id) who acted; null for system actions (seed, migrations). */
  actor?: { id: number } | number | null
  /** Alternative to `actor` when only the id is at hand. */
  actorId?: number | null
  /**
   * `entity.verb`, both lowerCamelCase: `org.create`, `scheme.publish`, `round.inspecting`. One
   * convention for every writer, so the log reads (and translates, and filters) by entity and verb.
   */
  action: string
  /** Prisma model name, e.g. `Organization`. */
  entityType: string
  entityId: string | number | bigint
  before?: unknown
  after?: unknown
  ip?: string | null
}

export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  const actorId =
    entry.actorId ??
    (entry.actor == null ? null : typeof entry.actor === 'number' ? entry.actor : entry.actor.id)
  await db.auditLog.create({
    data: {
      actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
      ip: entry.ip ?? null,
    },
  })
}

/** `writeAudit` with actor and address taken from the request context. */
export function auditAs(
  ctx: { user: { id: number } | null; ip: string },
  db: Db,
  entry: Omit<AuditEntry, 'actor' | 'ip'>,
): Promise<void> {
  return writeAudit(db, { ...entry, actor: ctx.user, ip: ctx.ip })
}
