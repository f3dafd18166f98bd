import type { Client } from '@urql/core'
import type { RouteLocationNormalized } from 'vue-router'

/**
 * Loads the module that sends the first queries of the page being opened (its `meta.data`) and
 * sends them. Resolves once the module has loaded (at once when the page has none), without
 * waiting for the answers. A failed prefetch loses nothing: the page asks for itself as always.
 */
export async function fetchRouteData(route: RouteLocationNormalized, client: Client): Promise<void> {
  const load = route.meta.data
  if (!load) return
  try {
    const prefetch = (await load()).default
    void prefetch(route, client).catch(() => undefined)
  } catch {
    // The page's own queries report what went wrong.
  }
}
