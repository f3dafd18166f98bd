import type { Role } from '@/app/roles'

export type MenuGroup = 'work' | 'config' | 'system'

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
  }
}

export {}
