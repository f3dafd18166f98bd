import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { install } from '@urql/vue'
import type { App } from 'vue'
import type { RoundDetailFieldsFragment } from '@/generated/graphql'
import { createApiClient } from '@/graphql/client'
import { mountWithApp } from '../../../../test/helpers'
import TransitionPanel from './TransitionPanel.vue'

function round(status: RoundDetailFieldsFragment['status']): RoundDetailFieldsFragment {
  return {
    id: 7,
    name: '2027年第1季度党建工作督导检查',
    year: 2027,
    quarter: 1,
    status,
    version: 3,
    inspectionStart: null,
    inspectionEnd: null,
    startedAt: null,
    publishedAt: null,
    closedAt: null,
    notice: null,
    areas: [],
    teams: [],
    assignments: [],
    statusChanges: [
      { id: 1, fromStatus: null, toStatus: 'PLANNING', at: '2026-11-20T02:00:00.000Z', note: null, actor: { id: 1, displayName: '李晓明' } },
    ],
  }
}

function preview(to: RoundDetailFieldsFragment['status'], blockers: string[] = []) {
  return {
    __typename: 'TransitionPreview',
    from: 'PLANNING',
    to,
    blockers,
    assessmentsOpened: 31,
    rectifications: 12,
    ranking: [
      { __typename: 'PreviewRankingRow', orgId: 1, orgName: '运检党支部', areaName: '基层党建', category: 'I', base: '99.00', total: '101.00', rank: 1, listMark: 'RED' },
      { __typename: 'PreviewRankingRow', orgId: 2, orgName: '营销党支部', areaName: '基层党建', category: 'I', base: '90.00', total: '90.00', rank: 2, listMark: 'BLUE' },
    ],
    adjustments: [{ __typename: 'PreviewAdjustment', orgName: '运检党支部', areaName: '基层党建', reason: 'RED_LIST', points: '1.50' }],
    interviews: [{ __typename: 'PreviewOrgArea', orgName: '营销党支部', areaName: '基层党建' }],
    deemedConfirmed: [{ __typename: 'PreviewFinding', id: 9, orgName: '营销党支部', areaName: '基层党建', description: '三会一课记录不全', deduction: '1.00' }],
  }
}

function mountPanel(status: RoundDetailFieldsFragment['status'], blockers: string[] = []) {
  const fetchFn = vi.fn<typeof fetch>((_url, init) => {
    const body = JSON.parse(init!.body as string) as { query: string }
    const data = body.query.includes('transitionPreview')
      ? { transitionPreview: preview(status === 'RECONCILING' ? 'PUBLISHED' : 'INSPECTING', blockers) }
      : { transitionRound: { __typename: 'InspectionRound', ...round('INSPECTING') }, publishRound: { __typename: 'InspectionRound', ...round('PUBLISHED') } }
    return Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }))
  })
  const client = createApiClient({ onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }, 'http://api.test/graphql', fetchFn)
  const wrapper = mountWithApp(TransitionPanel, {
    props: { round: round(status), canTransition: true },
    global: { plugins: [{ install: (app: App) => install(app, client) }] },
  })
  return { wrapper, fetchFn }
}

/** The first mutation sent (the preview query goes first, when the dialog opens). */
const sentBody = (fetchFn: ReturnType<typeof mountPanel>['fetchFn']) =>
  fetchFn.mock.calls
    .map((call) => JSON.parse(call[1]!.body as string) as { query: string; variables: Record<string, unknown> })
    .find((body) => body.query.trimStart().startsWith('mutation'))!
const mutations = (fetchFn: ReturnType<typeof mountPanel>['fetchFn']) =>
  fetchFn.mock.calls.filter((call) => (call[1]!.body as string).includes('"query":"mutation'))

describe('TransitionPanel', () => {
  it('says what starting the inspection does, and moves the round only after confirmation', async () => {
    const { wrapper, fetchFn } = mountPanel('PLANNING')
    expect(wrapper.text()).toContain('锁定考核方案版本')
    await wrapper.get('[data-testid="round-transition"]').trigger('click')
    await flushPromises()

    const dialog = document.body.querySelector('.n-dialog')!
    expect(dialog.textContent).toContain('确认将本轮次转为“检查中”？')
    expect(dialog.querySelector('[data-testid="transition-effect"]')!.textContent).toContain('筹备信息（检查组、分工）将不能再修改')
    expect(dialog.querySelector('[data-testid="transition-opens"]')!.textContent).toContain('31 份评分表')
    expect(mutations(fetchFn)).toHaveLength(0)

    const confirm = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.includes('确定'))!
    confirm.click()
    await flushPromises()
    expect(sentBody(fetchFn).variables).toMatchObject({ id: 7, to: 'INSPECTING' })
    expect(wrapper.emitted('changed')).toHaveLength(1)
  })

  it('publishes through publishRound with the notice fields, warning that it cannot be undone', async () => {
    const { wrapper, fetchFn } = mountPanel('RECONCILING')
    await wrapper.get('[data-testid="round-transition"]').trigger('click')
    await flushPromises()
    const dialog = document.body.querySelectorAll('.n-dialog')
    const current = dialog[dialog.length - 1]!
    expect(current.textContent).toContain('发布后不可撤销')
    const docNo = current.querySelector<HTMLInputElement>('input')!
    docNo.value = '党建〔2027〕3号'
    docNo.dispatchEvent(new Event('input'))
    await flushPromises()
    ;[...current.querySelectorAll('button')].find((b) => b.textContent?.includes('确定'))!.click()
    await flushPromises()

    const body = sentBody(fetchFn)
    expect(body.query).toContain('publishRound')
    expect(body.variables).toMatchObject({ id: 7, input: { docNo: '党建〔2027〕3号', title: null } })
  })

  it('shows what blocks a step beforehand and cannot be confirmed then', async () => {
    const { wrapper, fetchFn } = mountPanel('PLANNING', ['以下党组织尚未分配检查组：运检党支部'])
    await wrapper.get('[data-testid="round-transition"]').trigger('click')
    await flushPromises()
    const dialogs = document.body.querySelectorAll('.n-dialog')
    const current = dialogs[dialogs.length - 1]!
    expect(current.querySelector('[data-testid="transition-blockers"]')!.textContent).toContain('尚未分配检查组：运检党支部')
    const confirm = [...current.querySelectorAll('button')].find((b) => b.textContent?.includes('确定'))!
    expect(confirm.disabled).toBe(true)
    confirm.click()
    await flushPromises()
    expect(mutations(fetchFn)).toHaveLength(0)
  })

  it('previews publication: ranking, red and blue lists, adjustments, interviews, findings deemed confirmed', async () => {
    const { wrapper } = mountPanel('RECONCILING')
    await wrapper.get('[data-testid="round-transition"]').trigger('click')
    await flushPromises()
    const dialogs = document.body.querySelectorAll('.n-dialog')
    const current = dialogs[dialogs.length - 1]!
    const text = current.textContent ?? ''
    expect(text).toContain('基层党建 · Ⅰ类')
    expect(text).toContain('101.00')
    expect(text).toContain('绩效加减分 (1)')
    expect(text).toContain('将建立的约谈 (1)')
    expect(text).toContain('视为确认的问题 (1)')
    expect(text).toContain('将建立整改事项 12 项')
  })

  it('offers no transition once the round is closed', () => {
    const { wrapper } = mountPanel('CLOSED')
    expect(wrapper.find('[data-testid="round-transition"]').exists()).toBe(false)
  })
})
