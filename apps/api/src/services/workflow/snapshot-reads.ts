import type { PrismaClient } from '@redblue/db'
import { sendInOrder } from './in-order'
import type { Tx } from './types'

/** PostgreSQL's snapshot ids are hex digits and dashes ("00000003-0000001B-1"). */
const SNAPSHOT_ID = /^[0-9A-F]+(-[0-9A-F]+)*$/i

/**
 * Runs `read` on a pooled connection of its own that sees the database exactly as the transaction
 * `tx` sees it now — PostgreSQL's exported snapshot, imported by a REPEATABLE READ transaction —
 * so long reads take nothing from `tx`'s one connection, which goes on with its writes meanwhile.
 * `tx`'s own uncommitted writes are not visible to the reader: only reads that do not depend on
 * them belong here. PostgreSQL servers only: PGlite has a single connection, where a second
 * transaction would wait for the first to end.
 *
 * Returns once the export is on its way, alone (see sendInOrder: issued in the same turn as the
 * caller's next statement, Prisma would batch the two and resolve the export only when that one
 * had ended — the reader would wait for the writes it should run beside). `result` is the read's;
 * the snapshot can be imported only while `tx` is open, so the caller awaits it before committing.
 */
export async function readInSnapshot<T>(
  tx: Tx,
  root: PrismaClient,
  read: (reader: Tx) => Promise<T>,
): Promise<{ result: Promise<T> }> {
  const [exporting] = await sendInOrder([
    tx.$queryRaw<{ snapshot: string }[]>`SELECT pg_export_snapshot() AS "snapshot"`,
  ] as const)
  const result = exporting.then(([exported]) => {
    const snapshot = exported?.snapshot ?? ''
    // SET TRANSACTION SNAPSHOT takes no bind parameter; the id is the server's own, checked anyway.
    if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`unexpected snapshot id "${snapshot}"`)
    return root.$transaction(
      async (reader) => {
        await reader.$executeRawUnsafe(`SET TRANSACTION SNAPSHOT '${snapshot}'`)
        return read(reader)
      },
      { isolationLevel: 'RepeatableRead', timeout: 120_000, maxWait: 30_000 },
    )
  })
  // Awaited by the caller after it has queued its own statements; until then not unhandled.
  result.catch(() => undefined)
  return { result }
}
