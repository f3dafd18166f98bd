import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/plugins/i18n'
import { session } from '@/store/session'
import MyWeakSpotsPage from './MyWeakSpotsPage.vue'
import { BRANCH_ORG, mountBranchPage } from './mountBranchPage'


function overdue(n: number) {
  return {
    kind: 'OVERDUE_BY_ORG',
    severity: 'NOTICE',
    category: 'II',
    sentence: `运检党支部有 ${n} 项整改已逾期未销号`,
    sentenceEn: 'overdue',
    orgs: [{ id: BRANCH_ORG, name: '运检党支部' }],
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
  return mountBranchPage(MyWeakSpotsPage, { answers, locale, route: { name: 'my-weak-spots', links: ['ledger', 'my-rectifications', 'drilldown'] } })
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
