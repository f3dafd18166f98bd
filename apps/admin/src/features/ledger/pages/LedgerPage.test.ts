import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { session } from '@/store/session'
import { mountWithApp } from '../../../../test/helpers'
import LedgerPage from './LedgerPage.vue'

const LONG_TITLE = '党员发展程序不规范，发展对象培养考察记录缺失，支部委员会审查意见未按要求填写'
const item = {
  __typename: 'Rectification',
  id: 7,
  version: 1,
  source: 'FINDING',
  title: LONG_TITLE,
  measure: '补齐记录',
  responsiblePerson: '张三',
  deadline: '2026-12-31',
  status: 'OPEN',
  colour: 'GREEN',
  overdue: false,
  daysLeft: 25,
  carryOverCount: 0,
  closedAt: null,
  createdAt: '2026-10-01T00:00:00.000Z',
  round: { __typename: 'InspectionRound', id: 6, name: '2026年第4季度', year: 2026, quarter: 4 },
  org: { __typename: 'Organization', id: 14, name: '运检党支部' },
  problemCategory: { __typename: 'ProblemCategory', id: 3, name: '组织建设' },
  finding: null,
  events: [],
}
const page = { __typename: 'RectificationPage', total: 1, items: [item] }
/** The counts' answer: `open` items open, none in any other status or colour. */
const countsOf = (open: number) =>
  Object.fromEntries(
    ['open', 'submitted', 'returned', 'closed', 'green', 'yellow', 'red'].map((key) => [key, { __typename: 'RectificationPage', total: key === 'open' ? open : 0 }]),
  )
const answers: Record<string, unknown> = {
  RectificationLedger: { rectificationLedger: page },
  RectificationLedgerCounts: countsOf(0),
  LedgerFilterOptions: { orgs: [], rounds: [], problemCategories: [] },
}

type Answer = (operationName: string, variables: Record<string, unknown>) => Promise<unknown>

/** The page over a fake API; `answer` gives each query's data (by default `answers`). */
async function mountLedgerWith(answer: Answer) {
  const asked: string[] = []
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const { operationName, variables } = JSON.parse(init?.body as string) as { operationName: string; variables: Record<string, unknown> }
    asked.push(operationName)
    const data = await answer(operationName, variables)
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } })
  })
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/ledger', name: 'ledger', component: LedgerPage }] })
  await router.push('/ledger')
  session.setUser({ id: 1, username: 'admin', displayName: '管理员', role: 'ADMIN', orgId: null, orgName: null, mustChangePassword: false })
  const wrapper = mountWithApp(LedgerPage, { global: { plugins: [router, { install: (app: App) => installUrql(app, client) }] } })
  await flushPromises()
  return { wrapper, asked, router }
}

/** The page over a fake API whose answer to the items is held until `answerItems()`. */
async function mountLedger(held = true) {
  let answerItems = () => undefined as void
  const itemsAnswered = held ? new Promise<void>((resolve) => (answerItems = resolve)) : Promise.resolve()
  const mounted = await mountLedgerWith(async (operationName) => {
    if (operationName === 'RectificationLedger') await itemsAnswered
    return answers[operationName] ?? null
  })
  return { ...mounted, answerItems }
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

  it('cuts long cells to one line and mounts their tooltip only when the pointer reaches them', async () => {
    const { wrapper } = await mountLedger(false)
    await flushPromises()
    const cell = wrapper.findAll('.n-data-table-td').find((td) => td.text() === LONG_TITLE)
    expect(cell).toBeDefined()
    // A popover per cell up front made a page of rows ~100 ms slower to show; one per column
    // title measured the page while it rendered, on every visit.
    const ellipses = () => wrapper.findAllComponents({ name: 'Ellipsis' })
    const inRows = () => ellipses().filter((c) => (c.element as Element).closest('.n-data-table-td'))
    expect(ellipses()).toHaveLength(0)
    expect(wrapper.findAll('.n-data-table-th .n-ellipsis')).toHaveLength(0)

    await cell!.find('.n-ellipsis').trigger('mouseenter')
    expect(inRows()).toHaveLength(1)
    wrapper.unmount()
  })

  it('shows no count from before a filter change, only the counts of the filters now in the URL', async () => {
    let answerRoundCounts = () => undefined as void
    const roundCountsAnswered = new Promise<void>((resolve) => (answerRoundCounts = resolve))
    const { wrapper, asked, router } = await mountLedgerWith(async (operationName, variables) => {
      if (operationName !== 'RectificationLedgerCounts') return answers[operationName] ?? null
      // Every round: 48 open; round 6: 20, answered only when the test says so.
      const roundId = (variables.open as { roundId?: number } | undefined)?.roundId
      if (roundId === 6) await roundCountsAnswered
      return countsOf(roundId === 6 ? 20 : 48)
    })
    const openCount = () => wrapper.find('[data-count-status="OPEN"] b').text()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(openCount()).toBe('48')
    })

    await router.replace('/ledger?round=6')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(asked.filter((name) => name === 'RectificationLedgerCounts')).toHaveLength(2)
    })
    expect(openCount()).toBe('—')

    answerRoundCounts()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(openCount()).toBe('20')
    })
    wrapper.unmount()
  })
})
