import { afterEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { mountWithApp } from '../../../../test/helpers'
import { session } from '@/store/session'
import type { MyFindingsQuery } from '@/generated/graphql'
import MyFindingsPage from './MyFindingsPage.vue'

type Finding = MyFindingsQuery['findings'][number]

const reconciling = { id: 12, name: '2026年第一季度检查', year: 2026, quarter: 1, status: 'RECONCILING' as const }
const published = { id: 11, name: '2025年第四季度检查', year: 2025, quarter: 4, status: 'PUBLISHED' as const }

function finding(id: number, round: Finding['round'], status: Finding['reconciliationStatus']): Finding {
  return {
    id,
    version: 1,
    roundId: round.id,
    round,
    area: { id: 1, name: '基层党建' },
    indicatorCode: 'I32',
    indicatorName: '组织生活',
    problemCategory: { id: 8, name: '三会一课不规范' },
    description: `问题 ${id}`,
    checkMethod: 'DOCUMENT_REVIEW',
    deduction: '0.50',
    isRepeat: false,
    reconciliationStatus: status,
    reconciliations: [],
    evidence: [],
  }
}

const findings = [finding(1, published, 'CONFIRMED'), finding(2, reconciling, 'PENDING'), finding(3, reconciling, 'DISPUTED')]

function mountPage() {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = []
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(init?.body as string) as { operationName: string; variables: Record<string, unknown> }
    calls.push(body)
    const data =
      body.operationName === 'MyFindings'
        ? { findings }
        : body.operationName === 'DisputeFinding'
          ? { disputeFinding: { __typename: 'Finding', id: 2, version: 2, reconciliationStatus: 'DISPUTED' } }
          : null
    return Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }))
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const urql = { install: (app: App) => installUrql(app, client) }
  session.setUser({ id: 5, username: 'branch1', displayName: '罗小军', role: 'BRANCH', orgId: 3, orgName: '第一党支部', mustChangePassword: false })
  const wrapper = mountWithApp(MyFindingsPage, { global: { plugins: [urql] } })
  return { wrapper, calls }
}

afterEach(() => session.clear())

const body = () => new DOMWrapper(document.body)

describe('MyFindingsPage reconciliation', () => {
  it('offers confirm and dispute only while the round is reconciling, as the status allows', async () => {
    const { wrapper, calls } = mountPage()
    await flushPromises()
    expect(calls[0]).toMatchObject({ operationName: 'MyFindings', variables: { orgId: 3 } })
    // The reconciling round comes first.
    expect(wrapper.findAll('[data-round-id]').map((r) => r.attributes('data-round-id'))).toEqual(['12', '11'])
    const actions = (id: number) => wrapper.findAll(`[data-finding-id="${id}"] [data-action]`).map((b) => b.attributes('data-action'))
    expect(actions(2)).toEqual(['confirm', 'dispute'])
    // A disputed finding may still be confirmed (the org drops its dispute), not disputed again.
    expect(actions(3)).toEqual(['confirm'])
    expect(actions(1)).toEqual([])
    expect(wrapper.text()).toContain('待核对 1 条')
  })

  it('requires a reason to dispute, then sends it and reloads the list', async () => {
    const { wrapper, calls } = mountPage()
    await flushPromises()
    await wrapper.get('[data-finding-id="2"] [data-action="dispute"]').trigger('click')
    await flushPromises()

    const form = body().get('form.dialog-form')
    await form.trigger('submit')
    await flushPromises()
    expect(body().text()).toContain('请填写异议理由')
    expect(calls.some((c) => c.operationName === 'DisputeFinding')).toBe(false)

    const reason = body().get('textarea')
    ;(reason.element as HTMLTextAreaElement).value = '  该次会议记录已在档案盒中，现场未调阅  '
    await reason.trigger('input')
    await body().get('form.dialog-form').trigger('submit')
    await flushPromises()

    const dispute = calls.find((c) => c.operationName === 'DisputeFinding')
    expect(dispute?.variables).toEqual({ id: 2, reason: '该次会议记录已在档案盒中，现场未调阅' })
    expect(calls.filter((c) => c.operationName === 'MyFindings')).toHaveLength(2)
    wrapper.unmount()
  })
})
