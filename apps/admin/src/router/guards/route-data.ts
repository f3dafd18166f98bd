import type { Client } from '@urql/core'
import type { RouteLocationNormalized, RouteLocationResolved } from 'vue-router'

/**
 * Loads the module that sends the first queries of a page (its `meta.data`) without sending them:
 * for a page the person is about to open. Resolves with its prefetch, or null when the page has
 * none or the module failed to load (the page's own queries report what went wrong).
 */
export async function loadRouteData(route: RouteLocationNormalized | RouteLocationResolved) {
  const load = route.meta.data
  if (!load) return null
  try {
    return (await load()).default
  } catch {
    return null
  }
}

/**
 * Loads the module that sends the first queries of the page being opened and sends them. Resolves
 * once the module has loaded (at once when the page has none), without waiting for the answers. A
 * failed prefetch loses nothing: the page asks for itself as always.
 */
export async function fetchRouteData(route: RouteLocationNormalized, client: Client): Promise<void> {
  const prefetch = await loadRouteData(route)
  if (prefetch) void prefetch(route, client).catch(() => undefined)
}
