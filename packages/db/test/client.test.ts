import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, redactUrl } from '../src/client'
import { createTestDb, resetDb, type TestDb } from '../src/testing'

const serverUrl = process.env.TEST_DATABASE_URL

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

describe('createTestDb', () => {
  test('uses PGlite in memory without TEST_DATABASE_URL, a server database with it', () => {
    expect(db.kind).toBe(serverUrl ? 'postgres' : 'pglite')
    if (!serverUrl) expect(db.location).toBe('memory://')
  })

  test('resetDb empties every table, restarts ids and keeps the migration history', async () => {
    await db.prisma.area.create({ data: { code: 'A', name: '基层党建' } })
    await db.prisma.problemCategory.create({ data: { code: 'P', name: '问题' } })
    await resetDb(db.prisma)
    expect(await db.prisma.area.count()).toBe(0)
    expect(await db.prisma.problemCategory.count()).toBe(0)
    const again = await db.prisma.area.create({ data: { code: 'A', name: '基层党建' } })
    expect(again.id).toBe(1)
    const history = await db.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "_prisma_migrations"')
    expect(history.length).toBeGreaterThan(0)
  })

  test('recordQueries returns the statements Prisma sent, including inside transactions', async () => {
    await db.reset()
    const { result, statements } = await db.recordQueries(async () => {
      await db.prisma.$transaction(async (tx) => {
        await tx.area.create({ data: { code: 'B', name: '党风廉政' } })
      })
      return db.prisma.area.findMany({ include: { schemes: true } })
    })
    expect(result).toHaveLength(1)
    expect(statements).toHaveLength(3)
    expect(statements[0]).toMatch(/^INSERT INTO "public"."Area"/)
    expect(statements[2]).toMatch(/FROM "public"."Scheme"/)
    // Outside recordQueries nothing is collected.
    await db.prisma.area.count()
    expect(statements).toHaveLength(3)
  })

  test.runIf(serverUrl)(
    'a transaction sends one statement at a time on its connection, relations included',
    async () => {
      await db.reset()
      await db.prisma.organization.create({
        data: { code: 'T', name: '支部', unitType: 'GRASSROOTS' },
      })
      // The query interpreter loads sibling relations with Promise.all; on a transaction's one
      // pg client they overlapped (pg 8 warns, pg 9 throws) before serializedTransactions.
      const proto = pg.Client.prototype as unknown as {
        query: (...args: unknown[]) => unknown
      }
      const original = proto.query
      let overlaps = 0
      let statements = 0
      proto.query = function (this: { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args) {
        statements++
        if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) overlaps++
        return original.apply(this, args)
      }
      try {
        const org = await db.prisma.$transaction(async (tx) =>
          tx.organization.findFirstOrThrow({
            include: { children: true, users: true, assessments: true, findings: true },
          }),
        )
        expect(org.children).toEqual([])
      } finally {
        proto.query = original
      }
      expect(statements).toBeGreaterThanOrEqual(5)
      expect(overlaps).toBe(0)
    },
  )

  test.runIf(serverUrl)('close() drops the throw-away database', async () => {
    const other = await createTestDb({ migrate: false })
    const name = new URL(other.url!).pathname.slice(1)
    const exists = async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ])
      await client.end()
      return rowCount === 1
    }
    expect(await exists()).toBe(true)
    await other.close()
    expect(await exists()).toBe(false)
  })
})

describe('createDb', () => {
  test('PGlite keeps its data in the folder across reopenings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redblue-pglite-'))
    try {
      const first = await createDb({ dataDir: dir, url: undefined })
      expect(first.kind).toBe('pglite')
      expect(first.location).toBe(dir)
      await first.migrate()
      await first.prisma.area.create({ data: { code: 'PB', name: '基层党建' } })
      await first.close()

      const second = await createDb({ dataDir: dir })
      expect((await second.migrate()).applied).toEqual([])
      expect((await second.prisma.area.findFirstOrThrow()).name).toBe('基层党建')
      await second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  test.runIf(serverUrl)('a URL selects PostgreSQL through a pool', async () => {
    const server = await createDb({ url: db.url! })
    expect(server.kind).toBe('postgres')
    expect(await server.prisma.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one')).toEqual([
      { one: 1 },
    ])
    await server.close()
  })

  test.runIf(serverUrl)(
    'a connection the server terminates while checked out fails its user, not the process',
    async () => {
      const server = await createDb({ url: db.url!, poolSize: 1 })
      try {
        await server.prisma.$queryRawUnsafe('SELECT 1')
        const held = await (server.pool as pg.Pool).connect()
        // Checked out, the client has no listener of pg-pool's: one of ours must be there.
        expect(held.listenerCount('error')).toBeGreaterThan(0)
        const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
        const ended = new Promise<void>((resolve) => held.once('end', resolve))
        // Between statements no query is running, so pg reports the loss as an 'error' event;
        // unheard, it would be an uncaught exception that fails this run.
        await db.prisma.$queryRawUnsafe('SELECT pg_terminate_backend($1)', rows[0]!.pid)
        await ended
        await expect(held.query('SELECT 1')).rejects.toThrow(/not queryable|terminat/)
        held.release(true)
        // The pool opens a fresh connection for the next statement.
        expect(await server.prisma.$queryRawUnsafe('SELECT 1 AS one')).toEqual([{ one: 1 }])
      } finally {
        await server.close()
      }
    },
  )

  test.runIf(serverUrl)(
    'a repeated statement is prepared once on its connection; one-off texts and SET are not',
    async () => {
      // One connection, so every statement below lands on the session whose prepared statements
      // the last query lists.
      const server = await createDb({ url: db.url!, poolSize: 1 })
      try {
        const areasWith = (code: string) =>
          server.prisma.$queryRaw<
            { n: number }[]
          >`SELECT count(*)::int AS n FROM "Area" WHERE "code" = ${code}`
        await areasWith('A')
        await server.prisma.$queryRawUnsafe('SELECT 2 AS once')
        await server.prisma.$transaction([
          server.prisma.$executeRawUnsafe('SET LOCAL work_mem = 8192'),
        ])
        await server.prisma.$transaction([
          server.prisma.$executeRawUnsafe('SET LOCAL work_mem = 8192'),
        ])
        await areasWith('B')
        await areasWith('C')
        const prepared = await server.prisma.$queryRawUnsafe<{ statement: string }[]>(
          'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time',
        )
        const texts = prepared.map((p) => p.statement)
        expect(texts.some((t) => t.includes('FROM "Area" WHERE "code" = $1'))).toBe(true)
        expect(texts.some((t) => t.includes('SELECT 2 AS once'))).toBe(false)
        expect(texts.some((t) => t.includes('work_mem'))).toBe(false)
      } finally {
        await server.close()
      }
    },
  )

  test('redactUrl hides the password', () => {
    expect(redactUrl('postgresql://app:s3cret@db.example:5432/redblue')).toBe(
      'postgresql://app:***@db.example:5432/redblue',
    )
    expect(redactUrl('not a url')).toBe('(unparseable database URL)')
  })
})
