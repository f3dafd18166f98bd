import { PGlite } from '@electric-sql/pglite'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { afterAll, describe, expect, test } from 'vitest'
import { PrismaClient } from '../src/generated/prisma/client'
import { inStatementLane, statementLanes } from '../src/statement-lanes'

/**
 * PGlite runs one statement at a time, in arrival order. Through statementLanes the next statement
 * is the oldest of the lane that has used the database least (unless one has waited too long), with
 * a turn of the event loop before each: a request that has just arrived goes before the queued
 * statements of a heavy one.
 */
const pglite = await PGlite.create()
afterAll(() => pglite.close())

const plain = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
const laned = new PrismaClient({ adapter: statementLanes(new PrismaPGlite(pglite)) })

async function timerFiresDuring(prisma: PrismaClient): Promise<boolean> {
  await prisma.$queryRawUnsafe('SELECT 1')
  let fired = false
  const timer = setTimeout(() => (fired = true), 0)
  let firedDuring = false
  for (let i = 0; i < 50; i++) {
    await prisma.$queryRawUnsafe('SELECT 1')
    if (fired) firedDuring = true
  }
  clearTimeout(timer)
  return firedDuring
}

/**
 * A heavy lane that has already read queues 20 statements at once; then a new lane sends one.
 * Returns how many of the heavy lane's statements finished before the new lane's.
 */
async function heavyFinishedBeforeNewcomer(prisma: PrismaClient): Promise<number> {
  const finished: string[] = []
  const slow = 'SELECT count(*) FROM generate_series(1, 20000)'
  let heavy!: Promise<unknown>
  await inStatementLane(async () => {
    await prisma.$queryRawUnsafe(slow)
    heavy = Promise.all(
      Array.from({ length: 20 }, () =>
        prisma.$queryRawUnsafe(slow).then(() => finished.push('heavy')),
      ),
    )
  })
  const newcomer = inStatementLane(() =>
    prisma.$queryRawUnsafe('SELECT 1').then(() => finished.push('new')),
  )
  await Promise.all([heavy, newcomer])
  return finished.indexOf('new')
}

describe('statementLanes', () => {
  test('a timer fires during a run of statements on PGlite (and did not without it)', async () => {
    expect(await timerFiresDuring(plain)).toBe(false)
    expect(await timerFiresDuring(laned)).toBe(true)
  })

  test("a new lane's statement goes before the queued statements of a lane that has read", async () => {
    // In arrival order it comes last; in lane order at most one heavy statement (the one already
    // handed to the database) finishes before it.
    expect(await heavyFinishedBeforeNewcomer(plain)).toBe(20)
    expect(await heavyFinishedBeforeNewcomer(laned)).toBeLessThanOrEqual(1)
  })

  test('a statement that has waited starvedMs goes first, whatever its lane has used', async () => {
    // With no patience at all every waiting statement is starved: arrival order again.
    const impatient = new PrismaClient({
      adapter: statementLanes(new PrismaPGlite(pglite), { starvedMs: 0 }),
    })
    expect(await heavyFinishedBeforeNewcomer(impatient)).toBe(20)
  })

  test('a transaction is one turn: it commits and rolls back, and others wait for its end', async () => {
    await laned.$executeRawUnsafe('CREATE TABLE t (n int)')
    let outside: Promise<{ c: bigint }[]> | undefined
    await laned.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('INSERT INTO t VALUES (1)')
      // Sent from another lane during the transaction: it runs after COMMIT and sees both rows.
      outside = inStatementLane(() =>
        laned.$queryRawUnsafe<{ c: bigint }[]>('SELECT count(*) AS c FROM t'),
      )
      await tx.$executeRawUnsafe('INSERT INTO t VALUES (3)')
    })
    expect((await outside!)[0]!.c).toBe(2n)
    await expect(
      laned.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('INSERT INTO t VALUES (2)')
        throw new Error('undo')
      }),
    ).rejects.toThrow('undo')
    expect(await laned.$queryRawUnsafe('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 3 }])
  })

  test('a failed statement frees the database for the next', async () => {
    await expect(laned.$queryRawUnsafe('SELECT * FROM no_such_table')).rejects.toThrow()
    expect(await laned.$queryRawUnsafe('SELECT 1 AS one')).toEqual([{ one: 1 }])
  })
})
