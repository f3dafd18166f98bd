import { AsyncLocalStorage } from 'node:async_hooks'
import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>

/** One caller's account of database time: a request, with every statement it sends. */
interface Lane {
  usedMs: number
}

const lanes = new AsyncLocalStorage<Lane>()

/**
 * Runs `fn` as one lane: every statement it sends, however deep in its async calls, is accounted
 * to it. The API opens a lane per HTTP request. A statement sent outside any lane (scripts, tests)
 * is a lane of its own.
 */
export function inStatementLane<T>(fn: () => T): T {
  return lanes.run({ usedMs: 0 }, fn)
}

interface Turn {
  lane: Lane
  seq: number
  queuedAt: number
  /** Starts the work; settles when the database is free again. */
  run(): Promise<void>
}

/**
 * The order in which statements reach an embedded database that runs one at a time. PGlite runs
 * its SQL as WebAssembly in the API's own thread and serves statements (and transactions, which
 * hold it from BEGIN to their end) strictly in arrival order, so a small request — another user's
 * `{ me }` — waited behind every statement the heavy requests had queued before it (a page of 200
 * findings queues dozens at once: Prisma loads each relation of each level as its own statement).
 *
 * Here the database gets one statement at a time, and the next is the oldest one of the lane that
 * has used the database least so far (least attained service): a request that has just arrived —
 * whose first statement is its session lookup — goes before the queued statements of one that has
 * been reading for a while, without knowing in advance which requests are heavy; lanes of equal use
 * alternate. A long request is slowed while shorter ones wait — but not starved: statements that
 * have waited `starvedMs` (a second) take every other turn, oldest first, whatever their lane's use,
 * so they advance and a new request waits for at most one of them. (Without the limit a heavy
 * document's statements waited up to 6 s in the stall test; letting all starved statements go first
 * let a heavy document's batch crowd `{ me }` again — with a 300 ms limit the added p95 was 95 ms.)
 *
 * Before each statement the event loop turns: PGlite's promises settle as microtasks, so a request
 * reading through it never let timers, new connections or other requests run until it finished.
 *
 * The order lives in this process and forgets each lane with its request: nothing another replica
 * would need (replicas need a PostgreSQL server anyway; PGlite is one process's database).
 */
class Scheduler {
  private readonly waiting: Turn[] = []
  private running = false
  private seq = 0
  private lastStarved = false

  constructor(private readonly starvedMs: number) {}

  /**
   * Queues `start`, which returns its result and a promise that settles when the database is free
   * again (at once for a statement, at COMMIT or ROLLBACK for a transaction).
   */
  schedule<T>(start: () => Promise<{ value: T; released: Promise<void> }>): Promise<T> {
    const lane = lanes.getStore() ?? { usedMs: 0 }
    const queuedAt = performance.now()
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        lane,
        seq: this.seq++,
        queuedAt,
        run: async () => {
          const startedAt = performance.now()
          try {
            const { value, released } = await start()
            resolve(value)
            await released
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          } finally {
            lane.usedMs += performance.now() - startedAt
          }
        },
      })
      void this.drain()
    })
  }

  private async drain(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      for (;;) {
        await nextTurn()
        const next = this.takeNext()
        if (!next) break
        await next.run()
      }
    } finally {
      this.running = false
    }
  }

  private takeNext(): Turn | undefined {
    const now = performance.now()
    let starved: Turn | undefined
    let least: Turn | undefined
    for (const turn of this.waiting) {
      if (now - turn.queuedAt > this.starvedMs) {
        if (!starved || turn.seq < starved.seq) starved = turn
      } else if (
        !least ||
        turn.lane.usedMs < least.lane.usedMs ||
        (turn.lane.usedMs === least.lane.usedMs && turn.seq < least.seq)
      ) {
        least = turn
      }
    }
    // Starved statements take every other turn: they advance, and a new request still waits for
    // at most one of them.
    const next = starved && (!least || !this.lastStarved) ? starved : least
    this.lastStarved = next === starved
    if (next) this.waiting.splice(this.waiting.indexOf(next), 1)
    return next
  }
}

/**
 * A transaction's own statements go straight to it (it holds the database already), each after a
 * turn of the event loop; its end frees the database, however it ends.
 */
function holding(tx: Transaction, release: () => void): Transaction {
  return new Proxy(tx, {
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
      if (prop === 'commit' || prop === 'rollback') {
        return async (...args: unknown[]) => {
          try {
            return await fn.apply(obj, args)
          } finally {
            release()
          }
        }
      }
      return fn.bind(obj)
    },
  })
}

function scheduled(adapter: SqlDriverAdapter, scheduler: Scheduler): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver)
      if (typeof value !== 'function') return value
      const fn = value as (...args: unknown[]) => Promise<unknown>
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return (...args: unknown[]) =>
          scheduler.schedule(async () => ({
            value: await fn.apply(obj, args),
            released: Promise.resolve(),
          }))
      }
      if (prop === 'startTransaction') {
        // One turn from BEGIN to the end: PGlite queues every other statement behind it anyway.
        return (...args: unknown[]) =>
          scheduler.schedule(async () => {
            let release!: () => void
            const released = new Promise<void>((resolve) => (release = resolve))
            const tx = (await fn.apply(obj, args)) as Transaction
            return { value: holding(tx, release), released }
          })
      }
      return fn.bind(obj)
    },
  })
}

/**
 * An adapter factory whose statements reach the database in lane order (see Scheduler above).
 * For the embedded database only: a PostgreSQL server runs statements side by side on its pooled
 * connections, and its socket lets the event loop turn by itself.
 */
export function statementLanes(
  factory: SqlDriverAdapterFactory,
  options: { starvedMs?: number } = {},
): SqlDriverAdapterFactory {
  const scheduler = new Scheduler(options.starvedMs ?? 1000)
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      if (prop === 'connect') return async () => scheduled(await obj.connect(), scheduler)
      const value: unknown = Reflect.get(obj, prop, receiver)
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(obj)
        : value
    },
  })
}
