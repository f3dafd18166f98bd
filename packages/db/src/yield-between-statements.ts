import { setImmediate as nextTurn } from 'node:timers/promises'
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>

/** Wraps an adapter or transaction so that each statement first lets the event loop turn. */
function yielding<T extends object>(target: T, wrapTransactions: boolean): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver)
      if (typeof value !== 'function') return value
      const fn = value as (...args: unknown[]) => Promise<unknown>
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return async (...args: unknown[]) => {
          await nextTurn()
          return fn.apply(obj, args)
        }
      }
      if (prop === 'startTransaction' && wrapTransactions) {
        return async (...args: unknown[]) =>
          yielding((await fn.apply(obj, args)) as Transaction, false)
      }
      return fn.bind(obj)
    },
  })
}

/**
 * The embedded database (PGlite) runs its SQL as WebAssembly inside the API's own thread, and its
 * promises settle as microtasks: a request reading through it never gave the event loop a turn
 * until it finished, so every other request — another user's `{ me }`, a timer, a new connection —
 * waited for it (in the stall test, two clients reading pages of 200 findings in a loop kept a
 * third client's small requests from ever running). Letting the loop turn before each statement
 * interleaves other requests between statements. A PostgreSQL server answers over a socket, which
 * yields by itself.
 */
export function yieldBetweenStatements(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      if (prop === 'connect') return async () => yielding(await obj.connect(), true)
      const value: unknown = Reflect.get(obj, prop, receiver)
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(obj)
        : value
    },
  })
}
