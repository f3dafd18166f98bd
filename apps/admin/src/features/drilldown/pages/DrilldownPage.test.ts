import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import { createMemoryHistory } from 'vue-router'
import type { App } from 'vue'
import { mountWithApp } from '../../../../test/helpers'
import { createAppRouter } from '@/router'
import { i18n } from '@/plugins/i18n'
import { createSessionStore, session } from '@/store/session'
import type { Drilldown, DrilldownRectification } from '../types'
import DrilldownPage from './DrilldownPage.vue'
import RankingTable from '@/features/dashboard/components/RankingTable.vue'

const rectification: DrilldownRectification = {
  findingId: 905,
  id: 77,
  version: 4,
  source: 'FINDING',
  title: '支委会记录不全',
  measure: '补齐记录并建立月度检查',
  responsiblePerson: '李书记',
  deadline: '2025-08-31',
  status: 'RETURNED',
  colour: 'YELLOW',
  overdue: false,
  daysLeft: 5,
  carryOverCount: 0,
  closedAt: null,
  createdAt: '2025-07-01T02:00:00.000Z',
  round: { id: 12, name: '2025年第二季度检查', year: 2025, quarter: 2 },
  org: { id: 3, name: '第一党支部' },
  problemCategory: { id: 8, name: '三会一课不规范' },
  finding: { id: 905, description: '支委会记录不全', checkMethod: 'DOCUMENT_REVIEW', indicatorName: '组织生活' },
  events: [
    { id: 1, type: 'CREATED', note: '', createdAt: '2025-07-01T02:00:00.000Z', actor: null, evidence: [] },
    {
      id: 2,
      type: 'SUBMITTED',
      note: '已补齐',
      createdAt: '2025-07-10T02:00:00.000Z',
      actor: { id: 9, displayName: '王干事' },
      evidence: [{ id: 31, originalName: '记录.pdf', url: '/files/evidence/31', size: 2048 }],
    },
    { id: 3, type: 'RETURNED', note: '缺少签字页', createdAt: '2025-07-12T02:00:00.000Z', actor: { id: 5, displayName: '张检查' }, evidence: [] },
  ],
}

const drilldown: Drilldown = {
  assessmentId: 7,
  roundId: 12,
  areaId: 1,
  orgId: 3,
  org: { id: 3, name: '第一党支部' },
  assessment: { id: 7, round: { id: 12, name: '2025年第二季度检查', year: 2025, quarter: 2 }, area: { id: 1, name: '基层党建' } },
  category: 'I',
  unitType: 'GRASSROOTS',
  rank: 2,
  listMark: null,
  base: '97.50',
  bonus: '1.00',
  total: '98.50',
  baseMax: '100.00',
  lost: '2.50',
  dimensions: [
    { dimensionId: 2, code: 'D1', name: '政治建设', max: '15.00', points: '15.00', lost: '0.00', categoryAveragePoints: '14.50', categoryAverageLost: '0.50', categoryCount: 10 },
    { dimensionId: 3, code: 'D3', name: '组织建设', max: '20.00', points: '17.50', lost: '2.50', categoryAveragePoints: '18.25', categoryAverageLost: '1.75', categoryCount: 10 },
  ],
  indicators: [
    {
      indicatorId: 20,
      dimensionId: 3,
      code: 'I31',
      name: '党员发展',
      method: 'QUANTITY',
      max: '10.00',
      points: '10.00',
      lost: '0.00',
      applicable: true,
      reason: null,
      ratingLevel: null,
      quantityValue: '3',
      target: '3',
      targetUnit: '人',
      bonusPoints: null,
      note: null,
      evaluationStandard: '按计划发展党员',
      scoringGuide: '',
      findingIds: [],
      findings: [],
      rectifications: [],
    },
    {
      indicatorId: 21,
      dimensionId: 3,
      code: 'I32',
      name: '组织生活',
      method: 'DEDUCTION',
      max: '10.00',
      points: '7.50',
      lost: '2.50',
      applicable: true,
      reason: 'FINDINGS',
      ratingLevel: null,
      quantityValue: null,
      target: null,
      targetUnit: null,
      bonusPoints: null,
      note: null,
      evaluationStandard: '三会一课规范开展',
      scoringGuide: '每发现一处扣 0.5–1.5 分',
      findingIds: [905, 906],
      findings: [
        {
          id: 905,
          description: '支委会记录不全',
          checkMethod: 'DOCUMENT_REVIEW',
          deduction: '1.50',
          isRepeat: true,
          reconciliationStatus: 'CONFIRMED',
          problemCategory: { id: 8, name: '三会一课不规范' },
          evidence: [{ id: 30, originalName: '现场照片.jpg', url: '/files/evidence/30' }],
        },
        {
          id: 906,
          description: '党课未按季度开展',
          checkMethod: 'INTERVIEW',
          deduction: '1.00',
          isRepeat: false,
          reconciliationStatus: 'UPHELD',
          problemCategory: { id: 9, name: '党课不规范' },
          evidence: [],
        },
      ],
      rectifications: [rectification],
    },
  ],
}

function setup(url: string) {
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(init?.body as string) as { operationName?: string; variables?: { assessmentId?: number } }
    const data = body.operationName === 'AssessmentDrilldown' ? { assessmentDrilldown: drilldown } : null
    return Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }))
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const session = createSessionStore(() =>
    Promise.resolve({ id: 1, username: 'leader', displayName: '领导', role: 'LEADER', orgId: null, orgName: null, mustChangePassword: false }),
  )
  const router = createAppRouter(createMemoryHistory(), session, { progress: false })
  const urql = { install: (app: App) => installUrql(app, client) }
  return { router, fetch, urql, url }
}

async function mountAt(url: string) {
  const { router, fetch, urql } = setup(url)
  await router.push(url)
  const wrapper = mountWithApp(DrilldownPage, {
    global: { plugins: [router, urql], stubs: { ChartPanel: true } },
  })
  await flushPromises()
  // The org level's component loads on its own (it brings the charts).
  await vi.dynamicImportSettled()
  await flushPromises()
  return { wrapper, router, fetch }
}

const crumbs = (wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) =>
  wrapper.findAll('[data-testid="drilldown-trail"] .n-breadcrumb-item').map((c) => c.text().replace(/\s*\/\s*$/, '').trim())

describe('drill-down URL state', () => {
  it('restores the indicator level from its URL: breadcrumbs and the findings behind the lost points', async () => {
    const { wrapper, fetch } = await mountAt('/dashboard/assessments/7/indicators/21')
    expect(crumbs(wrapper)).toEqual(['领导看板', '第一党支部', '组织建设', '组织生活'])
    expect(wrapper.findAll('[data-finding-id]').map((f) => f.attributes('data-finding-id'))).toEqual(['905', '906'])
    expect(wrapper.text()).toContain('支委会记录不全')
    expect(wrapper.find('a[href="/files/evidence/30"]').exists()).toBe(true)
    // Not the other levels.
    expect(wrapper.find('[data-dimension-id]').exists()).toBe(false)
    expect(wrapper.find('[data-indicator-id]').exists()).toBe(false)
    // One request serves the page.
    expect(fetch).toHaveBeenCalledTimes(1)
    const sent = JSON.parse(fetch.mock.calls[0]![1]!.body as string) as { variables: unknown }
    expect(sent.variables).toEqual({ assessmentId: 7 })
  })

  it('restores the finding level: the rectification with its history of returns', async () => {
    const { wrapper } = await mountAt('/dashboard/assessments/7/findings/905')
    expect(crumbs(wrapper)).toEqual(['领导看板', '第一党支部', '组织建设', '组织生活', '三会一课不规范'])
    const events = wrapper.findAll('[data-event-type]').map((e) => e.attributes('data-event-type'))
    expect(events).toEqual(['CREATED', 'SUBMITTED', 'RETURNED'])
    expect(wrapper.text()).toContain('缺少签字页')
    expect(wrapper.find('a[href="/files/evidence/31"]').exists()).toBe(true)
    expect(wrapper.get('[data-colour]').attributes('data-colour')).toBe('YELLOW')
  })

  it('restores the dimension level with only the indicators that lost points, all on request', async () => {
    const { wrapper } = await mountAt('/dashboard/assessments/7/dimensions/3')
    expect(wrapper.findAll('[data-indicator-id]').map((r) => r.attributes('data-indicator-id'))).toEqual(['21'])
    const all = await mountAt('/dashboard/assessments/7/dimensions/3?all=1')
    expect(all.wrapper.findAll('[data-indicator-id]').map((r) => r.attributes('data-indicator-id'))).toEqual(['20', '21'])
  })

  it('says so for a link to something the assessment does not have, pointing back to the dashboard', async () => {
    const { wrapper } = await mountAt('/dashboard/assessments/7/indicators/999')
    expect(wrapper.get('.n-result').text()).toContain('链接已失效或不完整，请从“领导看板”重新进入。')
    expect(crumbs(wrapper)).toEqual(['领导看板', '第一党支部'])
  })

  describe('for a branch, which has no dashboard', () => {
    beforeEach(() => {
      session.setUser({ id: 5, username: 'branch1', displayName: '罗小军', role: 'BRANCH', orgId: 3, orgName: '第一党支部', mustChangePassword: false })
    })
    afterEach(() => {
      session.clear()
      i18n.global.locale.value = 'zh-CN'
    })

    it('points back to its own results, the link perhaps not being its own', async () => {
      const { wrapper } = await mountAt('/dashboard/assessments/7/findings/307')
      const advice = wrapper.get('.n-result').text()
      expect(advice).toContain('链接已失效、不完整或不属于本党组织，请从“本支部成绩”重新进入。')
      expect(advice).not.toContain('看板')
      expect(crumbs(wrapper)[0]).toBe('本支部成绩')
    })

    it('says the same in English', async () => {
      const { wrapper } = await mountAt('/dashboard/assessments/7/findings/307')
      i18n.global.locale.value = 'en-US'
      await flushPromises()
      const advice = wrapper.get('.n-result').text()
      expect(advice).toContain('not about your organization; open it again from “My results”.')
      expect(advice).not.toMatch(/dashboard/i)
    })
  })
})

describe('drill-down navigation', () => {
  it('goes down level by level, each click pushing the level URL, and back up by the breadcrumbs', async () => {
    const { wrapper, router } = await mountAt('/dashboard/assessments/7')
    expect(wrapper.findAll('[data-dimension-id]').length).toBe(2)

    await wrapper.get('[data-dimension-id="3"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/dashboard/assessments/7/dimensions/3')
    expect(router.currentRoute.value.name).toBe('drilldown-dimension')

    await wrapper.get('[data-indicator-id="21"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/dashboard/assessments/7/indicators/21')

    await wrapper.get('[data-open-finding="905"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/dashboard/assessments/7/findings/905')
    expect(wrapper.findAll('[data-event-type]').length).toBe(3)

    // Back to the dimension through its breadcrumb.
    await wrapper.get('[data-crumb="dimension"] a').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/dashboard/assessments/7/dimensions/3')
    expect(wrapper.findAll('[data-indicator-id]').length).toBe(1)
  })

  it('keeps the chart view in the URL when switching to the radar', async () => {
    const { wrapper, router } = await mountAt('/dashboard/assessments/7')
    // The toggle sits above the chart it changes.
    const html = wrapper.html()
    // ChartPanel is stubbed here, so its stub's tag marks where the chart stands.
    const chartAt = html.indexOf('<chart-panel-stub')
    expect(chartAt).toBeGreaterThan(-1)
    expect(html.indexOf('data-testid="view-radar"')).toBeLessThan(chartAt)
    await wrapper.get('[data-testid="view-radar"] input').trigger('change')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/dashboard/assessments/7?view=radar')
    await wrapper.get('[data-dimension-id="2"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.view).toBe('radar')
  })

  it('leads the root breadcrumb back to the dashboard at the same area, round and category', async () => {
    const { wrapper } = await mountAt('/dashboard/assessments/7')
    expect(wrapper.get('[data-testid="drilldown-trail"] a').attributes('href')).toBe('/dashboard?area=1&round=12')
  })
})

describe('ranking row → drill-down', () => {
  const rows = [
    {
      assessmentId: 42,
      orgName: '第一党支部',
      rank: 1,
      base: '99.00',
      bonus: '1.00',
      total: '100.00',
      listMark: 'RED' as const,
      rankChange: 2,
      totalChange: '1.50',
      findingCount: 1,
      openRectifications: 0,
    },
    {
      assessmentId: 43,
      orgName: '第二党支部',
      rank: 2,
      base: '98.00',
      bonus: '0.00',
      total: '98.00',
      listMark: 'BLUE' as const,
      rankChange: -1,
      totalChange: '-0.50',
      findingCount: 3,
      openRectifications: 2,
    },
  ]

  async function mountTable() {
    const { router } = setup('/dashboard')
    await router.push('/dashboard')
    const wrapper = mountWithApp(RankingTable, { props: { rows }, global: { plugins: [router] } })
    return { wrapper, router }
  }

  it('pushes the org’s drill-down when a row is clicked or entered', async () => {
    const { wrapper, router } = await mountTable()
    await wrapper.get('[data-assessment-id="43"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('drilldown')
    expect(router.currentRoute.value.fullPath).toBe('/dashboard/assessments/43')

    await router.push('/dashboard')
    await wrapper.get('[data-assessment-id="42"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/dashboard/assessments/42')
  })

  it('shows red/blue badges and the rank movement', async () => {
    const { wrapper } = await mountTable()
    expect(wrapper.get('[data-assessment-id="42"] [data-mark]').text()).toBe('红榜')
    expect(wrapper.get('[data-assessment-id="43"] [data-mark]').text()).toBe('蓝榜')
    expect(wrapper.get('[data-assessment-id="42"] [data-change]').text()).toBe('▲2')
    expect(wrapper.get('[data-assessment-id="43"] [data-change]').text()).toBe('▼1')
  })
})
