import type { Client } from '@urql/core'
import type { RouteLocationNormalized } from 'vue-router'

/**
 * Sends the first queries of the page being opened (its `meta.data`), without waiting for them. A
 * page that has none, or a failed prefetch, loses nothing: the page asks for itself as always.
 */
export async function fetchRouteData(route: RouteLocationNormalized, client: Client) {
  const prefetch = route.meta.data
  if (!prefetch) return
  try {
    await prefetch(route, client)
  } catch {
    // The page's own queries report what went wrong.
  }
}
