import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/plugins/i18n'
import { session } from '@/store/session'
import { mountWithApp } from '../../../../test/helpers'
import MyWeakSpotsPage from './MyWeakSpotsPage.vue'

const ORG = 14

function overdue(n: number) {
  return {
    kind: 'OVERDUE_BY_ORG',
    severity: 'NOTICE',
    category: 'II',
    sentence: `运检党支部有 ${n} 项整改已逾期未销号`,
    sentenceEn: 'overdue',
    orgs: [{ id: ORG, name: '运检党支部' }],
    problemCategories: [],
    dimensions: [],
    teams: [],
    figures: [{ name: 'overdue', value: String(n) }],
    assessmentIds: [99],
    findingIds: [],
    rectificationIds: [],
    roundIds: [6],
  }
}

async function mountPage(locale: 'zh-CN' | 'en-US', overdueItems: number) {
  const answers: Record<string, unknown> = {
    MyAreas: {
      areas: [{ id: 1, name: '基层党建', sortOrder: 1 }],
      myTodos: { counts: { toReconcile: 0, overdue: 0, dueSoon: 0, returned: 0 } },
    },
    LatestPublishedRound: {
      analyticsTrends: { rounds: [{ id: 6, name: '2025年第四季度党建工作检查', year: 2025, quarter: 4 }] },
    },
    MyRoundInsights: {
      myRoundInsights: { roundId: 6, areaId: 1, storedAt: null, category: 'II', items: [overdue(overdueItems)] },
    },
  }
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    const { operationName } = JSON.parse(init?.body as string) as { operationName: string }
    return Promise.resolve(
      new Response(JSON.stringify({ data: answers[operationName] ?? null }), { headers: { 'content-type': 'application/json' } }),
    )
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'my-weak-spots', component: MyWeakSpotsPage },
      ...['ledger', 'my-rectifications', 'drilldown'].map((name) => ({ path: `/${name}/:assessmentId?`, name, component: { template: '<div />' } })),
    ],
  })
  await router.push('/')
  session.setUser({ id: 5, username: 'branch1', displayName: '罗小军', role: 'BRANCH', orgId: ORG, orgName: '运检党支部', mustChangePassword: false })
  const wrapper = mountWithApp(MyWeakSpotsPage, { global: { plugins: [router, { install: (app: App) => installUrql(app, client) }] } })
  i18n.global.locale.value = locale
  await flushPromises()
  await flushPromises()
  return wrapper
}

afterEach(() => {
  session.clear()
  i18n.global.locale.value = 'zh-CN'
})

const title = (wrapper: Awaited<ReturnType<typeof mountPage>>) => wrapper.get('[data-testid="weak-spots"] .n-card-header').text()
const steps = (wrapper: Awaited<ReturnType<typeof mountPage>>) => wrapper.findAll('[data-testid="next-steps"] li').map((li) => li.text())

describe('MyWeakSpotsPage', () => {
  it('names the round through the round format in English', async () => {
    const wrapper = await mountPage('en-US', 1)
    expect(title(wrapper)).toBe('My weak spots · Q4 2025 inspection round')
  })

  it('counts overdue items as an English sentence, one and several', async () => {
    expect(steps(await mountPage('en-US', 1))).toEqual(['Finish the overdue item and submit the evidence'])
    expect(steps(await mountPage('en-US', 3))).toEqual(['Finish the 3 overdue items and submit the evidence'])
  })

  it('keeps the round as typed and the one Chinese form', async () => {
    const wrapper = await mountPage('zh-CN', 1)
    expect(title(wrapper)).toBe('我的短板 · 2025年第四季度党建工作检查')
    expect(steps(wrapper)).toEqual(['尽快完成 1 项逾期整改并提交佐证材料'])
  })
})
