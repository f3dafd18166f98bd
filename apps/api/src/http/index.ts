import type { PrismaClient } from '@redblue/db'
import type { Plugin } from 'graphql-yoga'
import type { ApiConfig } from '../config'
import { isDatabaseUnavailable } from '../unavailable'
import { boardRoutes } from './board'
import { fileRoutes } from './files'
import { opsRoutes } from './ops'
import { sessionUser, textResponse, type Route } from './route'

/**
 * Mounts the plain HTTP routes on a Yoga instance (board page, widget script, downloads).
 * `server.ts` forwards the same prefixes (`HTTP_PREFIXES`) to the API instead of the SPA.
 */
export const HTTP_PREFIXES = ['/board', '/files/'] as const
/** Probes (ops.ts): exact paths. */
const OPS_PATHS = new Set(['/ready', '/metrics'])

export function isHttpRoute(path: string): boolean {
  return path === '/board' || OPS_PATHS.has(path) || HTTP_PREFIXES.some((prefix) => path.startsWith(prefix === '/board' ? '/board/' : prefix))
}

const ROUTES: Route[] = [...boardRoutes, ...fileRoutes, ...opsRoutes]

/** Routes whose responses anyone may read cross-origin (public data, no cookies involved). */
const PUBLIC_PATHS = /^\/board(\/|$)/

export function useHttpRoutes(prisma: PrismaClient, config: ApiConfig): Plugin {
  return {
    /**
     * Yoga's default CORS reflects any Origin with credentials allowed. For these routes that is
     * wrong both ways: the public board should say `*` (no credentials), and the downloads must
     * not be readable by other origins at all, not even same-site ones that carry the cookie.
     */
    onResponse({ request, response }) {
      const path = new URL(request.url).pathname
      if (!ROUTES.some((route) => route.pattern.test(path))) return
      response.headers.delete('access-control-allow-credentials')
      if (PUBLIC_PATHS.test(path)) {
        response.headers.set('access-control-allow-origin', '*')
        response.headers.delete('vary')
      } else {
        response.headers.delete('access-control-allow-origin')
      }
    },
    async onRequest(payload) {
      const { request, url, fetchAPI } = payload
      for (const route of ROUTES) {
        const match = route.pattern.exec(url.pathname)
        if (!match) continue
        const ctx = {
          request,
          url,
          prisma,
          config,
          params: match.slice(1),
          user: sessionUser(prisma, config, request),
          Response: fetchAPI.Response,
        }
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          payload.endResponse(textResponse(ctx, 405, 'Method Not Allowed'))
          return
        }
        let response: Response
        try {
          response = await route.handler(ctx)
        } catch (error) {
          console.error(`${request.method} ${url.pathname} failed`, error)
          // Database down: 503 like GraphQL (test/reliability/faults.test.ts), not a bare 500.
          response = isDatabaseUnavailable(error)
            ? textResponse(ctx, 503, '数据库暂时不可用，请稍后重试')
            : textResponse(ctx, 500, '服务器内部错误')
        }
        payload.endResponse(
          request.method === 'HEAD' ? new fetchAPI.Response(null, { status: response.status, headers: response.headers }) : response,
        )
        return
      }
    },
  }
}
