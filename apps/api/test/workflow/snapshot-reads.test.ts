/**
 * readInSnapshot: a read beside a transaction, on a connection of its own, sees the database as
 * the transaction saw it when the read began — not the transaction's own uncommitted writes, not
 * what others commit afterwards. Publication reads its round this way on a PostgreSQL server.
 */
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInSnapshot } from '../../src/services/workflow/snapshot-reads'
import { ON_POSTGRES } from '../reliability/support'

let db: TestDb

beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.close())

// PGlite has one connection: a second transaction there waits for the first, so publication
// never reads beside its transaction on it (config.snapshotReads is false there).
describe.runIf(ON_POSTGRES)('readInSnapshot (PostgreSQL server)', () => {
  it('reads on another connection exactly what the transaction saw, whatever is committed meanwhile', async () => {
    await db.prisma.$executeRawUnsafe('CREATE TABLE "SnapshotProbe" ("n" int NOT NULL)')
    await db.prisma.$executeRawUnsafe('INSERT INTO "SnapshotProbe" VALUES (1)')
    type Pid = { pid: number }[]
    const seen = await db.prisma.$transaction(
      async (tx) => {
        const [own] = await tx.$queryRaw<Pid>`SELECT pg_backend_pid() AS "pid"`
        // The transaction's own write: not committed, so not in what the reader sees.
        await tx.$executeRawUnsafe('INSERT INTO "SnapshotProbe" VALUES (2)')
        const { result } = await readInSnapshot(tx, db.prisma, async (reader) => {
          // Committed by another connection after the snapshot was taken: not seen either.
          await db.prisma.$executeRawUnsafe('INSERT INTO "SnapshotProbe" VALUES (3)')
          const [readerPid] = await reader.$queryRaw<Pid>`SELECT pg_backend_pid() AS "pid"`
          const rows = await reader.$queryRaw<{ n: number }[]>`SELECT "n" FROM "SnapshotProbe" ORDER BY "n"`
          return { pid: readerPid!.pid, rows: rows.map((r) => r.n) }
        })
        const read = await result
        const mine = await tx.$queryRaw<{ n: number }[]>`SELECT "n" FROM "SnapshotProbe" ORDER BY "n"`
        return { ownPid: own!.pid, read, mine: mine.map((r) => r.n) }
      },
      { timeout: 30_000 },
    )
    expect(seen.read.pid).not.toBe(seen.ownPid)
    expect(seen.read.rows).toEqual([1])
    // The transaction itself (read committed) sees its own row and the later commit.
    expect(seen.mine).toEqual([1, 2, 3])
  })
})
