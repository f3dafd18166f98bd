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

/**
 * Whether an error is one of the API's own typed refusals, whose message is written for people
 * (see apps/api/src/errors.ts: each carries its code, a validation error its `problems`). Anything
 * else — a variable GraphQL could not coerce, a syntax error, a masked crash — is the program's
 * fault, not the person's, and its text must never reach them.
 */
function isDomainError(error: CombinedError['graphQLErrors'][number]): boolean {
  const ext = error.extensions ?? {}
  switch (ext.code) {
    case 'BAD_USER_INPUT':
      return Array.isArray(ext.problems)
    case 'NOT_FOUND':
      return typeof ext.entityType === 'string'
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
    case 'CONFLICT':
      return true
    default:
      return false
  }
}

type Translate = (key: string) => string

/**
 * The one message shown to a person for a failed operation, in their language where the app
 * knows it: network, permission, not-found and conflict by kind; a typed validation refusal by
 * its own message; anything else as a plain "failed" (and logged for whoever reads the console).
 */
export function userMessage(error: CombinedError, translate: Translate): string {
  const kind = classifyError(error)
  if (kind === 'network') return translate('error.network')
  if (kind === 'forbidden') return translate('error.forbidden')
  if (kind === 'conflict') return translate('error.conflict')
  if (kind === 'notFound') return translate('error.notFound')
  const typed = error.graphQLErrors.find(isDomainError)
  if (typed) return typed.message
  console.error('[api]', error.graphQLErrors.map((e) => e.message).join(' | ') || error.message)
  return translate(kind === 'validation' ? 'error.invalidInput' : 'error.unknown')
}
