import type { NavigationGuardWithThis } from 'vue-router'
import type { SessionStore } from '@/store/session'

/** Every matched record's `roles` must admit the user; otherwise the forbidden page, keeping where. */
export function createRoleGuard(session: SessionStore): NavigationGuardWithThis<undefined> {
  return (to) => {
    if (to.meta.public) return true
    const allowed = to.matched.every((record) => session.hasRole(record.meta.roles))
    return allowed || { name: 'forbidden', query: { from: to.fullPath } }
  }
}
