import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { mountWithApp } from '../../../../test/helpers'
import { session } from '@/store/session'
import type { Role } from '@/generated/graphql'
import RoundDetailPage from './RoundDetailPage.vue'

const round = {
  __typename: 'InspectionRound',
  id: 6,
  name: '2026年第4季度党建工作督导检查',
  year: 2026,
  quarter: 4,
  status: 'PLANNING',
  version: 1,
  inspectionStart: null,
  inspectionEnd: null,
  startedAt: null,
  publishedAt: null,
  closedAt: null,
  notice: null,
  areas: [],
  teams: [{ __typename: 'InspectionTeam', id: 1, name: '第一检查组', members: [], trainingRecords: [] }],
  assignments: [],
  statusChanges: [],
}
const progress = [
  { __typename: 'RoundProgressRow', orgId: 3, orgName: '运检党支部', teamId: 1, teamName: '第一检查组', assessmentId: null, areaName: null, stage: 'NOT_STARTED', findings: 0, pending: 0, disputed: 0 },
]

async function mountAs(role: Role, tab = 'teams') {
  const operations: string[] = []
  const queries: string[] = []
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(init?.body as string) as { operationName: string; query: string }
    operations.push(body.operationName)
    queries.push(body.query)
    const data =
      body.operationName === 'RoundDetail'
        ? { round, orgs: [] }
        : body.operationName === 'RoundProgress'
          ? { roundProgress: progress }
          : body.operationName === 'InspectorOptions'
            ? { users: [] }
            : null
    return Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }))
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/rounds', name: 'rounds', component: { template: '<div />' } },
      { path: '/rounds/:roundId', name: 'round-detail', component: RoundDetailPage, props: true },
    ],
  })
  await router.push(`/rounds/6?tab=${tab}`)
  session.setUser({ id: 2, username: role.toLowerCase(), displayName: '某某', role, orgId: null, orgName: null, mustChangePassword: false })
  const wrapper = mountWithApp(RoundDetailPage, {
    props: { roundId: '6' },
    global: { plugins: [router, { install: (app: App) => installUrql(app, client) }] },
  })
  await flushPromises()
  return { wrapper, operations, queries }
}

afterEach(() => session.clear())

describe('RoundDetailPage', () => {
  it('lets a leader read a round without asking for the administrators’ user list', async () => {
    const { wrapper, operations, queries } = await mountAs('LEADER', 'progress')
    // Query.users is for administrators only (R12): no document a leader sends may select it.
    expect(queries.some((q) => /\busers\s*\(/.test(q))).toBe(false)
    expect(operations).toContain('RoundDetail')
    expect(operations).toContain('RoundProgress')
    expect(operations).not.toContain('InspectorOptions')
    expect(wrapper.text()).toContain('运检党支部')
    expect(wrapper.text()).toContain('未开始')
    expect(wrapper.find('.add-team').exists()).toBe(false)
  })

  it('asks for the inspectors only when an administrator can staff teams', async () => {
    const { operations } = await mountAs('ADMIN')
    expect(operations).toContain('InspectorOptions')
  })
})
