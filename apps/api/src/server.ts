import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { defaultConfig } from './config'
import { isHttpRoute } from './http'
import { serveStatic } from './http/static'
import type { Api } from './yoga'

/**
 * One port for everything: `/graphql` (and yoga's `/health`) go to the API, every other GET is a
 * file of the built SPA, and unknown paths without a file extension get `index.html` so the SPA's
 * history-mode router can handle deep links (/rounds/3, /board); `http/static.ts` serves them.
 */
export interface ServerOptions {
  api: Api
  /** Folder of the built SPA (apps/admin/dist); null serves a hint page instead. */
  adminDist: string | null
  /** The session cookie's name: a deep link opened with one gets the page that preloads more. */
  sessionCookie?: string
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff' })
  res.end(body)
}

export function createServer({ api, adminDist, sessionCookie = defaultConfig().cookieName }: ServerOptions): Server {
  const root = adminDist ? resolve(adminDist) : null
  return createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === '/graphql' || path.startsWith('/graphql/') || path === '/health' || path.startsWith('/files/') || isHttpRoute(path)) {
      void api(req, res)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    if (!root) {
      return send(
        res,
        200,
        '<!doctype html><meta charset="utf-8"><title>RedBlue</title><p>管理端尚未构建：请运行 <code>pnpm start</code>（会先构建 apps/admin）。GraphQL 接口位于 <a href="/graphql">/graphql</a>。</p>',
        'text/html; charset=utf-8',
      )
    }
    serveStatic(root, req, res, sessionCookie).catch(() => send(res, 500, 'Internal error'))
  })
}
