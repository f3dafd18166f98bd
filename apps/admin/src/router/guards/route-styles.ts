import { createApp } from 'vue'
import type { RouteLocationResolved } from 'vue-router'

/**
 * Mounts the naive-ui stylesheets of a route's layout and page (each matched record's
 * `meta.styles`) before the route is opened. naive-ui writes a component's stylesheet into the
 * head when its first instance mounts: for the layout and home after sign-in that was a fifth of
 * the script of their first frame, run while the person waited. Rendering the components once into
 * a detached element, unmounted at once, leaves the stylesheets behind (naive-ui never removes
 * them) and draws nothing; the stylesheets hold no theme (colours are CSS variables set per
 * instance), so the light and the dark page share them.
 */
export async function mountRouteStyles(route: RouteLocationResolved): Promise<void> {
  for (const record of route.matched) {
    const load = record.meta.styles
    if (!load) continue
    try {
      const render = (await load()).default
      const app = createApp({ render })
      app.mount(document.createElement('div'))
      app.unmount()
    } catch {
      // Only ever a head start: the page mounts its own stylesheets as always.
    }
  }
}
