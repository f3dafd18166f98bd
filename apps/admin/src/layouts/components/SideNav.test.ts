import { flushPromises } from '@vue/test-utils'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { afterEach, describe, expect, it } from 'vitest'
import type { Role } from '@/app/roles'
import { layoutRoutes } from '@/router/routes'
import { session } from '@/store/session'
import { mountWithApp } from '../../../test/helpers'
import SideNav from './SideNav.vue'

/** A router with the layout's route names, each on a page of its own name. */
function routerAt(path: string) {
  const Page = defineComponent({ render: () => null })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: layoutRoutes.filter((r) => typeof r.name === 'string').map((r) => ({ path: `/${String(r.name)}`, name: r.name, component: Page })),
  })
  void router.push(path)
  return router
}

async function mountAs(role: Role, path: string) {
  session.setUser({ id: 1, username: 'u', displayName: 'U', role, orgId: null, orgName: null, mustChangePassword: false })
  const router = routerAt(path)
  await router.isReady()
  const wrapper = mountWithApp(SideNav, { global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

afterEach(() => session.clear())

describe('SideNav', () => {
  it('lists the role\'s pages as links under their groups', async () => {
    const wrapper = await mountAs('ADMIN', '/home')
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['考评工作', '考评配置', '系统管理'])
    const links = wrapper.findAll('a')
    expect(links.map((a) => a.attributes('data-menu'))).toContain('audit-log')
    // Real links: Tab reaches them, and the browser can open them in a new tab.
    for (const link of links) expect(link.attributes('href')).toMatch(/^\/[\w-]+$/)
    expect(wrapper.get('nav').attributes('aria-label')).toBe('功能菜单')
    wrapper.unmount()
  })

  it('marks the entry of the page being shown, or of the list a detail page belongs to', async () => {
    const wrapper = await mountAs('BRANCH', '/drilldown-finding')
    const current = wrapper.findAll('a[aria-current="page"]')
    expect(current.map((a) => a.attributes('data-menu'))).toEqual(['my-org'])
    expect(current[0]?.classes()).toContain('active')
    expect(wrapper.find('a[data-menu="dashboard"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
