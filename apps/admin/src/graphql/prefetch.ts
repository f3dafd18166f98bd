import {
  makeOperation,
  mapExchange,
  type AnyVariables,
  type Client,
  type DocumentInput,
  type OperationResult,
} from '@urql/core'

declare module '@urql/core' {
  interface OperationContext {
    /** Sent ahead of the page that will ask for it (see `prefetchQuery`). */
    prefetch?: boolean
  }
}

/** How long a prefetched answer counts as the page's own: the page's code loads meanwhile. */
const FRESH_MS = 10_000

/**
 * Lets a page take an answer fetched for it moments before instead of asking again. Pages query
 * with `cache-and-network` (show what is cached, then refresh); for the first query after its
 * prefetch that would send the same request twice, and render the page twice. While the prefetch
 * is still on its way the client already joins the page to it (one request per key in flight).
 */
export function prefetchExchange() {
  const fresh = new Map<number, number>()
  return mapExchange({
    onOperation(operation) {
      if (operation.kind !== 'query' || operation.context.prefetch) return operation
      const until = fresh.get(operation.key)
      if (until === undefined) return operation
      fresh.delete(operation.key)
      if (until < Date.now() || operation.context.requestPolicy !== 'cache-and-network') return operation
      return makeOperation(operation.kind, operation, { ...operation.context, requestPolicy: 'cache-first' })
    },
    onResult(result) {
      const { operation } = result
      if (operation.context.prefetch && result.data && !result.error) fresh.set(operation.key, Date.now() + FRESH_MS)
    },
  })
}

/**
 * Sends a query a page is about to ask for, unless its answer is cached already (the page shows
 * that at once and refreshes it itself). The page's own query, with the same document and
 * variables, then joins this request or takes its answer (`prefetchExchange`).
 */
export async function prefetchQuery<Data, Variables extends AnyVariables>(
  client: Client,
  query: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<OperationResult<Data, Variables>> {
  const cached = client.readQuery(query, variables, { requestPolicy: 'cache-only' })
  if (cached?.data) return cached
  return client.query(query, variables, { requestPolicy: 'network-only', prefetch: true }).toPromise()
}
