import { GraphQLError } from 'graphql'
import { maskError as yogaMaskError } from 'graphql-yoga'

/**
 * While the database is unreachable (PostgreSQL stopped, restarting, out of connections) every
 * request used to fail as HTTP 500 "Unexpected error." — indistinguishable from a bug. Such
 * failures now answer 503 with `extensions.code` SERVICE_UNAVAILABLE and a Retry-After, so the SPA
 * can say "try again shortly"; the API recovers by itself once the database is back (the pool
 * reconnects). Found by test/reliability/faults.test.ts, which stops PostgreSQL under load.
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
])
/** SQLSTATE: connection exceptions, admin/crash shutdown, cannot connect now, too many clients. */
const SQLSTATE = /^(08...|57P0[123]|53300)$/
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'])

interface ErrorLike {
  name?: unknown
  code?: unknown
  message?: unknown
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } }
  originalError?: unknown
  cause?: unknown
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const e = error as ErrorLike
  if (e.name === 'PrismaClientInitializationError') return true
  if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || NODE_CODES.has(e.code)))
    return true
  if (typeof e.code === 'string' && SQLSTATE.test(e.code)) return true
  const cause = e.meta?.driverAdapterError?.cause
  if (typeof cause?.kind === 'string' && ADAPTER_KINDS.has(cause.kind)) return true
  // Other server errors arrive as kind "postgres" with their SQLSTATE.
  if (typeof cause?.code === 'string' && SQLSTATE.test(cause.code)) return true
  if (
    typeof e.message === 'string' &&
    /Connection terminated|connection timeout|not queryable|terminating connection/i.test(e.message)
  )
    return true
  return (
    isDatabaseUnavailable(e.originalError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)
  )
}

/** Yoga's masking, except that an unreachable database becomes a typed 503. */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  if (isDatabaseUnavailable(error)) {
    const located = error instanceof GraphQLError ? error : null
    return new GraphQLError('数据库暂时不可用，请稍后重试', {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: { status: 503, headers: { 'retry-after': '5' } },
      },
    })
  }
  return yogaMaskError(error, message, isDev)
}
