import { inStatementLane } from '@redblue/db'
import type { Plugin } from 'graphql-yoga'

/**
 * Each HTTP request is one lane of the embedded database's statement order (`@redblue/db`
 * statement-lanes): a request that has read little — a session lookup, another user's `{ me }` —
 * goes before the queued statements of one that has read much. On PostgreSQL lanes change nothing.
 */
export function useStatementLanes(): Plugin {
  return {
    instrumentation: {
      request: (_payload, wrapped) => inStatementLane(wrapped),
    },
  }
}
