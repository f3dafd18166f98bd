import type { Router } from 'vue-router'
import type { SessionStore } from '@/store/session'

/**
 * When the API says the session is gone, forget the user and return to sign-in, keeping the page
 * so signing in again lands there. Only a session that existed can expire: before the first
 * sign-in the auth guard does the redirecting. Several failing requests at once lead to one
 * redirect, because the first one clears the session.
 */
export function createSessionExpiryHandler(router: Router, session: SessionStore, notify: () => void) {
  return () => {
    if (!session.isSignedIn.value) return
    session.clear()
    const current = router.currentRoute.value
    if (current.meta.public) return
    notify()
    void router.replace({ name: 'sign-in', query: { redirect: current.fullPath } })
  }
}
