import type { Router } from 'vue-router'
import { discrete } from '@/plugins/discrete'

/** The top loading bar while a lazily loaded page chunk arrives. */
export function setupProgressGuard(router: Router) {
  router.beforeEach(() => {
    discrete().loadingBar.start()
  })
  router.afterEach((_to, _from, failure) => {
    if (failure) discrete().loadingBar.error()
    else discrete().loadingBar.finish()
  })
  router.onError(() => discrete().loadingBar.error())
}
