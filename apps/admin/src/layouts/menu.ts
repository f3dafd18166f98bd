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

/**
 * The menu entry a route belongs to: its own, or its list's for a detail page (a round's detail
 * highlights 检查轮次, the drill-down 领导看板, or 我的考评结果 for a branch).
 */
export function activeMenuEntry(routeName: unknown, role: Role | null): string {
  const name = typeof routeName === 'string' ? routeName : ''
  if (name.startsWith('workbench')) return 'workbench'
  if (name === 'round-detail') return 'rounds'
  if (name.startsWith('drilldown')) return role === 'BRANCH' ? 'my-org' : 'dashboard'
  return name
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
