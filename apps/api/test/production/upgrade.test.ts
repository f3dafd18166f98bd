/**
 * An upgrade keeps data: a database made by the previous release (main at 33e194b: its twelve
 * migrations, the demo data with five published rounds, their notices and the rectification
 * ledger — `pg_dump --format=custom` of it in test/fixtures/predecessor-33e194b.pgdump) is
 * migrated with this release's migrations; every row that existed reads back unchanged, and this
 * release's API answers the published rankings, notices and ledger from it exactly as stored.
 *
 * PostgreSQL only: the fixture is a pg_dump archive, restored with pg_restore.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi, CSRF_HEADER } from '../../src/yoga'
import { DEMO_PASSWORD, sessionCookieFrom } from '../helpers'
import { ON_POSTGRES, reportFigures } from '../reliability/support'

const run = promisify(execFile)
const FIXTURE = fileURLToPath(new URL('../fixtures/predecessor-33e194b.pgdump', import.meta.url))

function pgRestore(): string {
  const dir = process.env.PG_BIN_DIR
  return dir && existsSync(join(dir, 'pg_restore')) ? join(dir, 'pg_restore') : 'pg_restore'
}

type Columns = Record<string, string[]>

/** Per table, a fingerprint over the given columns only (new columns may be added by upgrades). */
async function fingerprint(db: TestDb, columns: Columns): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [table, cols] of Object.entries(columns)) {
    const row = `row(${cols.map((c) => `x."${c}"`).join(', ')})::text`
    const [r] = await db.prisma.$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(${row}, E'\\n' ORDER BY ${row})), '') AS h FROM "${table}" x`,
    )
    out[table] = `${r!.n}:${r!.h}`
  }
  return out
}

describe.skipIf(!ON_POSTGRES)('upgrade from the previous release', () => {
  let db: TestDb

  beforeAll(async () => {
    db = await createTestDb({ migrate: false })
    await run(pgRestore(), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${db.url}`, FIXTURE])
  }, 120_000)
  afterAll(() => db?.close())

  it('keeps every row, the published rankings, notices and the ledger', { timeout: 300_000 }, async () => {
    const columnRows = await db.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, ordinal_position`
    const columns: Columns = {}
    for (const r of columnRows) (columns[r.table_name] ??= []).push(r.column_name)
    const before = await fingerprint(db, columns)

    const published = await db.prisma.$queryRaw<{ id: number; areaId: number; name: string }[]>`
      SELECT DISTINCT r.id, a."areaId", r.name FROM "InspectionRound" r
      JOIN "Assessment" a ON a."roundId" = r.id
      WHERE r.status IN ('PUBLISHED', 'CLOSED') ORDER BY r.id, a."areaId"`
    const stored = await db.prisma.$queryRaw<{ id: number; total: string | null; rank: number | null; mark: string | null }[]>`
      SELECT a.id, a."totalScore"::text AS total, a.rank, a."listMark"::text AS mark FROM "Assessment" a
      JOIN "InspectionRound" r ON r.id = a."roundId" WHERE r.status IN ('PUBLISHED', 'CLOSED')`
    const [{ n: rectifications }] = (await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Rectification"`) as [{ n: number }]
    expect(published.length).toBeGreaterThanOrEqual(5)

    const started = Date.now()
    const result = await db.migrate()
    const migrateMs = Date.now() - started
    expect(await fingerprint(db, columns)).toEqual(before)

    const yoga = createApi({ prisma: db.prisma, config: { snapshotReads: true } })
    const post = async (query: string, variables: Record<string, unknown>, cookie?: string) => {
      const res = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      })
      return { res, body: (await res.json()) as { data?: Record<string, never>; errors?: unknown[] } }
    }
    const login = await post(`mutation { login(username: "admin", password: "${DEMO_PASSWORD}") { __typename } }`, {})
    const cookie = sessionCookieFrom(login.res.headers)!
    expect(cookie).toBeTruthy()

    const storedById = new Map(stored.map((s) => [s.id, s]))
    let rows = 0
    for (const round of published) {
      const { body } = await post(
        `query ($a: Int!, $r: Int!) { roundRanking(areaId: $a, roundId: $r) { assessmentId totalScore rank listMark } }`,
        { a: round.areaId, r: round.id },
        cookie,
      )
      expect(body.errors).toBeUndefined()
      for (const row of (body.data as unknown as { roundRanking: { assessmentId: number; totalScore: string | null; rank: number | null; listMark: string | null }[] }).roundRanking) {
        const was = storedById.get(row.assessmentId)
        expect({ total: row.totalScore, rank: row.rank, mark: row.listMark }).toEqual({ total: was?.total ?? null, rank: was?.rank ?? null, mark: was?.mark ?? null })
        rows++
      }
    }
    expect(rows).toBe(stored.length)

    // Each stored notice (document number, the orgs named in it) renders from the upgraded data.
    const notices = await db.prisma.$queryRaw<{ roundId: number; docNo: string }[]>`
      SELECT "roundId", "docNo" FROM "Notice" ORDER BY "roundId"`
    expect(notices.length).toBeGreaterThan(0)
    for (const { roundId, docNo } of notices) {
      const notice = await yoga.fetch(`http://localhost/files/notice/${roundId}.html`, { headers: { cookie } })
      expect(notice.status).toBe(200)
      expect(await notice.text()).toContain(docNo)
    }

    const ledger = await post(`{ rectificationLedger(limit: 1) { total } }`, {}, cookie)
    expect((ledger.body.data as unknown as { rectificationLedger: { total: number } }).rectificationLedger.total).toBe(rectifications)

    reportFigures('upgrade', { applied: result.applied.length, migrateMs, tables: Object.keys(before).length, publishedRankingRows: rows })
  })
})
