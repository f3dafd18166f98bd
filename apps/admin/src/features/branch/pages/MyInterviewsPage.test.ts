import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { i18n } from '@/plugins/i18n'
import { session } from '@/store/session'
import { mountWithApp } from '../../../../test/helpers'
import MyInterviewsPage from './MyInterviewsPage.vue'

const ORG = 14
const answers: Record<string, unknown> = {
  MyInterviews: {
    interviews: [
      {
        __typename: 'Interview',
        id: 3,
        date: '2026-01-18',
        interviewer: '公司党委书记 王建国',
        interviewee: '罗小军',
        notes: null,
        round: { __typename: 'InspectionRound', id: 6, name: '2025年第四季度党建工作检查', year: 2025, quarter: 4 },
        area: { __typename: 'Area', id: 1, name: '基层党建' },
        items: [],
      },
    ],
  },
  BranchWarningDays: { ruleSets: [] },
}

async function mountPage(locale: 'zh-CN' | 'en-US') {
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    const { operationName } = JSON.parse(init?.body as string) as { operationName: string }
    return Promise.resolve(
      new Response(JSON.stringify({ data: answers[operationName] ?? null }), { headers: { 'content-type': 'application/json' } }),
    )
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  session.setUser({ id: 5, username: 'branch1', displayName: '罗小军', role: 'BRANCH', orgId: ORG, orgName: '运检党支部', mustChangePassword: false })
  const wrapper = mountWithApp(MyInterviewsPage, { global: { plugins: [{ install: (app: App) => installUrql(app, client) }] } })
  i18n.global.locale.value = locale
  await flushPromises()
  await flushPromises()
  return wrapper
}

afterEach(() => {
  session.clear()
  i18n.global.locale.value = 'zh-CN'
})

describe('MyInterviewsPage', () => {
  it('names the round and writes the labels in English for an English reader', async () => {
    const wrapper = await mountPage('en-US')
    const card = wrapper.get('[data-interview-id="3"]')
    expect(card.get('.n-card-header').text()).toBe('Q4 2025 inspection round · 基层党建')
    expect(card.text()).not.toContain('季度')
    expect(card.get('.n-descriptions-table-content__label').text()).toBe('Date:')
    expect(card.text()).not.toContain('：')
  })

  it('keeps the round as typed and the full-width colon in Chinese', async () => {
    const wrapper = await mountPage('zh-CN')
    const card = wrapper.get('[data-interview-id="3"]')
    expect(card.get('.n-card-header').text()).toBe('2025年第四季度党建工作检查 · 基层党建')
    expect(card.get('.n-descriptions-table-content__label').text()).toBe('约谈日期：')
  })
})
