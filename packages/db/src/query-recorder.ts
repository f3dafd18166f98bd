import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'

export type QueryListener = (sql: string) => void

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>

// Adapters differ in whether transaction control goes through queryRaw (adapter-pg sends COMMIT
// that way, the PGlite adapter does not); leave it out so counts agree on both backends.
const TRANSACTION_CONTROL =
  /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET TRANSACTION)\b/i

/** Wraps an object so that `queryRaw` / `executeRaw` report their SQL before running. */
function reporting<T extends object>(
  target: T,
  onQuery: QueryListener,
  wrapTransactions: boolean,
): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver)
      if (typeof value !== 'function') return value
      const fn = value as (...args: unknown[]) => unknown
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return (query: { sql: string }, ...rest: unknown[]) => {
          if (!TRANSACTION_CONTROL.test(query.sql)) onQuery(query.sql)
          return fn.call(obj, query, ...rest)
        }
      }
      if (prop === 'startTransaction' && wrapTransactions) {
        return async (...args: unknown[]) =>
          reporting((await fn.apply(obj, args)) as Transaction, onQuery, false)
      }
      return fn.bind(obj)
    },
  })
}

/**
 * A driver adapter factory that reports every statement Prisma sends, inside transactions too.
 * Transaction control (BEGIN/COMMIT) is not reported: only the statements Prisma planned.
 */
export function recordingAdapter(
  factory: SqlDriverAdapterFactory,
  onQuery: QueryListener,
): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      if (prop === 'connect') {
        return async () => reporting(await obj.connect(), onQuery, true)
      }
      const value: unknown = Reflect.get(obj, prop, receiver)
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(obj)
        : value
    },
  })
}
