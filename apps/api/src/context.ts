import type { IncomingMessage } from 'node:http'
import type { Prisma, PrismaClient } from '@redblue/db'
import type { YogaInitialContext } from 'graphql-yoga'
import { readCookie, resolveSession, type AuthUser } from './auth/session'
import type { ApiConfig } from './config'

export type { AuthUser } from './auth/session'

/** What a transaction callback receives; services take this so they run inside or outside one. */
export type Db = Prisma.TransactionClient

/** Passed by the HTTP adapter (server.ts) or by tests as the third argument of `yoga.fetch`. */
export interface ServerContext {
  req?: IncomingMessage
  /** Tests set the client address directly. */
  ip?: string
}

export interface Context {
  prisma: PrismaClient
  config: ApiConfig
  request: Request
  /** Client address used for login throttling and the audit log. */
  ip: string
  /** Whether the browser reached us over https (decides the cookie's Secure flag in `auto`). */
  secure: boolean
  user: AuthUser | null
  /** Queues a Set-Cookie header for this request's response. */
  setCookie: (header: string) => void
}

/**
 * Set-Cookie headers queued by resolvers, keyed by the request object. A WeakMap entry lives only
 * as long as the request, so this is per-request, not per-process, state.
 */
export const pendingCookies = new WeakMap<Request, string[]>()

function clientIp(config: ApiConfig, request: Request, server: ServerContext): string {
  if (server.ip) return server.ip
  if (config.trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return server.req?.socket.remoteAddress ?? 'unknown'
}

function isSecure(config: ApiConfig, request: Request): boolean {
  if (config.cookieSecure !== 'auto') return config.cookieSecure === 'always'
  if (config.trustProxy && request.headers.get('x-forwarded-proto') === 'https') return true
  return new URL(request.url).protocol === 'https:'
}

export function createContextFactory(prisma: PrismaClient, config: ApiConfig) {
  return async (initial: YogaInitialContext & ServerContext): Promise<Context> => {
    const { request } = initial
    const token = readCookie(request.headers.get('cookie'), config.cookieName)
    const user = token ? await resolveSession(prisma, config, token) : null
    return {
      prisma,
      config,
      request,
      ip: clientIp(config, request, initial),
      secure: isSecure(config, request),
      user,
      setCookie: (header) => {
        const list = pendingCookies.get(request) ?? []
        list.push(header)
        pendingCookies.set(request, list)
      },
    }
  }
}
