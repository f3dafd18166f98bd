import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError, type Operation } from '@urql/core'
import { classifyError, type ErrorKind } from './errors'
import { API_HEADERS, GRAPHQL_URL } from './http'
import { prefetchExchange } from './prefetch'
import { typenameFreeVariablesExchange } from './typename-free'

export interface ErrorHandlers {
  /** The session is gone (expired, revoked): back to sign-in. */
  onAuthentication: (error: CombinedError, operation: Operation) => void
  /** Someone else saved first; pages that resolve conflicts themselves set `context.handlesConflict`. */
  onConflict: (error: CombinedError, operation: Operation) => void
  onError: (error: CombinedError, kind: ErrorKind, operation: Operation) => void
}

declare module '@urql/core' {
  interface OperationContext {
    /** The caller shows its own conflict resolution; skip the global message. */
    handlesConflict?: boolean
    /** The caller shows errors itself. */
    silent?: boolean
  }
}

export function errorExchange(handlers: ErrorHandlers) {
  return mapExchange({
    onError(error, operation) {
      const kind = classifyError(error)
      // A prefetch goes out before the session and role checks have answered: "signed out" and
      // "not allowed" are for those checks to act on, not for a message.
      if (operation.context.prefetch && (kind === 'authentication' || kind === 'forbidden')) return
      if (kind === 'authentication') handlers.onAuthentication(error, operation)
      else if (kind === 'conflict' && !operation.context.handlesConflict) handlers.onConflict(error, operation)
      else if (kind !== 'conflict' && !operation.context.silent) handlers.onError(error, kind, operation)
    },
  })
}

export function createApiClient(handlers: ErrorHandlers, url = GRAPHQL_URL, fetchFn?: typeof fetch) {
  return new Client({
    url,
    ...(fetchFn ? { fetch: fetchFn } : {}),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ credentials: 'include', headers: { ...API_HEADERS } }),
    exchanges: [errorExchange(handlers), typenameFreeVariablesExchange(), prefetchExchange(), cacheExchange, fetchExchange],
  })
}
