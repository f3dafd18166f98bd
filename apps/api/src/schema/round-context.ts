import type { Context, Db } from '../context'
import { AuthenticationError } from '../errors'
import {
  loadScope,
  SchemeCache,
  warningDaysByYear,
  type Actor,
  type Scope,
} from '../services/workflow'
import { removeFiles } from '../uploads/storage'

/**
 * Glue between the workflow resolvers and the service layer: the actor of the request, one
 * transaction per mutation, and per-request caches (scope, prepared schemes).
 */

export function actorOf(ctx: Context): Actor {
  if (!ctx.user) throw new AuthenticationError()
  return { userId: ctx.user.id, role: ctx.user.role, orgId: ctx.user.orgId, ip: ctx.ip }
}

/** Publication touches every assessment of a round: allow it more than Prisma's 5 s default. */
const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 }

export function inTx<T>(ctx: Context, fn: (tx: Db, actor: Actor) => Promise<T>): Promise<T> {
  const actor = actorOf(ctx)
  return ctx.prisma.$transaction((tx) => fn(tx, actor), TX_OPTIONS)
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
