import { describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { createApiClient } from '@/graphql/client'
import prefetchHome from './prefetch'

describe('prefetchHome', () => {
  it('sends the to-dos once, and not again while their answer is cached', async () => {
    const sent: string[] = []
    const fetchFn = vi.fn<typeof fetch>((_url, init) => {
      sent.push((JSON.parse(init?.body as string) as { operationName: string }).operationName)
      const myTodos = { counts: { total: 0 }, items: [] }
      return Promise.resolve(new Response(JSON.stringify({ data: { myTodos } }), { headers: { 'content-type': 'application/json' } }))
    })
    const client = createApiClient({ onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }, 'http://api.test/graphql', fetchFn)
    const route = { query: {} } as unknown as RouteLocationNormalized

    await prefetchHome(route, client)
    expect(sent).toEqual(['MyTodos'])
    await prefetchHome(route, client)
    expect(sent).toEqual(['MyTodos'])
  })
})
