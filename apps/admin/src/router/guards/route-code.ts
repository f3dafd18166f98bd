import type { RouteLocationNormalized, RouteLocationResolved } from 'vue-router'

/**
 * Starts downloading the lazy components of a route (its layout and page) without waiting for
 * them. Loading one twice is a cache hit, so the router's own load later costs nothing.
 */
export function fetchRouteCode(route: RouteLocationNormalized | RouteLocationResolved) {
  for (const record of route.matched) {
    for (const component of Object.values(record.components ?? {})) {
      // Lazy route components are `() => import(…)`; vue-router tells them apart the same way.
      if (typeof component === 'function' && !('displayName' in component) && !('__vccOpts' in component)) {
        void (component as () => Promise<unknown>)().catch(() => undefined)
      }
    }
  }
}
