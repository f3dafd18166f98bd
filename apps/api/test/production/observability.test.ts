import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/log/logger'
import { createApi, CSRF_HEADER } from '../../src/yoga'
import { sessionCookieFrom, useTestApi } from '../helpers'

/** A logger writing into an array, one parsed JSON object per line. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = []
  const raw: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString())
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { logger: createLogger(stream, 'info'), lines, raw }
}

describe('request log, probes and metrics', () => {
  const api = useTestApi({ seed: 'fixture' })

  it('logs request id, user, operation, duration and outcome, and never a secret', async () => {
    const { logger, lines, raw } = capturedLogger()
    const yoga = createApi({ prisma: api.prisma, logger })
    const post = (query: string, variables: Record<string, unknown>, cookie?: string, id?: string) =>
      yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CSRF_HEADER]: '1',
          ...(cookie ? { cookie } : {}),
          ...(id ? { 'x-request-id': id } : {}),
        },
        body: JSON.stringify({ query, variables }),
      })
    const password = 'RedBlue@2026'
    const login = await post(
      `mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }`,
      { u: 'admin', p: password },
      undefined,
      'proxy-request-0001',
    )
    expect(login.headers.get('x-request-id')).toBe('proxy-request-0001')
    const cookie = sessionCookieFrom(login.headers)!
    const token = cookie.split('=')[1]!
    const me = await post(`query Me { me { id } }`, {}, cookie)
    const adminId = ((await me.json()) as { data: { me: { id: number } } }).data.me.id
    await post(`query Areas { areas { id } }`, {}, undefined)
    // A temporary password and its change: both only ever as variables.
    await post(
      `mutation ChangePassword($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b) { __typename } }`,
      { a: password, b: 'Changed#2026pw' },
      cookie,
    )
    // An unexpected failure: a trigger makes the login attempt log refuse writes.
    await api.prisma.$executeRawUnsafe(
      `CREATE FUNCTION obs_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'attempt log unavailable'; END $$`,
    )
    await api.prisma.$executeRawUnsafe(
      `CREATE TRIGGER obs_refuse BEFORE INSERT ON "LoginAttempt" FOR EACH ROW EXECUTE FUNCTION obs_refuse()`,
    )
    try {
      await post(
        `mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }`,
        { u: 'leader', p: password },
      )
    } finally {
      await api.prisma.$executeRawUnsafe(`DROP TRIGGER obs_refuse ON "LoginAttempt"`)
      await api.prisma.$executeRawUnsafe(`DROP FUNCTION obs_refuse()`)
    }

    const requests = lines.filter((l) => l.path === '/graphql')
    expect(requests.map((l) => [l.operation, l.outcome])).toEqual([
      ['SignIn', 'ok'],
      ['Me', 'ok'],
      ['Areas', 'UNAUTHENTICATED'],
      ['ChangePassword', 'ok'],
      ['SignIn', 'INTERNAL_SERVER_ERROR'],
    ])
    expect(requests[0]).toMatchObject({ reqId: 'proxy-request-0001', userId: null, status: 200 })
    expect(requests[1]).toMatchObject({ userId: adminId })
    for (const line of requests) {
      expect(typeof line.reqId).toBe('string')
      expect(typeof line.durationMs).toBe('number')
    }
    expect(new Set(requests.map((l) => l.reqId)).size).toBe(requests.length)
    // The unexpected error is logged with its stack on the server, the client got a masked one.
    const failure = lines.find((l) => l.msg === 'unexpected error') as { err?: { stack?: string } }
    expect(failure?.err?.stack).toMatch(/attempt log unavailable/)
    const text = raw.join('')
    for (const secret of [password, 'Changed#2026pw', token, 'redblue_session=']) {
      expect(text).not.toContain(secret)
    }
  })

  it('answers /health, /ready and /metrics', async () => {
    const health = await api.yoga.fetch('http://localhost/health')
    expect(health.status).toBe(200)
    const ready = await api.yoga.fetch('http://localhost/ready')
    expect([ready.status, await ready.text()]).toEqual([200, 'ready'])

    await api.gql(`query Areas { areas { id } }`, {}, await api.login('admin'))
    const metrics = await (await api.yoga.fetch('http://localhost/metrics')).text()
    expect(metrics).toMatch(/redblue_request_duration_seconds_count\{operation="Areas",outcome="ok"\} \d+/)
    expect(metrics).toContain('redblue_db_pool_waiting')

    // A database behind the release's migrations keeps the replica out of rotation.
    await api.prisma.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`,
    )
    try {
      const behind = await api.yoga.fetch('http://localhost/ready')
      expect([behind.status, await behind.text()]).toEqual([503, 'migrations pending: 1'])
    } finally {
      await api.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`)
    }
  })
})
