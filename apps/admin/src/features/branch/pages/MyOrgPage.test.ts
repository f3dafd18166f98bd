import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/plugins/i18n'
import { session } from '@/store/session'
import MyOrgPage from './MyOrgPage.vue'
import { BRANCH_ORG, mountBranchPage } from './mountBranchPage'

// The trend chart is not what this test reads; echarts needs a real canvas.
vi.mock('@/features/dashboard/components/ChartPanel.vue', () => ({ default: { template: '<div />' } }))

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
          orgId: BRANCH_ORG,
          org: { __typename: 'Organization', id: BRANCH_ORG, name: '运检党支部', shortName: '运检' },
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
  return mountBranchPage(MyOrgPage, { answers, locale, route: { name: 'my-org', links: ['my-findings', 'my-rectifications', 'drilldown'] } })
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
