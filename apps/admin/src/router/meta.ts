import type { Client } from '@urql/core'
import type { VNodeChild } from 'vue'
import type { RouteLocationNormalized } from 'vue-router'
import type { Role } from '@/app/roles'

export type MenuGroup = 'work' | 'config' | 'system'

/**
 * The naive-ui components a layout or page draws first, rendered once off the page so that their
 * stylesheets are in place before it opens (router/guards/route-styles.ts).
 */
export type RouteStyles = () => VNodeChild

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
    /**
     * The record's own naive-ui components, whose stylesheets are mounted while the browser is idle
     * on the page people come from (sign-in before the layout and home). Per record, not merged.
     */
    styles?: () => Promise<{ default: RouteStyles }>
  }
}

export {}
