import type { PrismaClient } from '@redblue/db'
import type { AssessmentScore } from '@redblue/scoring'
import { actorOf, type Actor, loadScope, type Scope } from '../access'
import type { Context, Db } from '../context'
import { NotFoundError } from '../errors'
import { liveScores, SchemeCache, warningDaysByYear } from '../services/workflow'
import { removeFiles } from '../uploads/storage'

/**
 * Glue between the workflow resolvers and the service layer: the actor of the request, one
 * transaction per mutation, and per-request caches (scope, prepared schemes).
 */

/** Publication touches every assessment of a round: allow it more than Prisma's 5 s default. */
const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 }

export function inTx<T>(ctx: Context, fn: (tx: Db, actor: Actor) => Promise<T>): Promise<T> {
  const actor = actorOf(ctx)
  return ctx.prisma.$transaction((tx) => fn(tx, actor), TX_OPTIONS)
}

/**
 * The client a long mutation may read beside its transaction with (`readInSnapshot`): the API's
 * own, when its database is a PostgreSQL server (`config.snapshotReads`); null on PGlite.
 */
export function readerOf(ctx: Context): PrismaClient | null {
  return ctx.config.snapshotReads ? ctx.prisma : null
}

/** Runs a mutation, then deletes the files it released (only once the transaction committed). */
export async function inTxRemovingFiles<T>(
  ctx: Context,
  fn: (tx: Db, actor: Actor) => Promise<{ result: T; removedFiles: string[] }>,
): Promise<T> {
  const { result, removedFiles } = await inTx(ctx, fn)
  await removeFiles(ctx.config.uploads, removedFiles)
  return result
}

const scopes = new WeakMap<Request, Promise<Scope>>()
const schemeCaches = new WeakMap<Request, SchemeCache>()

/** The request's R12 scope, loaded once per request. */
export function scopeOf(ctx: Context): Promise<Scope> {
  let scope = scopes.get(ctx.request)
  if (!scope) {
    scope = loadScope(ctx.prisma, actorOf(ctx))
    scopes.set(ctx.request, scope)
  }
  return scope
}

export function schemeCacheOf(ctx: Context): SchemeCache {
  let cache = schemeCaches.get(ctx.request)
  if (!cache) {
    cache = new SchemeCache(ctx.prisma)
    schemeCaches.set(ctx.request, cache)
  }
  return cache
}

const warningDays = new WeakMap<Request, Promise<Map<number, number>>>()

/** Each year's warning days (R8), loaded once per request. */
export function warningDaysOf(ctx: Context): Promise<Map<number, number>> {
  let days = warningDays.get(ctx.request)
  if (!days) {
    days = warningDaysByYear(ctx.prisma)
    warningDays.set(ctx.request, days)
  }
  return days
}

/** `now` of the request (the config clock, replaceable in tests). */
export function nowOf(ctx: Context): Date {
  return ctx.config.now()
}

const scoreBatches = new WeakMap<Request, Map<number, Promise<AssessmentScore>>>()
const pending = new WeakMap<
  Request,
  Map<number, { resolve: (s: AssessmentScore) => void; reject: (e: unknown) => void }[]>
>()

/**
 * The live score of an assessment, batched per request: every `score` asked for in the same tick
 * (a list of assessments) is loaded with one query and scored by the engine.
 */
export function scoreOf(ctx: Context, assessmentId: number): Promise<AssessmentScore> {
  let cached = scoreBatches.get(ctx.request)
  if (!cached) {
    cached = new Map()
    scoreBatches.set(ctx.request, cached)
  }
  const hit = cached.get(assessmentId)
  if (hit) return hit
  let queue = pending.get(ctx.request)
  if (!queue) {
    const batch = new Map<
      number,
      { resolve: (s: AssessmentScore) => void; reject: (e: unknown) => void }[]
    >()
    queue = batch
    pending.set(ctx.request, batch)
    setImmediate(() => {
      pending.delete(ctx.request)
      liveScores(ctx.prisma, [...batch.keys()], schemeCacheOf(ctx)).then(
        (scores) => {
          for (const [id, waiters] of batch) {
            const score = scores.get(id)
            for (const w of waiters) {
              if (score) w.resolve(score)
              else w.reject(new NotFoundError('Assessment', id, '评分记录不存在'))
            }
          }
        },
        (error: unknown) => {
          for (const waiters of batch.values()) for (const w of waiters) w.reject(error)
        },
      )
    })
  }
  const waiters = queue
  const promise = new Promise<AssessmentScore>((resolve, reject) => {
    const list = waiters.get(assessmentId) ?? []
    list.push({ resolve, reject })
    waiters.set(assessmentId, list)
  })
  cached.set(assessmentId, promise)
  return promise
}
