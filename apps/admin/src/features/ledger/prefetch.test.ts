import { describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { createApiClient } from '@/graphql/client'
import prefetchLedger from './prefetch'

describe('prefetchLedger', () => {
  it("sends the URL's page of items, and its counts and filter choices only once the items have answered", async () => {
    const sent: { operationName: string; variables: Record<string, unknown> }[] = []
    let answerItems = () => undefined as void
    const itemsAnswered = new Promise<void>((resolve) => (answerItems = resolve))
    const fetchFn = vi.fn<typeof fetch>(async (_url, init) => {
      const body = JSON.parse(init?.body as string) as { operationName: string; variables: Record<string, unknown> }
      sent.push(body)
      if (body.operationName === 'RectificationLedger') await itemsAnswered
      return new Response(JSON.stringify({ data: null }), { headers: { 'content-type': 'application/json' } })
    })
    const client = createApiClient({ onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }, 'http://api.test/graphql', fetchFn)
    const route = { query: { status: 'OPEN' } } as unknown as RouteLocationNormalized

    const done = prefetchLedger(route, client)
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]?.operationName).toBe('RectificationLedger')
    expect(sent[0]?.variables.filter).toMatchObject({ status: 'OPEN' })

    answerItems()
    await done
    expect(sent.map((s) => s.operationName).slice(1).sort()).toEqual(['LedgerFilterOptions', 'RectificationLedgerCounts'])
  })
})
