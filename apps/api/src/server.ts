import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { isHttpRoute } from './http'
import type { Api } from './yoga'

/**
 * One port for everything: `/graphql` (and yoga's `/health`) go to the API, every other GET is a
 * file of the built SPA, and unknown paths without a file extension get `index.html` so the SPA's
 * history-mode router can handle deep links (/rounds/3, /board).
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
}

export interface ServerOptions {
  api: Api
  /** Folder of the built SPA (apps/admin/dist); null serves a hint page instead. */
  adminDist: string | null
}

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const path = normalize(join(root, decoded))
  // Never serve outside the dist folder, whatever `..` tricks the path holds.
  if (path !== root && !path.startsWith(root + sep)) return null
  try {
    const info = await stat(path)
    if (info.isFile()) return path
    if (info.isDirectory()) {
      const index = join(path, 'index.html')
      if ((await stat(index).catch(() => null))?.isFile()) return index
    }
  } catch {
    // not found
  }
  return null
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff' })
  res.end(body)
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost')
  let file = await fileAt(root, url.pathname)
  let fallback = false
  if (!file && !extname(url.pathname)) {
    file = await fileAt(root, '/index.html')
    fallback = true
  }
  if (!file) return send(res, 404, 'Not found')

  const isIndex = fallback || file.endsWith(`${sep}index.html`)
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    // Vite's hashed assets never change; index.html must always be revalidated.
    'cache-control': url.pathname.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : isIndex
        ? 'no-cache'
        : 'public, max-age=3600',
  })
  if (req.method === 'HEAD') return res.end()
  createReadStream(file).pipe(res)
}

export function createServer({ api, adminDist }: ServerOptions): Server {
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
    serveStatic(root, req, res).catch(() => send(res, 500, 'Internal error'))
  })
}
