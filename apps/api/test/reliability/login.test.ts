/**
 * Logins verify the password with no database connection held. argon2 is made
 * arbitrarily slow here: the verification waits at a gate the test opens. While a login waits
 * there, other requests must complete — on PGlite (one connection) a transaction around the
 * verification stalled every request until it ended — and on PostgreSQL no backend may sit
 * "idle in transaction" nor hold a login advisory lock. The throttle's guarantees still hold:
 * attempts in flight count against the failure budget, so a right password arriving behind five
 * unverified guesses waits for them and then meets the lock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Password from '../../src/auth/password'
import { DEMO_PASSWORD, sessionCookieFrom, useTestApi } from '../helpers'
import { ON_POSTGRES, reportFigures } from './support'

/** Verifications held at the gate, in arrival order; `open()` lets them all through. */
const gate = vi.hoisted(() => {
  let held: (() => void)[] = []
  let closed = false
  return {
    verified: 0,
    get waiting() {
      return held.length
    },
    close() {
      closed = true
    },
    open() {
      closed = false
      const release = held
      held = []
      release.forEach((go) => go())
    },
    pass(): Promise<void> {
      if (!closed) return Promise.resolve()
      return new Promise((go) => held.push(go))
    },
  }
})

vi.mock('../../src/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof Password>()
  return {
    ...real,
    verifyPassword: async (storedHash: string, password: string) => {
      await gate.pass()
      gate.verified++
      return real.verifyPassword(storedHash, password)
    },
  }
})

const api = useTestApi({ seed: 'fixture' })

afterEach(() => {
  gate.open()
  gate.verified = 0
})

const LOGIN = `mutation ($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    __typename
    ... on User { username }
    ... on AuthenticationError { message reason retryAfterSeconds }
  }
}`

type LoginAnswer = { login: { __typename: string; message?: string; reason?: string; retryAfterSeconds?: number } }

const attempt = (username: string, password: string, ip: string) =>
  api.gql<LoginAnswer>(LOGIN, { u: username, p: password }, { ip })

async function until(what: string, condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((done) => setTimeout(done, 5))
  }
}

/** Resolves with the promise's value, or rejects after `ms` naming what did not finish. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error(`${what} did not finish within ${ms} ms`)), ms),
    ),
  ])
}

describe('login verifies the password outside any transaction', () => {
  it('while one login waits in argon2, other requests and logins complete, and no connection is held', async () => {
    const cookie = await api.login('leader')
    gate.close()
    const slow = attempt('admin', DEMO_PASSWORD, '10.40.0.1')
    await until('the admin login is being verified', () => gate.waiting === 1)

    const started = Date.now()
    // A read that needs the database (on PGlite: the one connection).
    const orgs = await within(
      5_000,
      'a query during a held verification',
      api.gql<{ orgs: { id: number }[] }>('{ orgs { id } }', {}, cookie),
    )
    expect(orgs.data?.orgs.length).toBeGreaterThan(0)
    // A write: another user's login from another address is admitted and held too.
    const other = within(5_000, 'another login', attempt('branch1', 'wrong-pass-1', '10.40.0.2'))
    await until('the second login is being verified', () => gate.waiting === 2)
    if (ON_POSTGRES) {
      const [held] = await api.prisma.$queryRaw<{ idle: number; advisory: number }[]>`
        SELECT
          (SELECT count(*)::int FROM pg_stat_activity
            WHERE datname = current_database() AND state LIKE 'idle in transaction%') AS idle,
          (SELECT count(*)::int FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE l.locktype = 'advisory' AND d.datname = current_database()) AS advisory`
      expect(held).toEqual({ idle: 0, advisory: 0 })
    }
    const busyMs = Date.now() - started
    gate.open()

    const [admin, branch] = await Promise.all([slow, other])
    expect(admin.data?.login.__typename).toBe('User')
    expect(sessionCookieFrom(admin.headers)).not.toBeNull()
    expect(branch.data?.login).toMatchObject({
      __typename: 'AuthenticationError',
      message: '用户名或密码错误',
    })
    const attempts = await api.prisma.loginAttempt.findMany({ orderBy: { id: 'asc' } })
    expect(attempts.map((a) => [a.username, a.success])).toEqual([
      ['leader', true],
      ['admin', true],
      ['branch1', false],
    ])
    reportFigures('login outside transactions', { requestsDuringHeldVerification: 2, busyMs })
  })

  it('a right password behind five unverified guesses waits for them, then meets the lock', async () => {
    const ip = '10.41.0.1'
    gate.close()
    const guesses = Array.from({ length: 5 }, (_, i) => attempt('admin', `guess-${i}9`, ip))
    await until('five guesses are being verified', () => gate.waiting === 5)
    // The budget is spent by attempts in flight: this one must neither be verified nor refused yet.
    const right = attempt('admin', DEMO_PASSWORD, '10.41.0.2')
    await new Promise((done) => setTimeout(done, 300))
    expect(gate.waiting).toBe(5)
    expect(await api.prisma.loginAttempt.count({ where: { success: null } })).toBe(5)
    gate.open()
    const answers = await Promise.all(guesses)
    // Each a wrong password; the one settled last filled the streak and is answered as the lock it set.
    const reasons = answers.map((a) => a.data?.login.reason)
    expect(reasons.every((reason) => reason === 'WRONG_CREDENTIALS' || reason === 'LOCKED')).toBe(true)
    expect(reasons).toContain('LOCKED')
    const late = await right
    expect(late.data?.login.__typename).toBe('AuthenticationError')
    expect(late.data?.login.retryAfterSeconds).toBeGreaterThan(800)
    expect(gate.verified).toBe(5)
  })

  it('up to five attempts from one address are verified side by side', async () => {
    gate.close()
    const users = ['admin', 'leader', 'branch1']
    const logins = users.map((u) => attempt(u, DEMO_PASSWORD, '10.42.0.1'))
    await until('all three are being verified at once', () => gate.waiting === 3)
    gate.open()
    const answers = await Promise.all(logins)
    expect(answers.map((a) => a.data?.login.__typename)).toEqual(['User', 'User', 'User'])
  })

  it('an attempt left in flight by a dead process counts as a failure once stale', async () => {
    const old = new Date(Date.now() - 60_000)
    await api.prisma.loginAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({
        username: 'admin',
        ip: '10.43.0.1',
        success: null,
        createdAt: old,
      })),
    })
    const res = await attempt('admin', DEMO_PASSWORD, '10.43.0.2')
    expect(res.data?.login.__typename).toBe('AuthenticationError')
    expect(res.data?.login.retryAfterSeconds).toBeGreaterThan(0)
    expect(gate.verified).toBe(0)
  })
})
