import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { checksumOf, MIGRATIONS_DIR, MigrationError, readMigrations } from '../src/migrate'
import { createTestDb, type TestDb } from '../src/testing'
import { diagnose, diffMigrationsToSchema } from '../scripts/schema-engine'

const onPostgres = Boolean(process.env.TEST_DATABASE_URL)
const initName = readMigrations()[0]!.name
/** Every migration of the repository, in order (the runner applies them all). */
const allNames = readMigrations().map((m) => m.name)

interface MigrationRow {
  id: string
  checksum: string
  finished_at: Date | null
  migration_name: string
  logs: string | null
  rolled_back_at: Date | null
  started_at: Date
  applied_steps_count: number
}

let db: TestDb
let scratch: string
const dirs: string[] = []

beforeAll(async () => {
  db = await createTestDb({ migrate: false })
})
// Every test starts from an empty database.
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('DROP SCHEMA public CASCADE')
  await db.prisma.$executeRawUnsafe('CREATE SCHEMA public')
})
afterAll(async () => {
  await db.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A copy of the real migrations folder that a test may edit. */
function migrationsCopy(): string {
  scratch = mkdtempSync(join(tmpdir(), 'redblue-migrations-'))
  dirs.push(scratch)
  cpSync(MIGRATIONS_DIR, scratch, { recursive: true })
  return scratch
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(join(dir, name))
  writeFileSync(join(dir, name, 'migration.sql'), sql)
}

const rows = () =>
  db.prisma.$queryRawUnsafe<MigrationRow[]>(
    'SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name',
  )

describe('migration runner', () => {
  test('applies every migration to an empty database and records it as Prisma does', async () => {
    const result = await db.migrate()
    expect(result).toEqual({ applied: readMigrations().map((m) => m.name), skipped: [] })

    const recorded = await rows()
    expect(recorded).toHaveLength(readMigrations().length)
    const init = recorded[0]!
    expect(init.migration_name).toBe(initName)
    expect(init.checksum).toBe(
      checksumOf(readFileSync(join(MIGRATIONS_DIR, initName, 'migration.sql'), 'utf8')),
    )
    expect(init.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(init.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(init.finished_at).toBeInstanceOf(Date)
    expect(init.finished_at!.getTime()).toBeGreaterThanOrEqual(init.started_at.getTime())
    expect(init.rolled_back_at).toBeNull()
    expect(init.logs).toBeNull()
    expect(init.applied_steps_count).toBe(1)
  })

  test('is idempotent: a second run applies nothing and records nothing', async () => {
    await db.migrate()
    const before = await rows()
    expect(await db.migrate()).toEqual({ applied: [], skipped: allNames })
    expect(await rows()).toEqual(before)
  })

  test('applies only the migrations added since the last run, in name order', async () => {
    const dir = migrationsCopy()
    await db.migrate({ migrationsDir: dir })
    addMigration(dir, '29990102000000_second', 'CREATE TABLE "Second" ("id" INTEGER PRIMARY KEY);')
    addMigration(dir, '29990101000000_first', 'CREATE TABLE "First" ("id" INTEGER PRIMARY KEY);')
    const result = await db.migrate({ migrationsDir: dir })
    expect(result.applied).toEqual(['29990101000000_first', '29990102000000_second'])
    expect((await rows()).map((r) => r.migration_name)).toEqual([
      ...allNames,
      '29990101000000_first',
      '29990102000000_second',
    ])
  })

  test('refuses, naming the migration, when an applied migration file was changed', async () => {
    const dir = migrationsCopy()
    await db.migrate({ migrationsDir: dir })
    const file = join(dir, initName, 'migration.sql')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited afterwards\n`)
    addMigration(dir, '29990101000000_more', 'CREATE TABLE "More" ("id" INTEGER PRIMARY KEY);')

    const run = db.migrate({ migrationsDir: dir })
    await expect(run).rejects.toThrow(MigrationError)
    await expect(db.migrate({ migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${initName} was already applied .* has changed`),
    )
    // Nothing after the refusal ran.
    expect((await rows()).map((r) => r.migration_name)).toEqual(allNames)
  })

  test('rolls a failing migration back completely and records nothing for it', async () => {
    const dir = migrationsCopy()
    addMigration(
      dir,
      '29990101000000_broken',
      'CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";',
    )
    await expect(db.migrate({ migrationsDir: dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back/,
    )
    expect((await rows()).map((r) => r.migration_name)).toEqual(allNames)
    const half = await db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`,
    )
    expect(half).toHaveLength(0)
  })

  test('refuses to go on after a migration that failed under Prisma', async () => {
    await db.migrate()
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000000_failed', now(), 0)`,
    )
    await expect(db.migrate()).rejects.toThrow(
      /29990101000000_failed failed on this database earlier/,
    )
  })

  test('two concurrent runs apply each migration exactly once', async () => {
    const results = await Promise.all([db.migrate(), db.migrate(), db.migrate()])
    expect(results.flatMap((r) => r.applied)).toEqual(allNames)
    expect(await rows()).toHaveLength(allNames.length)
  })

  test.runIf(onPostgres)(
    'two processes (separate connections) queue on the advisory lock',
    async () => {
      const { migrate } = await import('../src/migrate')
      const url = db.url!
      const results = await Promise.all([migrate({ url }), migrate({ url }), migrate({ url })])
      expect(results.flatMap((r) => r.applied)).toEqual(allNames)
      expect(await rows()).toHaveLength(allNames.length)
    },
  )
})

describe('Prisma agrees', () => {
  test('Prisma’s schema engine sees the database as up to date after our runner', async () => {
    await db.migrate()
    const target = db.pglite ?? new PrismaPg({ connectionString: db.url! })
    const status = await diagnose(target)
    expect(status).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    })
  })

  test('Prisma’s schema engine sees an edited migration as edited', async () => {
    const dir = migrationsCopy()
    await db.migrate({ migrationsDir: dir })
    const file = join(dir, initName, 'migration.sql')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited\n`)
    const target = db.pglite ?? new PrismaPg({ connectionString: db.url! })
    expect((await diagnose(target, dir)).editedMigrationNames).toEqual([initName])
  })

  // Independent of the backend: the engine replays the migrations on a shadow PGlite.
  test.runIf(!onPostgres)(
    'the migrations produce exactly schema.prisma (no pending diff)',
    async () => {
      expect(await diffMigrationsToSchema()).toBe('')
    },
  )
})
