import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import { NSelect } from 'naive-ui'
import type { App } from 'vue'
import { i18n } from '@/plugins/i18n'
import { mountWithApp } from '../../../../test/helpers'
import AuditLogPage from './AuditLogPage.vue'

const users = [
  { __typename: 'User', id: 1, username: 'admin', displayName: '系统管理员' },
  { __typename: 'User', id: 7, username: 'inspector1', displayName: '张伟' },
]
const entry = (id: string, actor: (typeof users)[number]) => ({
  __typename: 'AuditLog',
  id,
  at: '2026-03-10T02:00:00.000Z',
  action: 'finding.create',
  entityType: 'Finding',
  entityId: '12',
  ip: null,
  actor,
  before: null,
  after: null,
})

async function mountPage(locale: 'zh-CN' | 'en-US') {
  const filters: unknown[] = []
  const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(init?.body as string) as { operationName: string; variables: { filter?: { actorId?: number } } }
    let data: unknown = null
    if (body.operationName === 'AuditActors') data = { users }
    if (body.operationName === 'AuditLogs') {
      filters.push(body.variables.filter)
      const actorId = body.variables.filter?.actorId
      data = { auditLogs: [entry('1', users[0]!), entry('2', users[1]!)].filter((e) => actorId === undefined || e.actor.id === actorId) }
    }
    return Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }))
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const wrapper = mountWithApp(AuditLogPage, { global: { plugins: [{ install: (app: App) => installUrql(app, client) }] } })
  i18n.global.locale.value = locale
  await flushPromises()
  const actorFilter = wrapper.findAllComponents(NSelect).find((s) => s.attributes('data-testid') === 'audit-actor-filter')!
  return { wrapper, filters, actorFilter }
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('AuditLogPage', () => {
  it('filters by the person who acted, chosen by name in Chinese', async () => {
    const { wrapper, filters, actorFilter } = await mountPage('zh-CN')
    expect(actorFilter.props('placeholder')).toBe('全部操作人')
    expect(actorFilter.props('options')).toEqual([
      { value: 1, label: '系统管理员（admin）' },
      { value: 7, label: '张伟（inspector1）' },
    ])
    expect(wrapper.text()).toContain('系统管理员')

    actorFilter.vm.$emit('update:value', 7)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(filters.at(-1)).toEqual({ actorId: 7 })
    expect(wrapper.text()).toContain('张伟')
    expect(wrapper.text()).not.toContain('系统管理员')

    // Cleared: everyone again.
    actorFilter.vm.$emit('update:value', null)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(filters.at(-1)).toEqual({})
  })

  it('offers the same filter in English', async () => {
    const { actorFilter } = await mountPage('en-US')
    expect(actorFilter.props('placeholder')).toBe('Anyone')
    expect(actorFilter.props('options')).toContainEqual({ value: 7, label: '张伟 (inspector1)' })
  })
})
