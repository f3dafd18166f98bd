import type { SqlQuery } from '@prisma/driver-adapter-utils'

/** Statements PostgreSQL can keep prepared: plain queries, not utility commands (SET, BEGIN, …). */
const PREPARABLE = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i

export interface StatementNameOptions {
  /** Most statements given a name, so no pooled connection keeps more prepared. */
  max?: number
  /** Texts remembered as seen once, to name a text only when it comes back (then forgotten). */
  maxSeen?: number
}

/**
 * Names for the PostgreSQL adapter's statements (its `statementNameGenerator`): a statement
 * with a name is parsed, and after its first executions planned, once per pooled connection
 * instead of on every request: unnamed, a category ranking's statement is planned on every run,
 * ≈ 1.2 ms beside its ≈ 11.5 ms of execution on the provincial bench dataset
 * (bench/README.md).
 *
 * A text is named when it comes a second time, so one-off texts (a literal built into the SQL, an
 * `IN` list of a new length) are never kept on the server; at most `max` texts are named, so a
 * connection holds at most that many prepared statements. The same text always gets the same
 * name in this process, which `pg` requires of a connection. Plain queries only: utility
 * commands such as `SET TRANSACTION SNAPSHOT '…'` differ on every call.
 *
 * PostgreSQL plans a prepared statement's first five runs with their values and keeps a generic
 * plan only if it is estimated no costlier than those (`plan_cache_mode` auto), so a statement
 * whose best plan depends on its values goes on being planned per run.
 *
 * Process-local and safe to lose: another replica has its own connections, and a new
 * connection prepares again on first use.
 */
export function statementNames(options: StatementNameOptions = {}): (query: SqlQuery) => string {
  const max = options.max ?? 500
  const maxSeen = options.maxSeen ?? 5000
  const names = new Map<string, string>()
  let seen = new Set<string>()
  return (query) => {
    const named = names.get(query.sql)
    if (named !== undefined) return named
    if (names.size < max && PREPARABLE.test(query.sql)) {
      if (seen.has(query.sql)) {
        const name = `redblue_${names.size}`
        names.set(query.sql, name)
        seen.delete(query.sql)
        return name
      }
      if (seen.size >= maxSeen) seen = new Set()
      seen.add(query.sql)
    }
    // No name: `pg` sends the text as an unnamed statement, parsed and planned for this run only.
    return undefined as unknown as string
  }
}
