import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { install } from '@urql/vue'
import type { App } from 'vue'
import type { RectificationFieldsFragment } from '@/generated/graphql'
import { createApiClient } from '@/graphql/client'
import { session } from '@/store/session'
import type { Role } from '@/app/roles'
import { mountWithApp, typeInto } from '../../../../test/helpers'
import RectificationDetail from './RectificationDetail.vue'

const message = vi.hoisted(() => ({ success: vi.fn(), warning: vi.fn(), error: vi.fn() }))
vi.mock('@/plugins/discrete', () => ({ discrete: () => ({ message }) }))

const item: RectificationFieldsFragment = {
  id: 77,
  version: 4,
  source: 'FINDING',
  title: '支委会记录不全',
  measure: '补齐记录',
  responsiblePerson: '李书记',
  deadline: '2027-05-31',
  status: 'SUBMITTED',
  colour: 'GREEN',
  overdue: false,
  daysLeft: 20,
  carryOverCount: 0,
  closedAt: null,
  createdAt: '2027-04-01T02:00:00.000Z',
  round: { id: 12, name: '2027年第一季度检查', year: 2027, quarter: 1 },
  org: { id: 3, name: '第一党支部' },
  problemCategory: { id: 8, name: '三会一课不规范' },
  finding: { id: 905, description: '支委会记录不全', checkMethod: 'DOCUMENT_REVIEW', indicatorName: '组织生活' },
  events: [
    { id: 1, type: 'CREATED', note: '', createdAt: '2027-04-01T02:00:00.000Z', actor: null, evidence: [] },
    { id: 2, type: 'SUBMITTED', note: '已补齐', createdAt: '2027-04-10T02:00:00.000Z', actor: { id: 9, displayName: '王干事' }, evidence: [] },
  ],
}

function signInAs(role: Role) {
  session.setUser({ id: 5, username: 'u', displayName: '张检查', role, orgId: null, orgName: null, mustChangePassword: false })
}

function mountDetail(payload: Record<string, unknown>, props: Partial<RectificationFieldsFragment> = {}) {
  const fetchFn = vi.fn<typeof fetch>(() =>
    Promise.resolve(new Response(JSON.stringify({ data: payload }), { headers: { 'content-type': 'application/json' } })),
  )
  const client = createApiClient({ onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }, 'http://api.test/graphql', fetchFn)
  const wrapper = mountWithApp(RectificationDetail, {
    props: { item: { ...item, ...props } },
    global: { plugins: [{ install: (app: App) => install(app, client) }] },
  })
  return { wrapper, fetchFn }
}
type Mounted = ReturnType<typeof mountDetail>

const sent = (fetchFn: Mounted['fetchFn']) =>
  JSON.parse(fetchFn.mock.calls[0]![1]!.body as string) as { query: string; variables: Record<string, unknown> }
const click = async (wrapper: Mounted['wrapper'], testId: string) => {
  await wrapper.get(`[data-testid="${testId}"]`).trigger('click')
  await flushPromises()
}
const submitForm = async (wrapper: Mounted['wrapper']) => {
  await wrapper.get('[data-testid="review-form"]').trigger('submit')
  await flushPromises()
}

afterEach(() => {
  session.clear()
  vi.clearAllMocks()
})

describe('RectificationDetail review actions', () => {
  it('offers verify and return to inspectors and admins, only on a submitted item', () => {
    signInAs('INSPECTOR')
    expect(mountDetail({}).wrapper.find('[data-testid="verify-rectification"]').exists()).toBe(true)
    signInAs('ADMIN')
    expect(mountDetail({}).wrapper.find('[data-testid="return-rectification"]').exists()).toBe(true)
    for (const status of ['OPEN', 'RETURNED', 'CLOSED'] as const) {
      expect(mountDetail({}, { status }).wrapper.find('[data-testid="rectification-review"]').exists()).toBe(false)
    }
    for (const role of ['LEADER', 'BRANCH'] as const) {
      signInAs(role)
      expect(mountDetail({}).wrapper.find('[data-testid="rectification-review"]').exists()).toBe(false)
    }
  })

  it('asks for the reason before returning anything', async () => {
    signInAs('INSPECTOR')
    const { wrapper, fetchFn } = mountDetail({})
    await click(wrapper, 'return-rectification')
    await typeInto(wrapper, 'textarea', '   ')
    await submitForm(wrapper)
    expect(fetchFn).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('请填写退回原因')
    expect(wrapper.get('textarea').attributes('aria-required')).toBe('true')
  })

  it('returns it from the keyboard with the reason and the version shown, then says so', async () => {
    signInAs('INSPECTOR')
    const returned = { ...item, version: 5, status: 'RETURNED' }
    const { wrapper, fetchFn } = mountDetail({ returnRectification: { __typename: 'Rectification', ...returned } })
    await click(wrapper, 'return-rectification')
    await typeInto(wrapper, 'textarea', '  决议未盖章  ')
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()

    const body = sent(fetchFn)
    expect(body.query).toContain('returnRectification')
    expect(body.variables).toEqual({ id: 77, version: 4, reason: '决议未盖章' })
    expect(message.success).toHaveBeenCalledWith('已退回，等待党组织重新提交')
    expect(wrapper.emitted('reviewed')?.[0]?.[0]).toMatchObject({ id: 77, status: 'RETURNED', version: 5 })
  })

  it('verifies it with an optional note', async () => {
    signInAs('ADMIN')
    const { wrapper, fetchFn } = mountDetail({ verifyRectification: { __typename: 'Rectification', ...item, version: 5, status: 'CLOSED' } })
    await click(wrapper, 'verify-rectification')
    await submitForm(wrapper)
    const body = sent(fetchFn)
    expect(body.query).toContain('verifyRectification')
    expect(body.variables).toEqual({ id: 77, version: 4, note: null })
    expect(message.success).toHaveBeenCalledWith('已核验销号')
    expect(wrapper.emitted('reviewed')?.[0]?.[0]).toMatchObject({ status: 'CLOSED' })
  })

  it('shows a conflict plainly and asks for the item as it is now', async () => {
    signInAs('INSPECTOR')
    const { wrapper } = mountDetail({
      verifyRectification: { __typename: 'ConflictError', code: 'CONFLICT', message: '该整改事项已被他人修改', currentVersion: 6, current: null },
    })
    await click(wrapper, 'verify-rectification')
    await submitForm(wrapper)
    const alert = wrapper.get('[data-testid="review-conflict"]')
    expect(alert.text()).toContain('该整改事项已被他人修改')
    expect(alert.text()).toContain('已刷新为最新状态')
    expect(wrapper.emitted('stale')).toHaveLength(1)
    expect(wrapper.emitted('reviewed')).toBeUndefined()
    expect(message.success).not.toHaveBeenCalled()
  })

  it('backs out with Escape without sending', async () => {
    signInAs('INSPECTOR')
    const { wrapper, fetchFn } = mountDetail({})
    await click(wrapper, 'return-rectification')
    await wrapper.get('textarea').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(wrapper.find('[data-testid="review-form"]').exists()).toBe(false)
    expect(fetchFn).not.toHaveBeenCalled()
  })
})
