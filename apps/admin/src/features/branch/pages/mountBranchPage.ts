import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import { vi } from 'vitest'
import type { App, Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/plugins/i18n'
import { session } from '@/store/session'
import { mountWithApp } from '../../../../test/helpers'

/** The branch user the pages' tests sign in: 罗小军 of org 14. */
export const BRANCH_ORG = 14

/**
 * Mounts a branch user's page as its tests read it: signed in as the branch user, the API
 * answering each operation by its name from `answers` (null when absent), and, with `route`, at `/`
 * of a router whose other routes (`links`) stand in for the pages it links to.
 */
export async function mountBranchPage(
  page: Component,
  options: { answers: Record<string, unknown>; locale: 'zh-CN' | 'en-US'; route?: { name: string; links: string[] } },
) {
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    const { operationName } = JSON.parse(init?.body as string) as { operationName: string }
    return Promise.resolve(
      new Response(JSON.stringify({ data: options.answers[operationName] ?? null }), { headers: { 'content-type': 'application/json' } }),
    )
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const plugins: { install: (app: App) => void }[] = [{ install: (app: App) => installUrql(app, client) }]
  if (options.route) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: options.route.name, component: page },
        ...options.route.links.map((name) => ({ path: `/${name}/:assessmentId?`, name, component: { template: '<div />' } })),
      ],
    })
    await router.push('/')
    plugins.unshift(router)
  }
  session.setUser({ id: 5, username: 'branch1', displayName: '罗小军', role: 'BRANCH', orgId: BRANCH_ORG, orgName: '运检党支部', mustChangePassword: false })
  const wrapper = mountWithApp(page, { global: { plugins } })
  i18n.global.locale.value = options.locale
  await flushPromises()
  await flushPromises()
  return wrapper
}
