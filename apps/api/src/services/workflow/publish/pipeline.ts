import type { PrismaClient } from '@redblue/db'
import { sendInOrder } from '../in-order'
import { readInSnapshot } from '../snapshot-reads'
import type { Tx } from '../types'

/**
 * How publication talks to the database, in one place: the steps build their statements (lazy
 * Prisma statements: each runs when first awaited) and publication hands them here.
 *
 * Publication keeps the server busy while it computes. The reads and the writes that do not
 * depend on the scores go first, together and in order (see sendInOrder): the server runs them back
 * to back, the writes right after the last read's rows instead of after this process has taken
 * them up (≈ 0.4 s less of an idle server than a wave per read), and the scores are computed here
 * while the writes run (≈ 0.7–1 s of JavaScript for a provincial round). The writes that depend on
 * the scores are queued behind them the same way (`sendInOrder`).
 */

type Rows<R extends readonly unknown[]> = { -readonly [K in keyof R]: Awaited<R[K]> }
type Sent<W extends readonly unknown[]> = { -readonly [K in keyof W]: Promise<Awaited<W[K]>> }

/**
 * Sends the round's reads and then `writes` without waiting for any of them; `rows` are the reads'
 * results, `written` the writes' promises, in the order given.
 *
 * With a `reader` (a PostgreSQL server) the reads go to a connection of their own through this
 * transaction's snapshot (the same rows: they must not depend on its writes), and this one starts
 * on the writes at once: ≈ 0.7 s of reading a provincial round (540,000 inputs) no longer ahead of
 * them (`trace.ts publish` back to back: 4.4 / 6.1 / 5.2 s vs 6.3 / 6.6 / 5.7 s). On PGlite's
 * single connection they are queued before the writes instead.
 */
export async function sendAheadOfScoring<
  R extends readonly unknown[],
  W extends readonly unknown[],
>(
  tx: Tx,
  reader: PrismaClient | null | undefined,
  reads: (db: Tx) => R,
  writes: W,
): Promise<{ rows: Promise<Rows<R>>; written: Sent<W> }> {
  if (reader) {
    const side = await readInSnapshot(tx, reader, async (db) => {
      // One after the other: issued together in one turn, Prisma batches a transaction's
      // statements (see sendInOrder); the reader has nothing else to do meanwhile.
      const rows: unknown[] = []
      for (const read of reads(db)) rows.push(await read)
      return rows as Rows<R>
    })
    return { rows: side.result, written: await sendInOrder(writes) }
  }
  const own = reads(tx)
  const sent: Promise<unknown>[] = await sendInOrder([...own, ...writes])
  return {
    rows: Promise.all(sent.slice(0, own.length)) as Promise<Rows<R>>,
    written: sent.slice(own.length) as Sent<W>,
  }
}

/**
 * Queues statements behind those already sent, in order, without waiting for any of them; the
 * caller awaits each where its step ends.
 */
export const sendBehind = sendInOrder

/**
 * Lets the I/O through now and then during a long computation: the connection must see one write
 * end and send the next while the scores are computed, or the writes would only overlap the first.
 */
export async function letTheIoThrough(iteration: number): Promise<void> {
  if (iteration % 250 === 249) await new Promise((resolve) => setImmediate(resolve))
}
