import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { session } from '@/store/session'
import { mountWithApp } from '../../../../test/helpers'
import LedgerPage from './LedgerPage.vue'

const page = { __typename: 'RectificationPage', total: 0, items: [] }
const answers: Record<string, unknown> = {
  RectificationLedger: { rectificationLedger: page },
  RectificationLedgerCounts: Object.fromEntries(
    ['open', 'submitted', 'returned', 'closed', 'green', 'yellow', 'red'].map((key) => [key, { __typename: 'RectificationPage', total: 0 }]),
  ),
  LedgerFilterOptions: { orgs: [], rounds: [], problemCategories: [] },
}

/** The page over a fake API whose answer to the items is held until `answerItems()`. */
async function mountLedger() {
  const asked: string[] = []
  let answerItems = () => undefined as void
  const itemsAnswered = new Promise<void>((resolve) => (answerItems = resolve))
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const { operationName } = JSON.parse(init?.body as string) as { operationName: string }
    asked.push(operationName)
    if (operationName === 'RectificationLedger') await itemsAnswered
    return new Response(JSON.stringify({ data: answers[operationName] ?? null }), { headers: { 'content-type': 'application/json' } })
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/ledger', name: 'ledger', component: LedgerPage }] })
  await router.push('/ledger')
  session.setUser({ id: 1, username: 'admin', displayName: '管理员', role: 'ADMIN', orgId: null, orgName: null, mustChangePassword: false })
  const wrapper = mountWithApp(LedgerPage, { global: { plugins: [router, { install: (app: App) => installUrql(app, client) }] } })
  await flushPromises()
  return { wrapper, asked, answerItems }
}

afterEach(() => session.clear())

describe('LedgerPage', () => {
  it('asks for the items first, and for the counts and the filter choices once they have answered', async () => {
    const { wrapper, asked, answerItems } = await mountLedger()
    expect(asked).toEqual(['RectificationLedger'])

    answerItems()
    await flushPromises()
    await flushPromises()
    expect([...asked].sort()).toEqual(['LedgerFilterOptions', 'RectificationLedger', 'RectificationLedgerCounts'])
    wrapper.unmount()
  })
})
