import type { CombinedError, OperationResult } from '@urql/core'
import { discrete } from '@/plugins/discrete'
import { t } from '@/plugins/i18n'

export interface FieldProblem {
  path: string[]
  message: string
  code?: string
}

/** A mutation's failure, from its result union (typed errors) or from top-level errors. */
export interface MutationFailure {
  typename: string
  message: string
  problems: FieldProblem[]
  currentVersion: number | null
  current: unknown
  retryAfterSeconds: number | null
}

type ErrorPayload = {
  __typename?: string
  message?: string
  problems?: FieldProblem[] | null
  currentVersion?: number | null
  current?: unknown
  retryAfterSeconds?: number | null
}

/** The payload is one of the error members of a result union (they all end in "Error"). */
export function failureOf(payload: unknown): MutationFailure | null {
  if (!payload || typeof payload !== 'object') return null
  const p = payload as ErrorPayload
  if (!p.__typename?.endsWith('Error')) return null
  return {
    typename: p.__typename,
    message: p.message ?? t('error.unknown'),
    problems: p.problems ?? [],
    currentVersion: p.currentVersion ?? null,
    current: p.current,
    retryAfterSeconds: p.retryAfterSeconds ?? null,
  }
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: MutationFailure | null }

/**
 * Unwraps a mutation result. Success narrows the union to its non-error members; a typed failure is
 * shown as a message unless `quiet` (the caller shows it beside the fields). Top-level errors were
 * already shown by the client's error exchange.
 */
export function unwrap<D, T>(
  result: OperationResult<D> | { data?: D; error?: CombinedError },
  pick: (data: D) => T,
  options: { quiet?: boolean } = {},
): Outcome<Exclude<T, { __typename?: `${string}Error` }>> {
  if (result.error || !result.data) return { ok: false, failure: null }
  const payload = pick(result.data)
  const failure = failureOf(payload)
  if (failure) {
    if (!options.quiet) {
      if (failure.typename === 'ConflictError') discrete().message.warning(failure.message, { duration: 6000 })
      else discrete().message.error(failure.message)
    }
    return { ok: false, failure }
  }
  return { ok: true, value: payload as Exclude<T, { __typename?: `${string}Error` }> }
}

/** The first problem reported for an argument path such as ['input', 'code'] (or its last part). */
export function problemFor(failure: MutationFailure | null, ...path: string[]): string | null {
  if (!failure) return null
  const key = path.join('.')
  const hit = failure.problems.find((p) => {
    const joined = p.path.join('.')
    return joined === key || joined.endsWith(`.${key}`)
  })
  return hit?.message ?? null
}
