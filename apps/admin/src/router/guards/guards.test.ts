import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '@/router'
import { createSessionStore, type SessionUser } from '@/store/session'
import { createSessionExpiryHandler } from '@/app/session-expiry'
import type { Role } from '@/app/roles'

function user(role: Role, extra: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 1,
    username: role.toLowerCase(),
    displayName: role,
    role,
    orgId: null,
    orgName: null,
    mustChangePassword: false,
    ...extra,
  }
}

function setup(current: SessionUser | null) {
  const loader = vi.fn(() => Promise.resolve(current))
  const session = createSessionStore(loader)
  const router = createAppRouter(createMemoryHistory(), session, { progress: false })
  return { router, session, loader }
}

describe('auth guard', () => {
  it('sends a signed-out user to sign-in, keeping the page asked for', async () => {
    const { router } = setup(null)
    await router.push('/organizations?year=2025')
    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(router.currentRoute.value.query.redirect).toBe('/organizations?year=2025')
  })

  it('lets a signed-in user through and asks the API for the session only once', async () => {
    const { router, loader } = setup(user('ADMIN'))
    await router.push('/organizations')
    await router.push('/schemes')
    expect(router.currentRoute.value.name).toBe('schemes')
    expect(loader).toHaveBeenCalledTimes(1)
  })

  it('sends a signed-in user who opens sign-in on to the kept target, never off-site', async () => {
    const { router } = setup(user('ADMIN'))
    await router.push('/sign-in?redirect=/rounds')
    // Sign-in renders first; the session check that runs meanwhile moves the person on.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/rounds'), { timeout: 30_000 })

    await router.push('/sign-in?redirect=//evil.example/x')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('renders sign-in without waiting for the session check', async () => {
    const loader = vi.fn(() => new Promise<SessionUser | null>(() => undefined))
    const session = createSessionStore(loader)
    const router = createAppRouter(createMemoryHistory(), session, { progress: false })
    await router.push('/sign-in')
    expect(router.currentRoute.value.name).toBe('sign-in')
    // Asked all the same, so a signed-in person does not stay on the form.
    expect(loader).toHaveBeenCalledTimes(1)
  })

  it('leaves sign-in alone when the check finds nobody signed in', async () => {
    const { router, loader } = setup(null)
    await router.push('/sign-in?redirect=/rounds')
    await vi.waitFor(() => expect(loader).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(router.currentRoute.value.name).toBe('sign-in')
  })

  it('asks for a new password first when the account must change it', async () => {
    const { router } = setup(user('INSPECTOR', { mustChangePassword: true }))
    await router.push('/workbench')
    expect(router.currentRoute.value.name).toBe('change-password')
    expect(router.currentRoute.value.query.redirect).toBe('/workbench')
  })
})

describe('role guard', () => {
  it.each([
    ['INSPECTOR', '/users'],
    ['INSPECTOR', '/schemes'],
    ['BRANCH', '/workbench'],
    ['LEADER', '/disputes'],
    ['LEADER', '/audit-log'],
  ] as const)('%s opening %s sees the forbidden page', async (role, path) => {
    const { router } = setup(user(role))
    await router.push(path)
    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(router.currentRoute.value.query.from).toBe(path)
  })

  it.each([
    ['ADMIN', '/users', 'users'],
    ['LEADER', '/schemes', 'schemes'],
    ['INSPECTOR', '/workbench', 'workbench'],
    ['BRANCH', '/home', 'home'],
  ] as const)('%s may open %s', async (role, path, name) => {
    const { router } = setup(user(role))
    await router.push(path)
    expect(router.currentRoute.value.name).toBe(name)
  })
})

describe('session expiry', () => {
  it('returns to sign-in keeping the page, once, and only for a session that existed', async () => {
    const { router, session } = setup(user('ADMIN'))
    await router.push('/schemes?year=2026')
    const notify = vi.fn()
    const expire = createSessionExpiryHandler(router, session, notify)

    expire()
    expire() // a second failing request at the same time
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sign-in'))
    expect(router.currentRoute.value.query.redirect).toBe('/schemes?year=2026')
    expect(session.user.value).toBeNull()
    expect(notify).toHaveBeenCalledTimes(1)
  })
})
