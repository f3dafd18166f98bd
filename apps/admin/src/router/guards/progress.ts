import { START_LOCATION, type Router } from 'vue-router'
import { withDiscrete } from '@/plugins/discrete-later'

/**
 * How long a navigation may take before the loading bar shows. Most page changes find their code
 * cached and are done sooner; a bar started and finished within them only flashed, and finishing
 * it measured the page (a forced layout) while the new page rendered.
 */
export const PROGRESS_DELAY_MS = 150

/**
 * The top loading bar while a lazily loaded page chunk arrives, once the navigation has taken
 * longer than PROGRESS_DELAY_MS. Not for the first page: nothing is on screen yet to show it over,
 * and it would fetch the bar before the page itself. A failed navigation always shows the error.
 */
export function setupProgressGuard(router: Router) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let shown = false
  router.beforeEach((_to, from) => {
    if (from === START_LOCATION) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      shown = true
      withDiscrete((api) => api.loadingBar.start())
    }, PROGRESS_DELAY_MS)
  })
  router.afterEach((_to, from, failure) => {
    if (from === START_LOCATION) return
    clearTimeout(timer)
    if (failure) withDiscrete((api) => api.loadingBar.error())
    else if (shown) withDiscrete((api) => api.loadingBar.finish())
    shown = false
  })
  router.onError(() => {
    clearTimeout(timer)
    shown = false
    withDiscrete((api) => api.loadingBar.error())
  })
}
