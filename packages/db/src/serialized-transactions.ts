import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>

/** Methods of a transaction that talk to its connection. */
const SERIALIZED = new Set<PropertyKey>(['queryRaw', 'executeRaw', 'commit', 'rollback'])

/**
 * One statement at a time on a transaction's connection. Prisma's query interpreter loads the
 * relations of one query (`include: { a, b }`, the join node) with `Promise.all`; outside a
 * transaction each goes to its own pooled connection, but inside one they all land on the
 * transaction's single `pg` client, which queues them and warns "Calling client.query() when the
 * client is already executing a query" (pg 9 will throw). Upstream: Prisma issue #29407 (a fix is
 * proposed in adapter-pg, not in 7.10). Queued statements ran one by one anyway, so
 * this costs nothing; pool queries outside transactions stay parallel.
 */
function serialized(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve()
  return new Proxy(tx, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver)
      if (typeof value !== 'function') return value
      const fn = value as (...args: unknown[]) => Promise<unknown>
      if (!SERIALIZED.has(prop)) return fn.bind(obj)
      return (...args: unknown[]) => {
        const run = tail.then(() => fn.apply(obj, args))
        // The next statement waits for this one to settle, failed or not.
        tail = run.catch(() => undefined)
        return run
      }
    },
  })
}

export function serializedTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      if (prop === 'connect') {
        return async () => {
          const adapter = await obj.connect()
          return new Proxy(adapter, {
            get(a, p, r) {
              const value: unknown = Reflect.get(a, p, r)
              if (typeof value !== 'function') return value
              const fn = value as (...args: unknown[]) => unknown
              if (p === 'startTransaction') {
                return async (...args: unknown[]) =>
                  serialized((await fn.apply(a, args)) as Transaction)
              }
              return fn.bind(a)
            },
          })
        }
      }
      const value: unknown = Reflect.get(obj, prop, receiver)
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(obj)
        : value
    },
  })
}
