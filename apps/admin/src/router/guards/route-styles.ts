import { createApp } from 'vue'
import type { RouteLocationResolved } from 'vue-router'
import type { RouteStyles } from '../meta'
import { whenIdle } from '@/utils/whenIdle'

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
      mountStyles((await load()).default)
    } catch {
      // Only ever a head start: the page mounts its own stylesheets as always.
    }
  }
}

/** Renders `render` once into a detached element and unmounts it: its stylesheets stay behind. */
export function mountStyles(render: RouteStyles): void {
  const app = createApp({ render })
  // A head start only: a component that will not draw without its page's props costs nothing more.
  app.config.errorHandler = () => undefined
  app.config.warnHandler = () => undefined
  app.mount(document.createElement('div'))
  app.unmount()
}

/**
 * Mounts stylesheets ahead for pages not yet opened: `afterMs` from now, the parts one after
 * another, each in an idle moment of its own, so that the page on screen and typing on it stay
 * answered.
 */
export function mountStylesWhenIdle(load: () => Promise<{ default: readonly RouteStyles[] }>, afterMs = 0): void {
  const idle = () => new Promise<void>((resolve) => whenIdle(resolve))
  const mountParts = async () => {
    await idle()
    const parts = await load().then(
      (module) => module.default,
      () => [],
    )
    for (const part of parts) {
      await idle()
      mountStyles(part)
    }
  }
  setTimeout(() => void mountParts(), afterMs)
}
