import { PGlite } from '@electric-sql/pglite'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { afterAll, describe, expect, test } from 'vitest'
import { PrismaClient } from '../src/generated/prisma/client'
import { yieldBetweenStatements } from '../src/yield-between-statements'

/**
 * PGlite's promises settle without the event loop turning: a run of statements kept timers and
 * other requests waiting until it ended. Through yieldBetweenStatements a timer set before the run
 * fires during it.
 */
const pglite = await PGlite.create()
afterAll(() => pglite.close())

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

describe('yieldBetweenStatements', () => {
  test('a timer fires during a run of statements on PGlite (and did not without it)', async () => {
    const plain = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
    const yielding = new PrismaClient({ adapter: yieldBetweenStatements(new PrismaPGlite(pglite)) })
    expect(await timerFiresDuring(plain)).toBe(false)
    expect(await timerFiresDuring(yielding)).toBe(true)
  })

  test('transactions still commit and roll back through it', async () => {
    const prisma = new PrismaClient({ adapter: yieldBetweenStatements(new PrismaPGlite(pglite)) })
    await prisma.$executeRawUnsafe('CREATE TABLE t (n int)')
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('INSERT INTO t VALUES (1)')
    })
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('INSERT INTO t VALUES (2)')
        throw new Error('undo')
      }),
    ).rejects.toThrow('undo')
    expect(await prisma.$queryRawUnsafe('SELECT n FROM t')).toEqual([{ n: 1 }])
  })
})
