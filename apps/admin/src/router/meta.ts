import type { Client } from '@urql/core'
import type { RouteLocationNormalized } from 'vue-router'
import type { Role } from '@/app/roles'

export type MenuGroup = 'work' | 'config' | 'system'

/** Sends a page's first queries (with `prefetchQuery`) for the route being opened. */
export type RouteData = (route: RouteLocationNormalized, client: Client) => Promise<unknown>

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document title, menu, breadcrumb). */
    titleKey?: string
    /** Reachable without signing in. */
    public?: boolean
    /** Roles allowed; absent = any signed-in user. Checked on every matched record. */
    roles?: readonly Role[]
    /** Shown in the side menu under this group. */
    menu?: { group: MenuGroup; order: number }
    /**
     * The page's first queries, sent as the navigation starts, while the page's code still loads
     * and runs (router/guards/prefetch.ts).
     */
    data?: () => Promise<{ default: RouteData }>
  }
}

export {}
