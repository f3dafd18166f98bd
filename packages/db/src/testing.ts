/**
 * Test helpers (`@redblue/db/testing`). Each test file calls `createTestDb()` once (beforeAll) and
 * gets its own migrated database: PGlite in memory, or — when TEST_DATABASE_URL is set — a
 * uniquely named database created on that server and dropped again by `close()`, so test files can
 * run in parallel. Between tests, `resetDb()` empties every table.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createDb, IN_MEMORY, type Db } from './client'
import { readEnv } from './env'
import type { Prisma, PrismaClient } from './generated/prisma/client'

export interface RecordedQueries<T> {
  result: T
  /** The SQL statements Prisma sent while `fn` ran, in order (transaction control excluded). */
  statements: string[]
}

export interface TestDb extends Db {
  /** Runs `fn` and returns the SQL statements it caused, e.g. to assert a request makes no N+1. */
  recordQueries<T>(fn: () => Promise<T>): Promise<RecordedQueries<T>>
  /** `resetDb(this.prisma)`. */
  reset(): Promise<void>
}

export interface CreateTestDbOptions {
  /** Apply the migrations (default true). */
  migrate?: boolean
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  let recording: string[] | null = null
  const onQuery = (sql: string) => {
    recording?.push(sql)
  }

  const serverUrl = readEnv().testDatabaseUrl
  let db: Db
  let dropDatabase: (() => Promise<void>) | undefined
  if (serverUrl) {
    const name = `redblue_test_${process.pid}_${randomBytes(4).toString('hex')}`
    await onServer(serverUrl, `CREATE DATABASE "${name}"`)
    dropDatabase = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    db = await createDb({ url: databaseUrl(serverUrl, name), poolSize: 5, onQuery })
  } else {
    db = await createDb({ dataDir: IN_MEMORY, onQuery })
  }

  try {
    if (options.migrate ?? true) await db.migrate()
  } catch (error) {
    await db.close()
    await dropDatabase?.()
    throw error
  }

  return {
    ...db,
    async recordQueries<T>(fn: () => Promise<T>): Promise<RecordedQueries<T>> {
      const statements: string[] = []
      recording = statements
      try {
        return { result: await fn(), statements }
      } finally {
        recording = null
      }
    },
    reset: () => resetDb(db.prisma),
    async close() {
      await db.close()
      await dropDatabase?.()
    },
  }
}

/** Empties every table except `_prisma_migrations` and restarts the id sequences. */
export async function resetDb(prisma: PrismaClient): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`
  if (tables.length === 0) return
  const list = tables.map(({ tablename }) => `"${tablename.replaceAll('"', '""')}"`).join(', ')
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`)
}

/**
 * The source's rule set (docs/domain.md R4, R5, R8, R10) as a stored row holds it and the API reads
 * it back: decimals as text at their column's scale. Written out, not derived from the engine's
 * DEFAULT_RULE_SET, so that a test comparing against it checks that definition instead of
 * repeating it.
 */
export const STORED_DEFAULT_RULE_SET = {
  redCategories: ['I', 'II'],
  blueLastCategories: ['I', 'II'],
  baseThresholdCategories: ['III'],
  baseThreshold: '98.00',
  redPoints: '1.50',
  bluePoints: '-1.50',
  thresholdPoints: '-0.50',
  quarterlyWeight: '0.4000',
  rectificationDays: 30,
  warningDays: 7,
} satisfies Omit<Prisma.RoundRuleSetUncheckedCreateInput, 'roundId' | 'sourceYear'>
