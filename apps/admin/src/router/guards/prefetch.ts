import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router'
import { buildMenu } from '@/layouts/menu'
import { layoutRoutes } from '@/router/routes'
import type { SessionStore } from '@/store/session'
import { whenIdle } from '@/utils/whenIdle'
import { fetchRouteCode } from './route-code'

/**
 * Where people go next from a page, when it is nearly always one of a few places: home after
 * sign-in; from home, the pages of their own menu (home's quick links are that menu).
 */
function likelyNext(to: RouteLocationNormalized, session: SessionStore): RouteLocationRaw[] {
  if (to.name === 'sign-in') return [{ name: 'home' }]
  if (to.name === 'home') {
    return buildMenu(layoutRoutes, session.role.value).flatMap((section) => section.entries.map((entry) => ({ name: entry.name })))
  }
  return []
}

/**
 * Fetches code before the router asks for it:
 * - the page being opened, as soon as the navigation starts: the guards first wait for the session
 *   check (`me`), and the layout's and page's downloads run meanwhile instead of after it (on a
 *   deep link when signed out, that is the page sign-in leads back to);
 * - once a page has rendered and the browser is idle, the pages people open next from it, so that
 *   step waits for the API only, not for downloading and running code.
 */
export function setupPrefetchGuards(router: Router, session: SessionStore) {
  router.beforeEach((to) => {
    fetchRouteCode(to)
    return true
  })
  router.afterEach((to, _from, failure) => {
    if (failure) return
    const next = likelyNext(to, session)
    if (next.length) whenIdle(() => next.forEach((target) => fetchRouteCode(router.resolve(target))))
  })
}
