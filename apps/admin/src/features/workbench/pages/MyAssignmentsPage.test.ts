import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { mountWithApp } from '../../../../test/helpers'
import MyAssignmentsPage from './MyAssignmentsPage.vue'

const rounds = [
  { __typename: 'InspectionRound', id: 1, name: '2026年第1季度党建工作检查', year: 2026, quarter: 1, status: 'INSPECTING' },
  { __typename: 'InspectionRound', id: 2, name: '2026年第2季度党建工作检查', year: 2026, quarter: 2, status: 'INSPECTING' },
]
function sheet(id: number, orgName: string) {
  return {
    __typename: 'Assessment',
    id,
    status: 'NOT_STARTED',
    category: 'II',
    unitType: 'GRASSROOTS',
    updatedAt: '2026-03-01T00:00:00.000Z',
    org: { __typename: 'Organization', id: id * 10, name: orgName, shortName: orgName },
    area: { __typename: 'Area', id: 1, name: '基层党建' },
    score: { __typename: 'AssessmentScore', base: '0.00', bonus: '0.00', total: '0.00', indicators: [] },
    findings: [],
  }
}
const respond = (data: unknown) =>
  Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }))

afterEach(() => vi.restoreAllMocks())

describe('MyAssignmentsPage', () => {
  it('never lists the previous round’s sheets while the chosen round loads', async () => {
    let answerRound2: () => void = () => undefined
    const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(init?.body as string) as { operationName: string; variables: { roundId?: number } }
      if (body.operationName === 'AssignmentRounds') return respond({ rounds })
      if (body.variables.roundId === 1) return respond({ assessments: [sheet(11, '运检党支部')] })
      // Round 2's answer waits until the test releases it.
      return new Promise<Response>((resolve) => {
        answerRound2 = () => void respond({ assessments: [sheet(21, '营销党支部')] }).then(resolve)
      })
    })
    const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/workbench', name: 'workbench', component: MyAssignmentsPage },
        { path: '/workbench/:assessmentId', name: 'workbench-assessment', component: { template: '<div />' } },
      ],
    })
    await router.push('/workbench?round=1')
    const wrapper = mountWithApp(MyAssignmentsPage, {
      global: { plugins: [router, { install: (app: App) => installUrql(app, client) }] },
    })
    await flushPromises()
    expect(wrapper.text()).toContain('运检党支部')

    await router.replace('/workbench?round=2')
    await flushPromises()
    // Round 2 is still loading: round 1's org (and its link to round 1's sheet) is gone.
    expect(wrapper.text()).not.toContain('运检党支部')
    expect(wrapper.find('a[href="/workbench/11"]').exists()).toBe(false)

    answerRound2()
    await flushPromises()
    expect(wrapper.text()).toContain('营销党支部')
    expect(wrapper.find('a[href="/workbench/21"]').exists()).toBe(true)
  })
})
