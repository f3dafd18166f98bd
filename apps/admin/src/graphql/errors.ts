import type { CombinedError } from '@urql/core'

export type ErrorKind = 'authentication' | 'forbidden' | 'conflict' | 'validation' | 'notFound' | 'network' | 'other'

const CODE_KINDS: Record<string, ErrorKind> = {
  AUTHENTICATION: 'authentication',
  UNAUTHENTICATED: 'authentication',
  FORBIDDEN: 'forbidden',
  CONFLICT: 'conflict',
  VALIDATION: 'validation',
  BAD_USER_INPUT: 'validation',
  NOT_FOUND: 'notFound',
}

/** The most important kind among an operation's errors: an expired session outranks the rest. */
export function classifyError(error: CombinedError): ErrorKind {
  if (error.networkError && error.graphQLErrors.length === 0) {
    const status = (error.response as { status?: number } | undefined)?.status
    return status === 401 ? 'authentication' : 'network'
  }
  const kinds = error.graphQLErrors.map((e) => {
    const code = e.extensions?.code
    return typeof code === 'string' ? (CODE_KINDS[code] ?? 'other') : 'other'
  })
  const order: ErrorKind[] = ['authentication', 'conflict', 'forbidden', 'validation', 'notFound']
  return order.find((kind) => kinds.includes(kind)) ?? 'other'
}

/** The first message worth showing to a user (GraphQL message, else the network error's). */
export function errorMessage(error: CombinedError): string {
  return error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message
}
