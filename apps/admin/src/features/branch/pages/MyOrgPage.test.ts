import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/plugins/i18n'
import { session } from '@/store/session'
import { mountWithApp } from '../../../../test/helpers'
import MyOrgPage from './MyOrgPage.vue'

// The trend chart is not what this test reads; echarts needs a real canvas.
vi.mock('@/features/dashboard/components/ChartPanel.vue', () => ({ default: { template: '<div />' } }))

const ORG = 14
const round = { __typename: 'InspectionRound', id: 6, name: '2026年第4季度党建工作督导检查', year: 2026, quarter: 4 }
const answers: Record<string, unknown> = {
  MyAreas: {
    areas: [{ __typename: 'Area', id: 1, name: '基层党建', sortOrder: 1 }],
    myTodos: { __typename: 'MyTodos', counts: { __typename: 'TodoCounts', toReconcile: 0, overdue: 0, dueSoon: 0, returned: 0 } },
  },
  MyOrgTrend: {
    analyticsTrends: {
      __typename: 'AnalyticsTrends',
      rounds: [round],
      orgs: [
        {
          __typename: 'OrgTrend',
          orgId: ORG,
          org: { __typename: 'Organization', id: ORG, name: '运检党支部', shortName: '运检' },
          categories: ['II'],
          totals: ['88.50'],
          ranks: [15],
          marks: [null],
        },
      ],
      categoryAverages: [{ __typename: 'CategoryTrend', category: 'II', totals: ['90.00'] }],
    },
  },
  MyLatestAssessment: {
    assessments: [
      { __typename: 'Assessment', id: 99, category: 'II', baseScore: '88.00', bonusScore: '0.50', totalScore: '88.50', rank: 15, listMark: null },
    ],
    categoryAverages: [
      { __typename: 'CategorySummary', category: 'I', orgCount: 6 },
      { __typename: 'CategorySummary', category: 'II', orgCount: 21 },
    ],
  },
}

async function mountPage(locale: 'zh-CN' | 'en-US') {
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
      { path: '/', name: 'my-org', component: MyOrgPage },
      ...['my-findings', 'my-rectifications', 'drilldown'].map((name) => ({ path: `/${name}/:assessmentId?`, name, component: { template: '<div />' } })),
    ],
  })
  await router.push('/')
  session.setUser({ id: 5, username: 'branch1', displayName: '罗小军', role: 'BRANCH', orgId: ORG, orgName: '运检党支部', mustChangePassword: false })
  const wrapper = mountWithApp(MyOrgPage, { global: { plugins: [router, { install: (app: App) => installUrql(app, client) }] } })
  i18n.global.locale.value = locale
  await flushPromises()
  await flushPromises()
  return wrapper
}

afterEach(() => {
  session.clear()
  i18n.global.locale.value = 'zh-CN'
})

describe('MyOrgPage', () => {
  it('says the rank out of how many orgs of the category were ranked', async () => {
    const wrapper = await mountPage('zh-CN')
    expect(wrapper.get('[data-testid="latest-result"]').text()).toContain('第 15 名 / 共 21 名')
  })

  it('in English too, with the round named by its quarter rather than the Chinese name typed for it', async () => {
    const wrapper = await mountPage('en-US')
    const card = wrapper.get('[data-testid="latest-result"]').text()
    expect(card).toContain('Rank 15 of 21')
    expect(card).toContain('Q4 2026 inspection round')
    expect(card).not.toContain('2026年第4季度')
  })
})
