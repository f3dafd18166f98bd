/**
 * Applies the SQL migrations in `prisma/migrations` without Prisma's schema engine (which cannot be
 * downloaded offline). Rows go into Prisma's own `_prisma_migrations` table with the same columns
 * and checksums, so `prisma migrate status` / `deploy` on a connected machine agree with us.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url))

/** The key Prisma's schema engine locks with, so our runner and `prisma migrate deploy` exclude each other. */
const ADVISORY_LOCK_KEY = 72707369

export interface MigrationFile {
  name: string
  sql: string
  checksum: string
}

export interface MigrateOptions {
  /** Folder holding `<timestamp>_<name>/migration.sql` (default: this package's prisma/migrations). */
  migrationsDir?: string
  log?: (message: string) => void
}

export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[]
  /** Migrations that were already applied before this call. */
  skipped: string[]
}

export type MigrationTarget = { pglite: PGlite } | { url: string }

export class MigrationError extends Error {
  override name = 'MigrationError'
}

/** Same digest Prisma stores: SHA-256 of the file's bytes, lowercase hex. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex')
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`)
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort()
    .map((name) => {
      const file = join(dir, name, 'migration.sql')
      if (!existsSync(file))
        throw new MigrationError(`Migration ${name} has no migration.sql (${file})`)
      const sql = readFileSync(file, 'utf8')
      return { name, sql, checksum: checksumOf(sql) }
    })
}

interface AppliedRow {
  migration_name: string
  checksum: string
  finished_at: Date | string | null
  rolled_back_at: Date | string | null
}

/** The few operations the runner needs, implemented over a pg client and over PGlite. */
interface Connection {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs `fn` in one transaction; `exec` there accepts several statements separated by `;`. */
  transaction(fn: (tx: TxConnection) => Promise<void>): Promise<void>
}

interface TxConnection {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>
  exec(sql: string): Promise<void>
}

// Exactly the table Prisma's schema engine creates on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

async function applyPending(conn: Connection, options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined)
  const migrations = readMigrations(options.migrationsDir)
  await conn.query(CREATE_MIGRATIONS_TABLE)
  const rows = await conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  )
  const live = rows.filter((row) => row.rolled_back_at === null)
  const failed = live.filter((row) => row.finished_at === null)
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(', ')
    throw new MigrationError(
      `Migration ${names} failed on this database earlier and was never marked as rolled back. ` +
        `Fix the database by hand, then mark it with \`prisma migrate resolve --rolled-back <name>\` ` +
        `(or set its rolled_back_at) before migrating again.`,
    )
  }
  const appliedChecksums = new Map(live.map((row) => [row.migration_name, row.checksum]))
  for (const migration of migrations) {
    const recorded = appliedChecksums.get(migration.name)
    if (recorded !== undefined && recorded !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was already applied to this database, but its migration.sql ` +
          `has changed since (recorded checksum ${recorded.slice(0, 12)}…, file now ` +
          `${migration.checksum.slice(0, 12)}…). Applied migrations must never be edited: restore ` +
          `the file and put the change into a new migration.`,
      )
    }
  }

  const result: MigrateResult = { applied: [], skipped: [] }
  for (const migration of migrations) {
    if (appliedChecksums.has(migration.name)) {
      result.skipped.push(migration.name)
      continue
    }
    log(`applying migration ${migration.name}`)
    try {
      await conn.transaction(async (tx) => {
        const id = randomUUID()
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        )
        await tx.exec(migration.sql)
        await tx.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        )
      })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new MigrationError(
        `Migration ${migration.name} failed and was rolled back, nothing of it was applied: ${reason}`,
        { cause: error },
      )
    }
    result.applied.push(migration.name)
  }
  return result
}

// One PGlite instance is one session, so an advisory lock would not exclude a second caller in the
// same process; chain the runs per instance instead. (Two processes cannot open one PGlite folder.)
const pgliteRuns = new WeakMap<PGlite, Promise<unknown>>()

async function migratePglite(db: PGlite, options: MigrateOptions): Promise<MigrateResult> {
  const previous = pgliteRuns.get(db) ?? Promise.resolve()
  const run = previous
    .catch(() => undefined)
    .then(() =>
      applyPending(
        {
          query: async <T>(sql: string, params?: unknown[]) =>
            (await db.query<T>(sql, params)).rows,
          transaction: async (fn) => {
            await db.transaction(async (tx) => {
              await fn({
                query: async <T>(sql: string, params?: unknown[]) =>
                  (await tx.query<T>(sql, params)).rows,
                exec: async (sql) => {
                  await tx.exec(sql)
                },
              })
            })
          },
        },
        options,
      ),
    )
  pgliteRuns.set(db, run)
  return run
}

async function migratePostgres(url: string, options: MigrateOptions): Promise<MigrateResult> {
  // One dedicated session: the advisory lock and every migration's transaction must share it.
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY])
    try {
      const query = async <T>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params)).rows as T[]
      return await applyPending(
        {
          query,
          transaction: async (fn) => {
            await client.query('BEGIN')
            try {
              await fn({
                query,
                exec: async (sql) => {
                  await client.query(sql)
                },
              })
              await client.query('COMMIT')
            } catch (error) {
              await client.query('ROLLBACK')
              throw error
            }
          },
        },
        options,
      )
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY])
    }
  } finally {
    await client.end()
  }
}

/**
 * Applies every pending migration in name order, each in its own transaction, and records it in
 * `_prisma_migrations`. Refuses when an applied migration's file has changed or an earlier one failed.
 * Safe to call concurrently: PostgreSQL callers queue on Prisma's advisory lock.
 */
export async function migrate(
  target: MigrationTarget,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  return 'pglite' in target
    ? migratePglite(target.pglite, options)
    : migratePostgres(target.url, options)
}
