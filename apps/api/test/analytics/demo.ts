/**
 * Shared set-up of the analytics tests on the demo seed: one seeded database per test file, and a
 * statement counter that leaves out the request's session lookup (the same for every request).
 */
import { expect } from 'vitest'
import { ok, useTestApi, type TestApi } from '../helpers'

export function useDemoApi(): TestApi {
  // Seed once per file (the tests only read); never touch the session again after login, so the
  // statements a request makes are only the session lookup plus the query's own.
  return useTestApi({ reset: 'file', config: { sessionTouchMs: 24 * 3600_000 } })
}

export interface Counted<T> {
  data: T
  /** Statements of the query itself (the session lookup subtracted). */
  count: number
  statements: string[]
}

/** Runs a query and counts its statements beyond those of an empty request with the same cookie. */
export async function counted<T>(
  api: TestApi,
  cookie: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Counted<T>> {
  const baseline = await api.db.recordQueries(() => api.gql('{ __typename }', {}, cookie))
  const recorded = await api.db.recordQueries(() => api.gql<T>(query, variables, cookie))
  const data = ok(recorded.result)
  const statements = recorded.statements.slice(baseline.statements.length)
  expect(recorded.statements.slice(0, baseline.statements.length)).toEqual(baseline.statements)
  return { data, count: statements.length, statements }
}
