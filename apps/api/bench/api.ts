/**
 * The real API server, started in this process on a free loopback port over the bench database,
 * with the db package's statement recorder attached so the bench can count the SQL statements each
 * request makes; and a small HTTP client that signs in and sends GraphQL the way the SPA does
 * (session cookie + the CSRF header).
 */
import { required } from '@redblue/scoring'
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDb } from '@redblue/db'
import { createServer } from '../src/server'
import { createApi, CSRF_HEADER } from '../src/yoga'
import { LOGIN } from './documents'
import { BENCH_PASSWORD } from './generate'

const SESSION_TOUCH = /^\s*UPDATE "public"\."Session"/

export interface RunningApi {
  url: string
  /** Statements Prisma sent since the server started (transaction control and session touch excluded). */
  statements(): number
  close(): Promise<void>
}

export async function startApi(databaseUrl: string): Promise<RunningApi> {
  let statements = 0
  // The production pool size (createDb's default), as `pnpm start` would run it.
  // The session's sliding expiry is written at most once a minute per session, so whichever
  // request comes first pays it: left out, so counts compare requests, not the clock.
  const db = await createDb({
    url: databaseUrl,
    onQuery: (sql) => {
      if (!SESSION_TOUCH.test(sql)) statements++
    },
  })
  const api = createApi({ prisma: db.prisma, config: { snapshotReads: db.kind === 'postgres' } })
  const server = createServer({ api, adminDist: null })
  // Requests still running when a load test stops must finish before the pool closes.
  let inFlight = 0
  server.on('request', (_req, res) => {
    inFlight++
    res.on('close', () => inFlight--)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    statements: () => statements,
    async close() {
      // A request whose client went away still runs to its end: wait until no request is open
      // and no statement was sent for half a second (at most two minutes).
      let last = statements
      let quiet = 0
      for (let waited = 0; waited < 120_000 && (inFlight > 0 || quiet < 500); waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        quiet = statements === last ? quiet + 50 : 0
        last = statements
      }
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.close()
    },
  }
}

export interface GqlResponse {
  status: number
  /** Wall time of the round trip, until the response's last byte is in (not yet decoded). */
  ms: number
  body: {
    data?: Record<string, unknown> | null
    errors?: { message: string; extensions?: { code?: string } }[]
  }
  bytes: number
}

/**
 * node:http with a keep-alive agent rather than `fetch`: undici's web streams and the streaming
 * TextDecoder cost ≈ 3 ms per 260 KB response on this VM — the client's time, not the API's, yet
 * inside the measured latency. The body is read whole as bytes; the caller stops its clock when
 * the last byte is in, as load tools do (autocannon, wrk), and decodes the text after it — like
 * the JSON parse, decoding is the client's work (≈ 1.6 ms of a 260 KB ranking).
 */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  agent: Agent,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

export class ApiClient {
  private readonly agent = new Agent({ keepAlive: true })

  constructor(readonly baseUrl: string) {}

  headers(cookie: string | null): Record<string, string> {
    return {
      'content-type': 'application/json',
      [CSRF_HEADER]: '1',
      ...(cookie ? { cookie } : {}),
    }
  }

  async gql(
    query: string,
    variables: Record<string, unknown>,
    cookie: string | null,
  ): Promise<GqlResponse & { headers: IncomingHttpHeaders }> {
    const body = JSON.stringify({ query, variables })
    const started = performance.now()
    const response = await post(`${this.baseUrl}/graphql`, this.headers(cookie), body, this.agent)
    const ms = performance.now() - started
    const text = response.body.toString('utf8')
    return {
      status: response.status,
      ms,
      body: JSON.parse(text) as GqlResponse['body'],
      bytes: response.body.length,
      headers: response.headers,
    }
  }

  /** Signs in and returns the `name=value` session cookie. */
  async login(username: string): Promise<string> {
    const res = await this.gql(LOGIN, { username, password: BENCH_PASSWORD }, null)
    const login = res.body.data?.login as { __typename?: string; message?: string } | undefined
    const cookie = (res.headers['set-cookie'] ?? [])
      .map((c) => required(c.split(';')[0], 'a cookie'))
      .find((c) => c.startsWith('redblue_session=') && c.length > 'redblue_session='.length)
    if (!cookie || login?.__typename !== 'User') {
      throw new Error(`login as ${username} failed: ${JSON.stringify(res.body)}`)
    }
    return cookie
  }
}

/** Throws with the first GraphQL error, so a broken query never passes as a fast one. */
export function assertOk(name: string, res: GqlResponse): void {
  if (res.status !== 200 || res.body.errors?.length || !res.body.data) {
    throw new Error(
      `${name}: HTTP ${res.status} ${JSON.stringify(res.body.errors ?? res.body).slice(0, 500)}`,
    )
  }
}
