import { describe, expect, it } from 'vitest'
import { errorCode, ok, sessionCookieFrom, useTestApi } from './helpers'

/** A clock the tests move by hand: expiry and lock windows without waiting. */
const clock = { now: new Date('2026-03-02T01:00:00Z') }
const advance = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms)
}
const HOUR = 3_600_000
const MINUTE = 60_000

const api = useTestApi({ seed: 'fixture', config: { now: () => clock.now } })

const LOGIN = `mutation ($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    __typename
    ... on User { id username role }
    ... on AuthenticationError { message reason retryAfterSeconds }
    ... on ValidationError { message problems { path } }
  }
}`
const ME = `{ me { username role org { code } } }`

async function attempt(username: string, password: string, ip = '10.0.0.1') {
  return api.gql<{ login: { __typename: string; message?: string; reason?: string; retryAfterSeconds?: number } }>(
    LOGIN,
    { u: username, p: password },
    { ip },
  )
}

describe('login', () => {
  it('sets an HTTP-only SameSite=Lax session cookie and me returns the user', async () => {
    const res = await attempt('branch1', 'RedBlue@2026')
    expect(ok(res).login.__typename).toBe('User')
    const header = res.headers.getSetCookie().join('\n')
    expect(header).toMatch(/redblue_session=[\w-]{40,}/)
    expect(header).toContain('HttpOnly')
    expect(header).toContain('SameSite=Lax')
    expect(header).not.toContain('Secure') // plain http in tests; `auto` adds it behind https

    const me = await api.gql(ME, {}, sessionCookieFrom(res.headers))
    expect(ok(me).me).toEqual({ username: 'branch1', role: 'BRANCH', org: { code: 'G1' } })
  })

  it('stores only the SHA-256 of the token', async () => {
    const res = await attempt('admin', 'RedBlue@2026')
    const token = sessionCookieFrom(res.headers)!.split('=')[1]!
    const sessions = await api.prisma.session.findMany()
    expect(sessions).toHaveLength(1)
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/)
    expect(sessions[0]!.id).not.toContain(token)
  })

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = ok(await attempt('admin', 'nope1234')).login
    const unknown = ok(await attempt('ghost', 'nope1234')).login
    expect(wrong).toMatchObject({ __typename: 'AuthenticationError', message: '用户名或密码错误', reason: 'WRONG_CREDENTIALS' })
    expect(unknown).toEqual(wrong)
  })

  it('is anonymous-safe: me is null without a cookie and with a garbage cookie', async () => {
    expect(ok(await api.gql(ME)).me).toBeNull()
    expect(ok(await api.gql(ME, {}, 'redblue_session=garbage')).me).toBeNull()
  })

  it('writes an audit entry', async () => {
    await attempt('leader', 'RedBlue@2026')
    const entry = await api.prisma.auditLog.findFirstOrThrow({ where: { action: 'auth.login' } })
    expect(entry).toMatchObject({
      entityType: 'User',
      entityId: String(api.fixture.userIds.leader),
    })
  })
})

describe('throttling', () => {
  it('locks a username for 15 minutes after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect(ok(await attempt('branch2', 'wrong-pass1', `10.0.1.${i}`)).login.__typename).toBe(
        'AuthenticationError',
      )
    }
    const locked = ok(await attempt('branch2', 'RedBlue@2026', '10.0.2.1')).login
    expect(locked.__typename).toBe('AuthenticationError')
    expect(locked.message).toBe('登录失败次数过多，已暂时锁定，请 15 分钟后再试')
    expect(locked.reason).toBe('LOCKED')
    expect(locked.retryAfterSeconds).toBe(900)

    advance(10 * MINUTE)
    expect(ok(await attempt('branch2', 'RedBlue@2026', '10.0.2.1')).login.message).toContain(
      '5 分钟后',
    )
    advance(5 * MINUTE)
    expect(ok(await attempt('branch2', 'RedBlue@2026', '10.0.2.1')).login.__typename).toBe('User')
  })

  it('one person’s typos lock only their username: colleagues behind the same address sign in', async () => {
    for (let i = 0; i < 5; i++) await attempt('branch2', 'wrong-pass1', '10.9.9.9')
    expect(ok(await attempt('branch2', 'RedBlue@2026', '10.9.9.9')).login.message).toContain('锁定')
    expect(ok(await attempt('admin', 'RedBlue@2026', '10.9.9.9')).login.__typename).toBe('User')
    expect(ok(await attempt('leader', 'RedBlue@2026', '10.9.9.9')).login.__typename).toBe('User')
  })

  it('locks an address after 50 failures across usernames (password spraying); other addresses are unaffected', async () => {
    for (let i = 0; i < 49; i++) await attempt(`spray${i}`, 'wrong-pass1', '10.9.9.7')
    // The 50th failure is still verified; then the address is locked for everyone.
    expect(ok(await attempt('spray49', 'wrong-pass1', '10.9.9.7')).login).toMatchObject({ reason: 'LOCKED', retryAfterSeconds: 900 })
    const locked = ok(await attempt('admin', 'RedBlue@2026', '10.9.9.7')).login
    expect(locked.message).toContain('锁定')
    expect(locked.retryAfterSeconds).toBe(900)
    expect(ok(await attempt('admin', 'RedBlue@2026', '10.9.9.8')).login.__typename).toBe('User')
    // The window slides: once the oldest failures are 15 minutes old the address is free again.
    advance(15 * MINUTE)
    expect(ok(await attempt('admin', 'RedBlue@2026', '10.9.9.7')).login.__typename).toBe('User')
  })

  it('a wrong password says how many attempts are left before the lock', async () => {
    const left = async (u: string, ip: string) =>
      ok(
        await api.gql<{ login: { attemptsLeft: number | null } }>(
          `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { ... on AuthenticationError { attemptsLeft } } }`,
          { u, p: 'wrong-pass1' },
          { ip },
        ),
      ).login.attemptsLeft
    expect(await left('inspector1', '10.7.0.1')).toBe(4)
    expect(await left('inspector1', '10.7.0.2')).toBe(3)
    // An unknown username counts the same (nothing tells a guesser it does not exist).
    expect(await left('ghost', '10.7.0.3')).toBe(4)
    // The address's own budget, when it is the nearer one.
    for (let i = 0; i < 47; i++) await attempt(`sprayer${i}`, 'wrong-pass1', '10.7.0.9')
    expect(await left('leader', '10.7.0.9')).toBe(2)
  })

  it('the failure that sets a lock is answered as that lock, with its end, not as "0 more failures"', async () => {
    for (let i = 0; i < 4; i++) {
      expect(ok(await attempt('branch2', 'wrong-pass1', `10.6.0.${i}`)).login.reason).toBe('WRONG_CREDENTIALS')
    }
    expect(ok(await attempt('branch2', 'wrong-pass1', '10.6.0.9')).login).toMatchObject({
      __typename: 'AuthenticationError',
      reason: 'LOCKED',
      message: '登录失败次数过多，已暂时锁定，请 15 分钟后再试',
      retryAfterSeconds: 900,
    })
    // It is the lock the next attempt meets.
    expect(ok(await attempt('branch2', 'RedBlue@2026', '10.6.0.10')).login).toMatchObject({ reason: 'LOCKED', retryAfterSeconds: 900 })
  })

  it('a success clears the streak', async () => {
    for (let i = 0; i < 4; i++) await attempt('inspector1', 'wrong-pass1')
    expect(ok(await attempt('inspector1', 'RedBlue@2026')).login.__typename).toBe('User')
    for (let i = 0; i < 4; i++) await attempt('inspector1', 'wrong-pass1')
    expect(ok(await attempt('inspector1', 'RedBlue@2026')).login.__typename).toBe('User')
  })

  it('failures spread over more than 15 minutes do not lock', async () => {
    for (let i = 0; i < 5; i++) {
      await attempt('inspector2', 'wrong-pass1')
      advance(4 * MINUTE)
    }
    expect(ok(await attempt('inspector2', 'RedBlue@2026')).login.__typename).toBe('User')
  })
})

describe('sessions', () => {
  it('logout revokes the session and clears the cookie', async () => {
    const cookie = await api.login('admin')
    const res = await api.gql(`mutation { logout }`, {}, cookie)
    expect(ok(res).logout).toBe(true)
    expect(res.headers.getSetCookie().join()).toMatch(/redblue_session=;.*Max-Age=0/)
    expect(ok(await api.gql(ME, {}, cookie)).me).toBeNull()
  })

  it('expires after 12 idle hours, slides while used, and never outlives 7 days', async () => {
    const cookie = await api.login('leader')
    advance(11 * HOUR)
    expect(ok(await api.gql(ME, {}, cookie)).me).not.toBeNull() // slides to +12 h
    advance(11 * HOUR)
    expect(ok(await api.gql(ME, {}, cookie)).me).not.toBeNull()
    advance(13 * HOUR)
    expect(ok(await api.gql(ME, {}, cookie)).me).toBeNull()

    const busy = await api.login('leader')
    for (let h = 0; h < 7 * 24; h += 10) {
      advance(10 * HOUR)
      const me = ok(await api.gql<{ me: unknown }>(ME, {}, busy)).me
      if (h + 10 < 7 * 24) expect(me).not.toBeNull()
      else expect(me).toBeNull()
    }
  })

  it('changing the password revokes every session and issues a fresh one', async () => {
    const other = await api.login('branch1')
    const current = await api.login('branch1')
    const res = await api.gql(
      `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { __typename ... on User { mustChangePassword } ... on ValidationError { problems { path message } } } }`,
      { c: 'RedBlue@2026', n: 'NewPass2026' },
      current,
    )
    expect(ok(res).changePassword).toEqual({ __typename: 'User', mustChangePassword: false })
    const fresh = sessionCookieFrom(res.headers)
    expect(fresh).not.toBeNull()
    expect(ok(await api.gql(ME, {}, other)).me).toBeNull()
    expect(ok(await api.gql(ME, {}, current)).me).toBeNull()
    expect(ok(await api.gql(ME, {}, fresh)).me).toMatchObject({ username: 'branch1' })
    expect(ok(await attempt('branch1', 'RedBlue@2026')).login.__typename).toBe(
      'AuthenticationError',
    )
    expect(ok(await attempt('branch1', 'NewPass2026')).login.__typename).toBe('User')
  })

  it('changePassword checks the current password and the policy', async () => {
    const cookie = await api.login('branch2')
    const change = (c: string, n: string) =>
      api.gql(
        `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { __typename ... on ValidationError { problems { path code } } } }`,
        { c, n },
        cookie,
      )
    expect(ok(await change('bad', 'NewPass2026')).changePassword).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ path: ['currentPassword'], code: 'wrong_password' }],
    })
    expect(ok(await change('RedBlue@2026', 'short')).changePassword).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ path: ['newPassword'] }, { path: ['newPassword'] }],
    })
  })

  it('needs a session: changePassword anonymously is UNAUTHENTICATED', async () => {
    const res = await api.gql(
      `mutation { changePassword(currentPassword: "a", newPassword: "b") { __typename } }`,
    )
    expect(errorCode(res)).toBe('UNAUTHENTICATED')
  })
})

describe('two API instances on one database', () => {
  it('share sessions and login throttling (no per-process state)', async () => {
    const a = api.yoga
    const b = api.createInstance()
    const cookie = await api.login('inspector1', undefined, {}, a)
    const me = await api.gql(ME, {}, cookie, b)
    expect(ok(me).me).toMatchObject({ username: 'inspector1' })

    await api.gql(`mutation { logout }`, {}, cookie, b)
    expect(ok(await api.gql(ME, {}, cookie, a)).me).toBeNull()

    for (let i = 0; i < 3; i++) await api.gql(LOGIN, { u: 'leader', p: 'x-wrong-1' }, {}, a)
    for (let i = 0; i < 2; i++) await api.gql(LOGIN, { u: 'leader', p: 'x-wrong-1' }, {}, b)
    const locked = await api.gql<{ login: { message: string } }>(
      LOGIN,
      { u: 'leader', p: 'RedBlue@2026' },
      {},
      a,
    )
    expect(ok(locked).login.message).toContain('锁定')
  })
})
