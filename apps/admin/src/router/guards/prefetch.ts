import type { Client } from '@urql/core'
import type { RouteLocationRaw, RouteLocationResolved, Router } from 'vue-router'
import { whenIdle } from '@/utils/whenIdle'
import { fetchRouteCode } from './route-code'
import { fetchRouteData, loadRouteData } from './route-data'
import { mountRouteStyles } from './route-styles'

/** Where people go next from a page, when it is nearly always the same place. */
const LIKELY_NEXT: Record<string, RouteLocationRaw> = {
  'sign-in': { name: 'home' },
}

/** A page about to be opened: its code and the module of its first queries, asking nothing of the API. */
function loadAhead(target: RouteLocationResolved) {
  void loadRouteData(target)
  fetchRouteCode(target)
}

/**
 * Fetches code, and a page's first data, before the router asks for it:
 * - the page being opened, as soon as the navigation starts: the guards first wait for the session
 *   check (`me`), and the layout's and page's downloads run meanwhile instead of after it (on a
 *   deep link when signed out, that is the page sign-in leads back to). Its first queries
 *   (`meta.data`) go out beside the session check: once the code has arrived the main thread is
 *   busy running it for a few hundred milliseconds, and a query sent after the check would wait
 *   for that. Signed out or not allowed, they are refused like the page's own would be, quietly;
 * - once a page has rendered and the browser is idle, the page people open next from it (the layout
 *   and home after sign-in), its code and the module that sends its first queries, so that step
 *   waits for the API only; then, in a later idle moment, its naive-ui stylesheets
 *   (route-styles.ts);
 * - the page behind an in-app link as soon as the pointer is over it or it has keyboard focus: the
 *   few hundred milliseconds before the click are enough to fetch and run its code, and the module
 *   that sends its first queries (not the queries: nothing is asked of the API for a page nobody
 *   has opened yet).
 */
export function setupPrefetchGuards(router: Router, client: () => Client | null = () => null) {
  router.beforeEach((to) => {
    const api = client()
    // The data's small module first: behind the page's code (twenty-odd files over six
    // connections) it took half a second to arrive, and its queries waited for it.
    if (api && to.meta.data) void fetchRouteData(to, api).then(() => fetchRouteCode(to))
    else fetchRouteCode(to)
    return true
  })
  router.afterEach((to, _from, failure) => {
    const next = typeof to.name === 'string' ? LIKELY_NEXT[to.name] : undefined
    if (failure || !next) return
    const target = router.resolve(next)
    // Two idle moments rather than one long task: typing on the page stays answered.
    whenIdle(() => {
      loadAhead(target)
      whenIdle(() => void mountRouteStyles(target))
    })
  })
  const onIntent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null
    const href = link?.getAttribute('href')
    if (!href?.startsWith('/') || href.startsWith('//')) return
    const target = router.resolve(href)
    if (target.matched.length) loadAhead(target)
  }
  document.addEventListener('pointerover', onIntent, { passive: true })
  document.addEventListener('focusin', onIntent)
}
