import type { RouteLocationRaw, Router } from 'vue-router'

/** Where people go next from a page, when it is nearly always the same place. */
const LIKELY_NEXT: Record<string, RouteLocationRaw> = {
  'sign-in': { name: 'home' },
}

/**
 * Once a page has rendered and the browser is idle, fetches the code of the page people open next
 * (the layout and home after sign-in), so that step waits for the API only, not for downloads.
 */
export function setupPrefetchGuard(router: Router) {
  router.afterEach((to, _from, failure) => {
    const next = typeof to.name === 'string' ? LIKELY_NEXT[to.name] : undefined
    if (failure || !next) return
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200))
    idle(() => {
      for (const record of router.resolve(next).matched) {
        for (const component of Object.values(record.components ?? {})) {
          // Lazy route components are `() => import(…)` (vue-router tells them apart the same way);
          // loading one twice is a cache hit.
          if (typeof component === 'function' && !('displayName' in component) && !('__vccOpts' in component)) {
            void (component as () => Promise<unknown>)().catch(() => undefined)
          }
        }
      }
    })
  })
}
