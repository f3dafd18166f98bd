import type { Router } from 'vue-router'
import type { SessionStore } from '@/store/session'
import { createAuthGuard } from './auth'
import { setupProgressGuard } from './progress'
import { createRoleGuard } from './role'
import { setupTitleGuard } from './title'

/** Guards split by concern, in the order they must run: progress, auth, role, then title. */
export function setupGuards(router: Router, session: SessionStore, options = { progress: true }) {
  if (options.progress) setupProgressGuard(router)
  router.beforeEach(createAuthGuard(session))
  router.beforeEach(createRoleGuard(session))
  setupTitleGuard(router)
}
