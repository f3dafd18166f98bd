/**
 * Shared pieces of the reliability suite: which database project runs, the measured figures
 * (printed and appended to a JSON file for docs/reliability.md), the merged R12 role table,
 * sessions without argon2, and the classification of a GraphQL answer as "typed error",
 * "success" or "untyped" (a 5xx, a masked error, a stack trace, an error without a code).
 */
import { appendFileSync, mkdirSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PrismaClient } from '@redblue/db'
import { createSession } from '../../src/auth/session'
import type { ApiConfig } from '../../src/config'
import type { Caller } from '../access-matrix'
import type { GqlResult } from '../helpers'

/** 'postgres' when this vitest project runs on a PostgreSQL server, else 'pglite'. */
export const PROJECT: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
export const ON_POSTGRES = PROJECT === 'postgres'

/** Where figures go: $RELIABILITY_REPORT_DIR, else <tmp>/redblue-reliability. */
export const REPORT_DIR =
  process.env.RELIABILITY_REPORT_DIR || join(tmpdir(), 'redblue-reliability')

/**
 * Records a measured figure: printed as one `[reliability]` line (so CI logs carry it) and
 * appended as JSON to `<REPORT_DIR>/figures.jsonl`.
 */
export function reportFigures(part: string, figures: Record<string, unknown>): void {
  const line = { at: new Date().toISOString(), project: PROJECT, part, ...figures }
  console.log(`[reliability] ${PROJECT} ${part}: ${JSON.stringify(figures)}`)
  try {
    mkdirSync(REPORT_DIR, { recursive: true })
    appendFileSync(join(REPORT_DIR, 'figures.jsonl'), `${JSON.stringify(line)}\n`)
  } catch {
    // A read-only temp folder must not fail the suite; the printed line is the record.
  }
}

// ---- the R12 role table (test/**/access-matrix.ts, as test/access.test.ts merges it) ----------

const testDir = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function loadAccessTable(): Promise<Map<string, readonly Caller[]>> {
  const files = readdirSync(testDir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => basename(file) === 'access-matrix.ts',
  )
  const table = new Map<string, readonly Caller[]>()
  for (const file of files) {
    const mod = (await import(join(testDir, file))) as { ACCESS: Record<string, readonly Caller[]> }
    for (const [key, callers] of Object.entries(mod.ACCESS)) table.set(key, callers)
  }
  return table
}

// ---- sessions --------------------------------------------------------------------------------

/** A session cookie for a user straight from the database (a login costs an argon2 verify). */
export async function cookieFor(
  prisma: PrismaClient,
  config: ApiConfig,
  userId: number,
): Promise<string> {
  const { token } = await createSession(prisma, config, userId, {
    ip: '127.0.0.1',
    userAgent: 'reliability',
  })
  return `${config.cookieName}=${token}`
}

export async function userId(prisma: PrismaClient, username: string): Promise<number> {
  return (await prisma.user.findUniqueOrThrow({ where: { username } })).id
}

// ---- outcome classification ------------------------------------------------------------------

/** Codes a client may get for a refused request (README "Conventions for clients"). */
export const TYPED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  // yoga: the document has several operations and none (or an unknown one) was named.
  'OPERATION_RESOLUTION_FAILURE',
  // src/query-limits.ts: over the query cost or the answer size ceiling
  'QUERY_TOO_LARGE',
])

export type Outcome =
  { kind: 'error'; code: string } | { kind: 'success' } | { kind: 'untyped'; why: string }

const STACK_RE = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+|PrismaClient|prisma\.|Invalid `/

/**
 * How a request was answered. A typed error is a top-level error whose every entry has a known
 * `extensions.code`, or a union member of the field with a `code` (`... on AppError { code }`).
 * Anything else that is not a plain success is "untyped": HTTP 5xx, "Unexpected error."
 * (INTERNAL_SERVER_ERROR), an error without a code, or text that looks like a stack trace or a
 * Prisma message.
 */
export function classify(res: GqlResult, field?: string): Outcome {
  const text = JSON.stringify({ data: res.data, errors: res.errors })
  if (res.status >= 500)
    return { kind: 'untyped', why: `HTTP ${res.status}: ${text.slice(0, 300)}` }
  if (STACK_RE.test(text))
    return { kind: 'untyped', why: `stack or internals: ${text.slice(0, 300)}` }
  if (res.errors?.length) {
    for (const e of res.errors) {
      const code = e.extensions?.code
      if (!code || !TYPED_CODES.has(code)) {
        return { kind: 'untyped', why: `code ${code ?? '(none)'}: ${e.message.slice(0, 200)}` }
      }
      // Yoga echoes the client's own malformed JSON as `originalError: { name, message }`;
      // anything with a stack is a leak.
      const original = e.extensions?.originalError as { stack?: unknown } | undefined
      if (e.extensions && ('stacktrace' in e.extensions || original?.stack)) {
        return { kind: 'untyped', why: `error details leaked: ${text.slice(0, 300)}` }
      }
    }
    return { kind: 'error', code: res.errors[0]!.extensions!.code! }
  }
  if (res.status >= 400) return { kind: 'untyped', why: `HTTP ${res.status} without errors` }
  const value: unknown = field ? res.data?.[field] : undefined
  if (value && typeof value === 'object' && '__typename' in value) {
    const typed = value as { __typename: string; code?: string }
    if (typed.__typename === 'ImportReport') {
      const report = value as { applied?: boolean; problems?: unknown[] }
      if (report.applied === false && report.problems?.length) {
        return { kind: 'error', code: 'IMPORT_REPORT_PROBLEMS' }
      }
    }
    if (typed.__typename.endsWith('Error')) {
      return typed.code && TYPED_CODES.has(typed.code)
        ? { kind: 'error', code: typed.code }
        : { kind: 'untyped', why: `${typed.__typename} without a known code` }
    }
  }
  return { kind: 'success' }
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))
