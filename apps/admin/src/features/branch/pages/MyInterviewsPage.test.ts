import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/plugins/i18n'
import { session } from '@/store/session'
import MyInterviewsPage from './MyInterviewsPage.vue'
import { mountBranchPage } from './mountBranchPage'

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
  return mountBranchPage(MyInterviewsPage, { answers, locale })
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
