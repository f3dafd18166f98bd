import type { Client } from '@urql/core'
import type { Router } from 'vue-router'
import type { SessionStore } from '@/store/session'
import { createAuthGuard } from './auth'
import { setupPrefetchGuards } from './prefetch'
import { setupProgressGuard } from './progress'
import { setupReloadOnNewRelease } from './new-release'
import { createRoleGuard } from './role'
import { setupTitleGuard } from './title'

/**
 * Guards split by concern, in the order they must run: progress, prefetch, auth, role, title.
 * `client` is the API client the prefetch sends a page's first queries with, once the app has one.
 */
export function setupGuards(router: Router, session: SessionStore, options = { progress: true }, client: () => Client | null = () => null) {
  if (options.progress) setupProgressGuard(router)
  // Like the loading bar, only worth it in a browser (tests render pages of their own choosing).
  if (options.progress) setupPrefetchGuards(router, client)
  if (options.progress) setupReloadOnNewRelease(router)
  router.beforeEach(
    createAuthGuard(session, (target) => {
      // Only if the person is still on sign-in once it has rendered (they may have moved on).
      void router.isReady().then(() => {
        if (router.currentRoute.value.name === 'sign-in') void router.replace(target)
      })
    }),
  )
  router.beforeEach(createRoleGuard(session))
  setupTitleGuard(router)
}
