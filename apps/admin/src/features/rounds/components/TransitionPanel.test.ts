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

function mountPanel(status: RoundDetailFieldsFragment['status']) {
  const fetchFn = vi.fn<typeof fetch>(() =>
    Promise.resolve(
      new Response(JSON.stringify({ data: { transitionRound: { __typename: 'InspectionRound', ...round('INSPECTING') }, publishRound: { __typename: 'InspectionRound', ...round('PUBLISHED') } } }), {
        headers: { 'content-type': 'application/json' },
      }),
    ),
  )
  const client = createApiClient({ onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }, 'http://api.test/graphql', fetchFn)
  const wrapper = mountWithApp(TransitionPanel, {
    props: { round: round(status), canTransition: true },
    global: { plugins: [{ install: (app: App) => install(app, client) }] },
  })
  return { wrapper, fetchFn }
}

const sentBody = (fetchFn: ReturnType<typeof mountPanel>['fetchFn']) =>
  JSON.parse(fetchFn.mock.calls[0]![1]!.body as string) as { query: string; variables: Record<string, unknown> }

describe('TransitionPanel', () => {
  it('says what starting the inspection does, and moves the round only after confirmation', async () => {
    const { wrapper, fetchFn } = mountPanel('PLANNING')
    expect(wrapper.text()).toContain('锁定考核方案版本')
    await wrapper.get('[data-testid="round-transition"]').trigger('click')
    await flushPromises()

    const dialog = document.body.querySelector('.n-dialog')!
    expect(dialog.textContent).toContain('确认将本轮次转为“检查中”？')
    expect(dialog.querySelector('[data-testid="transition-effect"]')!.textContent).toContain('筹备信息（检查组、分工）将不能再修改')
    expect(fetchFn).not.toHaveBeenCalled()

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

  it('offers no transition once the round is closed', () => {
    const { wrapper } = mountPanel('CLOSED')
    expect(wrapper.find('[data-testid="round-transition"]').exists()).toBe(false)
  })
})
