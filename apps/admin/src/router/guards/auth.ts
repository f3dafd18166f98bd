import type { NavigationGuardWithThis, RouteLocationRaw } from 'vue-router'
import type { SessionStore } from '@/store/session'

/** Where to go after signing in: the kept target when it is an in-app path, else home. */
export function redirectTarget(raw: unknown): RouteLocationRaw {
  const value: unknown = Array.isArray(raw) ? raw[0] : raw
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : { name: 'home' }
}

/**
 * Signed-out users go to sign-in with the page they asked for kept in `redirect`; signed-in users
 * who open sign-in go on to that target; a password that must be changed comes first.
 *
 * Sign-in renders before the session is known: the form never waits for a round trip that, for
 * the person about to type a password, answers "nobody". The check runs meanwhile, and a session
 * that turns out to exist hands `toTarget` the page to go on to.
 */
export function createAuthGuard(
  session: SessionStore,
  toTarget: (target: RouteLocationRaw) => void = () => undefined,
): NavigationGuardWithThis<undefined> {
  return async (to) => {
    if (to.name === 'sign-in' && !session.isLoaded()) {
      void session.ensureLoaded().then((user) => {
        if (user) toTarget(redirectTarget(to.query.redirect))
      })
      return true
    }
    const user = await session.ensureLoaded()
    if (to.meta.public) {
      return to.name === 'sign-in' && user ? redirectTarget(to.query.redirect) : true
    }
    if (!user) return { name: 'sign-in', query: { redirect: to.fullPath } }
    if (user.mustChangePassword && to.name !== 'change-password') {
      return { name: 'change-password', query: { redirect: to.fullPath } }
    }
    return true
  }
}
