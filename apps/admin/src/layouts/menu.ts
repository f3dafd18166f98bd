import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/app/roles'
import type { MenuGroup } from '@/router/meta'

export interface MenuEntry {
  name: string
  titleKey: string
}

export interface MenuSection {
  group: MenuGroup
  entries: MenuEntry[]
}

const GROUP_ORDER: MenuGroup[] = ['work', 'config', 'system']

/** The side menu for a role: routes with `meta.menu` the role may open, grouped and ordered. */
export function buildMenu(routes: readonly RouteRecordRaw[], role: Role | null): MenuSection[] {
  const visible = routes.filter(
    (r) =>
      r.meta?.menu &&
      typeof r.name === 'string' &&
      (!r.meta.roles || (role !== null && r.meta.roles.includes(role))),
  )
  return GROUP_ORDER.map((group) => ({
    group,
    entries: visible
      .filter((r) => r.meta?.menu?.group === group)
      .sort((a, b) => (a.meta?.menu?.order ?? 0) - (b.meta?.menu?.order ?? 0))
      .map((r) => ({ name: r.name as string, titleKey: r.meta?.titleKey ?? String(r.name) })),
  })).filter((section) => section.entries.length > 0)
}
