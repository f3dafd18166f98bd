import { ConflictError, NotFoundError } from './errors'

/**
 * Optimistic locking for records with a `version` column. Load the row, check the client's
 * version, then update with `where: { id, version }` and `version: { increment: 1 }`: under
 * concurrency PostgreSQL re-checks the `where` after waiting for the row lock, so the second writer
 * matches zero rows and gets a ConflictError carrying the winner's values instead of overwriting.
 */
export function assertFound<T>(
  row: T | null | undefined,
  entityType: string,
  id: string | number,
): T {
  if (!row) throw new NotFoundError(entityType, id)
  return row
}

export function assertVersion<T extends { version: number }>(
  row: T,
  expected: number,
  entityType: string,
  id: string | number,
  snapshot: (row: T) => unknown = (r) => r,
): void {
  if (row.version !== expected) {
    throw new ConflictError(entityType, id, snapshot(row), row.version)
  }
}

/**
 * Runs `update` (an `updateMany` filtered on id and expected version); when it matched nothing the
 * row changed (or vanished) since it was read, so reload it and report the conflict.
 */
export async function updateVersioned<T extends { version: number }>(args: {
  entityType: string
  id: string | number
  update: () => Promise<{ count: number }>
  reload: () => Promise<T | null>
  snapshot?: (row: T) => unknown
}): Promise<void> {
  const { count } = await args.update()
  if (count > 0) return
  const current = await args.reload()
  if (!current) throw new NotFoundError(args.entityType, args.id)
  throw new ConflictError(
    args.entityType,
    args.id,
    (args.snapshot ?? ((r: T) => r))(current),
    current.version,
  )
}
