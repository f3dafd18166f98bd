/**
 * Test harness: an API instance over a fresh migrated database per test file, called through
 * `yoga.fetch` (no port). Typical file:
 *
 *   const api = useTestApi()                       // beforeAll/afterAll/beforeEach hooks
 *   it('...', async () => {
 *     const admin = await api.login('admin')       // cookie string for demo user "admin"
 *     const res = await api.gql(`{ me { username } }`, {}, admin)
 *     expect(res.errors).toBeUndefined()
 *   })
 *
 * By default each test starts from the demo seed (reset + seed in beforeEach). Pass
 * `{ seed: 'fixture' }` for the small hand-built world of test/fixture.ts (same usernames and
 * password, ids in `api.fixture`), `{ seed: 'none' }` for an empty database, or
 * `{ reset: 'file' }` to seed once per file when tests only read.
 */
import type { PrismaClient } from '@redblue/db'
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { ApiConfig } from '../src/config'
import { createApi, CSRF_HEADER, type Api } from '../src/yoga'
import { seedFixture, type Fixture } from './fixture'

export const DEMO_PASSWORD = 'RedBlue@2026'
export const DEMO_USERS = [
  'admin',
  'leader',
  'inspector1',
  'inspector2',
  'branch1',
  'branch2',
] as const
export type DemoUser = (typeof DEMO_USERS)[number]

export interface GqlError {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; [key: string]: unknown }
}

// Tests read results by shape without declaring every type; `any` keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface GqlResult<T = Record<string, any>> {
  data?: T | null
  errors?: GqlError[]
  status: number
  headers: Headers
}

export interface RequestOptions {
  cookie?: string | null
  /** Client address as seen by the API (login throttling is per address). */
  ip?: string
  headers?: Record<string, string>
}

export interface TestApiOptions {
  seed?: 'demo' | 'fixture' | 'none'
  /** 'each' (default): reset and reseed before every test; 'file': once per file. */
  reset?: 'each' | 'file'
  config?: Partial<ApiConfig>
}

/** Extracts `name=value` of the session cookie from a response, or null. */
export function sessionCookieFrom(headers: Headers, name = 'redblue_session'): string | null {
  for (const header of headers.getSetCookie()) {
    const [pair] = header.split(';')
    if (pair?.startsWith(`${name}=`)) return pair.length > name.length + 1 ? pair : null
  }
  return null
}

export class TestApi {
  db!: TestDb
  yoga!: Api
  /** Ids of the fixture rows when seeded with `seed: 'fixture'`. */
  fixture!: Fixture
  private seeded = false

  constructor(readonly options: TestApiOptions = {}) {}

  get prisma(): PrismaClient {
    return this.db.prisma
  }

  async init(): Promise<void> {
    this.db = await createTestDb()
    this.yoga = this.createInstance()
  }

  /** A further API instance on the same database (e.g. a second replica). */
  createInstance(config: Partial<ApiConfig> = {}): Api {
    return createApi({
      prisma: this.db.prisma,
      // As main.ts opens it: publication reads beside its transaction on a PostgreSQL server.
      config: { snapshotReads: this.db.kind === 'postgres', ...this.options.config, ...config },
    })
  }

  async reset(): Promise<void> {
    if (this.options.reset === 'file' && this.seeded) return
    await this.db.reset()
    const seed = this.options.seed ?? 'demo'
    if (seed === 'demo') {
      const { seedDemo } = await import('@redblue/db/seed')
      await seedDemo(this.db.prisma)
    } else if (seed === 'fixture') {
      this.fixture = await seedFixture(this.db.prisma)
    }
    this.seeded = true
  }

  async close(): Promise<void> {
    await this.db.close()
  }

  async fetch(
    path: string,
    init: RequestInit = {},
    opts: RequestOptions = {},
    yoga: Api = this.yoga,
  ) {
    const headers = new Headers(init.headers)
    if (opts.cookie) headers.set('cookie', opts.cookie)
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers.set(k, v)
    return yoga.fetch(
      `http://redblue.test${path}`,
      { ...init, headers },
      { ip: opts.ip ?? '127.0.0.1' },
    )
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    cookieOrOptions: string | null | RequestOptions = null,
    yoga: Api = this.yoga,
  ): Promise<GqlResult<T>> {
    const opts =
      typeof cookieOrOptions === 'string' || cookieOrOptions === null
        ? { cookie: cookieOrOptions }
        : cookieOrOptions
    const response = await this.fetch(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ query, variables }),
      },
      opts,
      yoga,
    )
    const body = (await response.json()) as { data?: T | null; errors?: GqlError[] }
    return { ...body, status: response.status, headers: response.headers }
  }

  /** Signs in and returns the cookie to pass to `gql`. Throws when the login fails. */
  async login(username: string, password = DEMO_PASSWORD, opts: RequestOptions = {}, yoga?: Api) {
    const res = await this.gql<{ login: { __typename: string; message?: string } }>(
      `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on AppError { message } } }`,
      { u: username, p: password },
      opts,
      yoga,
    )
    const cookie = sessionCookieFrom(res.headers)
    if (res.data?.login.__typename !== 'User' || !cookie) {
      throw new Error(`login ${username} failed: ${JSON.stringify(res.data ?? res.errors)}`)
    }
    return cookie
  }
}

/** Registers the per-file lifecycle hooks and returns the harness. */
export function useTestApi(options: TestApiOptions = {}): TestApi {
  const api = new TestApi(options)
  beforeAll(() => api.init())
  afterAll(() => api.close())
  beforeEach(() => api.reset())
  return api
}

/** `data` of a result, failing the test with the errors when there are any. */
export function ok<T>(res: GqlResult<T>): T {
  if (res.errors?.length || !res.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`)
  return res.data
}

/** The `extensions.code` of the first error (e.g. FORBIDDEN), or undefined. */
export function errorCode(res: GqlResult<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.code
}

/** The round's frozen dimension subtotals, counted through the view SQL readers use. */
export async function dimensionScoreCount(prisma: PrismaClient, roundId: number): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "AssessmentDimensionScore" s
    JOIN "Assessment" a ON a."id" = s."assessmentId" WHERE a."roundId" = ${roundId}`
  return row!.n
}
