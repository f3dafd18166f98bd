import { START_LOCATION, type Router } from 'vue-router'
import { withDiscrete } from '@/plugins/discrete-later'

/**
 * The top loading bar while a lazily loaded page chunk arrives. Not for the first page: nothing is
 * on screen yet to show it over, and it would fetch the bar before the page itself.
 */
export function setupProgressGuard(router: Router) {
  router.beforeEach((_to, from) => {
    if (from !== START_LOCATION) withDiscrete((api) => api.loadingBar.start())
  })
  router.afterEach((_to, from, failure) => {
    if (from === START_LOCATION) return
    withDiscrete((api) => (failure ? api.loadingBar.error() : api.loadingBar.finish()))
  })
  router.onError(() => withDiscrete((api) => api.loadingBar.error()))
}
