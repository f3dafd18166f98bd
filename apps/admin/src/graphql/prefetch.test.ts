import { describe, expect, it, vi } from 'vitest'
import { gql } from '@urql/core'
import { createApiClient, type ErrorHandlers } from './client'
import { prefetchQuery } from './prefetch'

const Query = gql`
  query Ledger($page: Int!) {
    rectificationLedger(page: $page) {
      total
    }
  }
`

/** A client whose server answers each request when the test says so. */
function setup() {
  const pending: { body: unknown; answer: (body: unknown) => void }[] = []
  const fetchFn = vi.fn<typeof fetch>(
    (_url, init) =>
      new Promise((resolve) => {
        pending.push({
          body: JSON.parse(init?.body as string),
          answer: (body) => resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })),
        })
      }),
  )
  const handlers: ErrorHandlers = { onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }
  const client = createApiClient(handlers, 'http://api.test/graphql', fetchFn)
  const answer = (total: number) => pending.shift()?.answer({ data: { rectificationLedger: { __typename: 'Page', total } } })
  /** What a page's useQuery does: cache-and-network, resolved with its last answer. */
  const pageQuery = (page: number) => {
    const seen: number[] = []
    const subscription = client
      .query(Query, { page }, { requestPolicy: 'cache-and-network' })
      .subscribe((result) => seen.push((result.data as { rectificationLedger: { total: number } }).rectificationLedger.total))
    return { seen, stop: () => subscription.unsubscribe() }
  }
  return { client, fetchFn, handlers, answer, pageQuery, pending }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('prefetchQuery', () => {
  it('lets a page that asks while the prefetch is on its way share its request', async () => {
    const { client, fetchFn, answer, pageQuery } = setup()
    const prefetch = prefetchQuery(client, Query, { page: 1 })
    await tick()
    const page = pageQuery(1)
    await tick()
    expect(fetchFn).toHaveBeenCalledTimes(1)
    answer(17)
    await prefetch
    await tick()
    expect(page.seen).toEqual([17])
    expect(fetchFn).toHaveBeenCalledTimes(1)
    page.stop()
  })

  it("gives a page that asks after the answer came that answer, without asking again, once", async () => {
    const { client, fetchFn, answer, pageQuery } = setup()
    const prefetch = prefetchQuery(client, Query, { page: 1 })
    await tick()
    answer(17)
    await prefetch
    const first = pageQuery(1)
    await tick()
    expect(first.seen).toEqual([17])
    expect(fetchFn).toHaveBeenCalledTimes(1)
    first.stop()
    // Later visits show what is cached and refresh it, as every page does.
    const later = pageQuery(1)
    await tick()
    expect(fetchFn).toHaveBeenCalledTimes(2)
    answer(18)
    await tick()
    expect(later.seen).toEqual([17, 18])
    later.stop()
  })

  it('sends nothing for an answer already cached, and other variables are another request', async () => {
    const { client, fetchFn, answer } = setup()
    const first = prefetchQuery(client, Query, { page: 1 })
    await tick()
    answer(17)
    await first
    expect((await prefetchQuery(client, Query, { page: 1 })).data).toEqual({ rectificationLedger: { __typename: 'Page', total: 17 } })
    expect(fetchFn).toHaveBeenCalledTimes(1)
    void prefetchQuery(client, Query, { page: 2 })
    await tick()
    expect(fetchFn).toHaveBeenCalledTimes(2)
  })

  it('leaves "signed out" and "not allowed" to the guards, and reports other failures', async () => {
    const { client, handlers, pending } = setup()
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR']) {
      const prefetch = prefetchQuery(client, Query, { page: 1 })
      await tick()
      pending.shift()?.answer({ data: null, errors: [{ message: code, extensions: { code } }] })
      await prefetch
    }
    expect(handlers.onAuthentication).not.toHaveBeenCalled()
    expect(handlers.onError).toHaveBeenCalledTimes(1)
  })
})
