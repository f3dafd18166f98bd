/**
 * The bench's databases: created fresh (dropped first) on the server of BENCH_DATABASE_URL, migrated
 * with the project's own runner, and labelled with the dataset they hold (a COMMENT ON DATABASE) so
 * `--reuse` can tell whether a dataset of the same size is already there.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createDb } from '@redblue/db'
import pg from 'pg'
import type { DatasetSize } from './options'

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(name)}`
  return parsed.toString()
}

export function redact(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`

/** Drops and creates the database of `url`, then applies every migration. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url)
  if (!/bench/i.test(name)) {
    throw new Error(
      `refusing to drop database "${name}": the bench only recreates databases whose name contains "bench"`,
    )
  }
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${ident(name)}`)
  })
  await migrateDatabase(url)
}

/** Applies pending migrations (a reused dataset gets the indexes added since it was generated). */
export async function migrateDatabase(url: string): Promise<string[]> {
  const db = await createDb({ url, poolSize: 1 })
  try {
    return (await db.migrate()).applied
  } finally {
    await db.close()
  }
}

export interface DatasetLabel {
  size: DatasetSize
  seed: number
  generatedAt: string
  lastRoundId: number
  roundIds: number[]
  areaIds: number[]
  users: { admin: string; leader: string; inspector: string; branch: string }
  counts: Record<string, number>
  rows: number
  ms: number
}

export async function readLabel(url: string): Promise<DatasetLabel | null> {
  const name = databaseName(url)
  return onServer(url, async (client) => {
    const { rows } = await client.query<{ label: string | null }>(
      `SELECT shobj_description(d.oid, 'pg_database') AS label FROM pg_database d WHERE d.datname = $1`,
      [name],
    )
    const text = rows[0]?.label
    if (!text?.startsWith('{')) return null
    try {
      return JSON.parse(text) as DatasetLabel
    } catch {
      return null
    }
  })
}

export async function writeLabel(url: string, label: DatasetLabel): Promise<void> {
  await onServer(url, (client) =>
    client.query(
      `COMMENT ON DATABASE ${ident(databaseName(url))} IS ${literal(JSON.stringify(label))}`,
    ),
  )
}

export function sameSize(a: DatasetSize, b: DatasetSize): boolean {
  return (
    a.orgs === b.orgs &&
    a.rounds === b.rounds &&
    a.indicators === b.indicators &&
    a.findings === b.findings &&
    a.areas === b.areas
  )
}

/** The reason publishRound records on the findings it deems confirmed. */
const DEEMED_CONFIRMED = '核对期结束未提出异议，视为确认'

/**
 * Puts a round the bench published back into RECONCILING, as the generator left it, so `--reuse`
 * can time publishing it again: removes what publication created (items, interviews, adjustments,
 * notice, the round's recorded rule set, stored round summaries and insights, dimension subtotals,
 * frozen scores and points, deemed confirmations) in one transaction.
 */
export async function unpublishRound(pool: pg.Pool, roundId: number): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    for (const sql of [
      `DELETE FROM "Rectification" WHERE "roundId" = $1`,
      `DELETE FROM "Interview" WHERE "roundId" = $1`,
      `DELETE FROM "PerformanceAdjustment" WHERE "roundId" = $1`,
      `DELETE FROM "Notice" WHERE "roundId" = $1`,
      `DELETE FROM "RoundRuleSet" WHERE "roundId" = $1`,
      `DELETE FROM "RoundInsight" WHERE "roundId" = $1`,
      `DELETE FROM "RoundSummary" WHERE "roundId" = $1`,
      `DELETE FROM "RoundAreaSummary" WHERE "roundId" = $1`,
      `DELETE FROM "RoundDimensionSummary" WHERE "roundId" = $1`,
      `DELETE FROM "RoundProblemSummary" WHERE "roundId" = $1`,
      `UPDATE "Assessment" SET "baseScore" = NULL, "bonusScore" = NULL, "totalScore" = NULL, "rank" = NULL,
         "listMark" = NULL, "frozenAt" = NULL WHERE "roundId" = $1`,
      `DELETE FROM "AssessmentIndicatorPoints" p USING "Assessment" a WHERE a."id" = p."assessmentId" AND a."roundId" = $1`,
      `UPDATE "Finding" f SET "reconciliationStatus" = 'PENDING' FROM "ReconciliationRecord" rr
         WHERE rr."findingId" = f."id" AND f."roundId" = $1 AND rr."reason" = '${DEEMED_CONFIRMED}'`,
      `DELETE FROM "ReconciliationRecord" rr USING "Finding" f
         WHERE f."id" = rr."findingId" AND f."roundId" = $1 AND rr."reason" = '${DEEMED_CONFIRMED}'`,
      `DELETE FROM "RoundStatusChange" WHERE "roundId" = $1 AND "toStatus" = 'PUBLISHED'`,
      `UPDATE "InspectionRound" SET "status" = 'RECONCILING', "publishedAt" = NULL WHERE "id" = $1`,
    ]) {
      await client.query(sql, [roundId])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
  await pool.query('VACUUM ANALYZE')
}

/** Dirty page cache waiting to be written to disk, MB (Linux's /proc/meminfo; null elsewhere). */
function dirtyMb(): number | null {
  try {
    const match = /^Dirty:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))
    return match ? Math.round(Number(match[1]) / 1024) : null
  } catch {
    return null
  }
}

export interface Settled {
  /** Dirty page cache before (MB), null where it cannot be read. */
  dirtyMb: number | null
  ms: number
}

/**
 * Lets a freshly generated dataset settle before anything is timed: a CHECKPOINT, then the
 * machine's dirty page cache written out (`sync`). Right after a load of millions of rows the
 * kernel writes gigabytes back in the background and every figure taken meanwhile is slower — the
 * hand-written SQL's as well (measured: ranking SQL 26–30 ms right after the load, 20 ms on the
 * same data settled) — while a database a publication meets has long written out its quarter of
 * data. Best effort: without the rights for CHECKPOINT, or on another OS, it does what it can.
 */
export async function settleDatabase(url: string): Promise<Settled> {
  const started = performance.now()
  const dirty = dirtyMb()
  await onServer(url, (client) => client.query('CHECKPOINT')).catch(() => undefined)
  try {
    execFileSync('sync')
  } catch {
    // No sync(1) here: the kernel writes the cache back on its own schedule.
  }
  return { dirtyMb: dirty, ms: performance.now() - started }
}
