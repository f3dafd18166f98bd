import { randomUUID } from 'node:crypto'
import { GraphQLError, Kind, type DocumentNode } from 'graphql'
import type { Plugin, YogaLogger } from 'graphql-yoga'
import type { Logger } from 'pino'
import type { Context } from '../context'
import { requestDuration } from '../metrics'

/**
 * One log line and one duration sample per request: request id, user id, operation name,
 * duration and outcome. Only names and codes are recorded — never bodies, variables, headers or
 * cookies — so nothing a person typed as a secret can reach the log.
 */
interface RequestState {
  id: string
  started: number
  operation: string | null
  userId: number | null
  outcome: string | null
}

const states = new WeakMap<Request, RequestState>()
/** An id the proxy passed on (nginx `$request_id`), if it looks like one. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/
/** Client-chosen names are labels of a metric: a bounded set keeps Prometheus' series bounded. */
const MAX_OPERATION_LABELS = 500
const seenOperations = new Set<string>()

function operationLabel(name: string): string {
  if (seenOperations.has(name)) return name
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other'
  seenOperations.add(name)
  return name
}

function operationOf(document: DocumentNode, requested: string | null | undefined): string {
  if (requested) return OPERATION_NAME.test(requested) ? requested : 'invalid'
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      return definition.name?.value ?? `anonymous ${definition.operation}`
    }
  }
  return 'invalid'
}

/** Plain routes are named by method and first path segment (`GET /files`), never by ids. */
function routeOf(request: Request, url: URL): string {
  const segment = url.pathname.split('/')[1] ?? ''
  return `${request.method} /${/^[a-z-]{1,20}$/.test(segment) ? segment : ''}`
}

function errorOutcome(errors: readonly GraphQLError[] | undefined): string {
  if (!errors?.length) return 'ok'
  const code = errors[0]?.extensions?.code
  // Our errors carry a code; one without is unexpected (yoga masks it after this hook runs).
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'INTERNAL_SERVER_ERROR'
}

export function useRequestLog(logger: Logger): Plugin<Context> {
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id')
      states.set(request, {
        id: given && REQUEST_ID.test(given) ? given : randomUUID(),
        started: performance.now(),
        operation: null,
        userId: null,
        outcome: null,
      })
    },
    onExecute({ args }) {
      const state = states.get(args.contextValue.request)
      if (!state) return
      state.operation = operationOf(args.document as DocumentNode, args.operationName as string | null | undefined)
      state.userId = args.contextValue.user?.id ?? null
      return {
        onExecuteDone({ result }) {
          if ('errors' in result) state.outcome = errorOutcome(result.errors)
        },
      }
    },
    onResponse({ request, response }) {
      const state = states.get(request)
      if (!state) return
      states.delete(request)
      const url = new URL(request.url)
      const durationMs = Math.round((performance.now() - state.started) * 10) / 10
      const isGraphql = url.pathname === '/graphql'
      const operation = isGraphql ? (state.operation ?? 'invalid') : routeOf(request, url)
      const outcome =
        response.status >= 500
          ? (state.outcome ?? `HTTP_${response.status}`)
          : (state.outcome ?? (response.status >= 400 ? `HTTP_${response.status}` : 'ok'))
      response.headers.set('x-request-id', state.id)
      requestDuration.observe(
        { operation: isGraphql ? operationLabel(operation) : operation, outcome },
        durationMs / 1000,
      )
      const line = {
        reqId: state.id,
        userId: state.userId,
        operation,
        method: request.method,
        path: url.pathname,
        status: response.status,
        durationMs,
        outcome,
      }
      if (response.status >= 500) logger.error(line, 'request failed')
      else logger.info(line, 'request')
    },
  }
}

/** An error with what it wraps: the stack worth reading is the original one. */
function errorFields(value: unknown): Record<string, unknown> {
  if (value instanceof GraphQLError) {
    return {
      err: value.originalError ?? value,
      graphqlPath: value.path?.join('.'),
      message: value.message,
    }
  }
  return value instanceof Error ? { err: value } : { detail: String(value) }
}

/** Yoga's own messages (unexpected errors, with their stack) go into the same JSON log. */
export function yogaLogger(logger: Logger): YogaLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args
      if (typeof first === 'string') logger[level]({ detail: rest.map(String) }, first)
      else logger[level](errorFields(first), level === 'error' ? 'unexpected error' : 'yoga')
    }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
