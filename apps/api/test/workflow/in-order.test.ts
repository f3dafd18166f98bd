/**
 * sendInOrder: statements of one interactive transaction reach the server in the order given and
 * each resolves when it has ended, not when the last has — what lets publication score a round
 * while its writes run. Timed by the server (clock_timestamp), not by this process.
 */
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendInOrder } from '../../src/services/workflow/in-order'
import { ON_POSTGRES } from '../reliability/support'

let db: TestDb

beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.close())

interface Stamp {
  /** When the statement started, by the server's clock (the same machine's as this process's). */
  at: Date
}

describe('sendInOrder', () => {
  // PGlite runs each statement in this thread, so nothing resolves while the next one runs: there
  // the order alone is checked (by the server's clock).
  it('runs statements in the given order, each resolving when it has ended', async () => {
    const seen = await db.prisma.$transaction(
      async (tx) => {
        const stamp = (sleep: number) =>
          tx.$queryRaw<
            Stamp[]
          >`SELECT clock_timestamp() AS "at", pg_sleep(${sleep})::text AS "slept"`
        // Prisma statements are lazy: none runs before sendInOrder issues it.
        const [first, second, slow] = await sendInOrder([stamp(0), stamp(0), stamp(3)] as const)
        const [firstRow] = await first
        // Issued together in one turn, Prisma would resolve all three when the slow one ends.
        const firstSeen = new Date()
        const [secondRow] = await second
        const [slowRow] = await slow
        return { firstSeen, first: firstRow!.at, second: secondRow!.at, slow: slowRow!.at }
      },
      { timeout: 30_000 },
    )
    // Batched, the first would resolve 3 s after the slow one started; half of that leaves room for
    // a loaded CI machine's event loop.
    if (ON_POSTGRES) expect(seen.firstSeen.getTime()).toBeLessThan(seen.slow.getTime() + 1500)
    expect(seen.first.getTime()).toBeLessThanOrEqual(seen.second.getTime())
    expect(seen.second.getTime()).toBeLessThanOrEqual(seen.slow.getTime())
  })

  it('passes plain values through and reports a failure where it is awaited', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        const [skipped, failing] = await sendInOrder([0, tx.$executeRaw`SELECT 1 / 0`] as const)
        expect(await skipped).toBe(0)
        await failing
      }),
    ).rejects.toThrow(/division by zero/)
  })
})
