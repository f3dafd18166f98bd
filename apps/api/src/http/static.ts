import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { readCookie } from '../auth/session'

/**
 * The built SPA's files. The admin build writes a brotli (`.br`) and a gzip (`.gz`) copy beside
 * every text asset (apps/admin/vite/precompress.ts); the copy the browser accepts is sent as is,
 * so nothing is compressed per request and a branch office's WAN link carries a fifth of the bytes.
 * Hashed assets are immutable; `index.html` (and every history-mode deep link answered with it)
 * must be revalidated, so a new release is picked up on the next visit.
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

/** Types worth compressing; images and woff2 fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.wasm', '.ttf'])

/** Precompressed copies in order of preference: the file's suffix and its `Content-Encoding`. */
const ENCODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The copy of index.html that also preloads the signed-in layout's scripts, written by the admin
 * build (apps/admin/build/signed-in-html.ts): sent instead of index.html when the request carries
 * a session cookie. Its presence is enough (a stale one costs a download the page after sign-in
 * needs anyway); whether it is valid is the API's business, not worth a database read here.
 */
const SIGNED_IN_INDEX = 'index.signed-in.html'

interface Answer {
  headers: Record<string, string>
  body: Buffer
}

/**
 * Hashed assets never change under their name, so each answer (file and coding) is kept in memory
 * after its first read: a page's twenty-odd script requests then cost no file system calls, which
 * under a page load's CPU contention took the server 100–400 ms each. Read-only and rebuilt by each
 * process from its own files; only files that exist are kept, so the size is the build's.
 */
const assetAnswers = new Map<string, Answer>()

/** Codings the request accepts (RFC 9110 §12.5.3: `q=0` refuses, `*` stands for the rest). */
export function acceptedCodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>()
  const refused = new Set<string>()
  let star = false
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.toLowerCase().split(';').map((p) => p.trim())
    if (!name) continue
    const q = params.find((p) => p.startsWith('q='))
    const zero = q !== undefined && Number(q.slice(2)) === 0
    if (name === '*') star = !zero
    else if (zero) refused.add(name)
    else accepted.add(name)
  }
  if (star) for (const { coding } of ENCODINGS) if (!refused.has(coding)) accepted.add(coding)
  return accepted
}

async function isFile(path: string) {
  return (await stat(path).catch(() => null))?.isFile() ?? false
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
      if (await isFile(index)) return index
    }
  } catch {
    // not found
  }
  return null
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' })
  res.end(body)
}

/** `sessionCookie`: the session cookie's name, whose presence picks the signed-in index.html. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, sessionCookie: string | null = null) {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const accepted = acceptedCodings(req.headers['accept-encoding'])
  const hashed = url.pathname.startsWith('/assets/')
  const key = hashed ? `${root}\0${url.pathname}\0${ENCODINGS.filter(({ coding }) => accepted.has(coding)).map(({ coding }) => coding).join(',')}` : null
  let answer = key ? assetAnswers.get(key) : undefined
  if (!answer) {
    const signedIn = sessionCookie !== null && readCookie(req.headers.cookie ?? null, sessionCookie) !== null
    const found = await answerFor(root, url.pathname, accepted, signedIn)
    if (!found) return send(res, 404, 'Not found')
    answer = found
    if (key) assetAnswers.set(key, answer)
  }
  const { headers, body } = answer
  if (req.headers['if-none-match'] === headers.etag) {
    const notModified = { ...headers }
    delete notModified['content-length']
    res.writeHead(304, notModified)
    return res.end()
  }
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** The file a path names (or index.html for a deep link), in the coding the browser accepts. */
async function answerFor(root: string, pathname: string, accepted: Set<string>, signedIn: boolean): Promise<Answer | null> {
  let file = await fileAt(root, pathname)
  let fallback = false
  if (!file && !extname(pathname)) {
    file = await fileAt(root, '/index.html')
    fallback = true
  }
  if (!file) return null

  const ext = extname(file).toLowerCase()
  const isIndex = fallback || file.endsWith(`${sep}index.html`)
  // With a signed-in copy beside it, the app's index.html depends on the cookie too.
  const signedInIndex = isIndex && file === join(root, 'index.html') ? join(root, SIGNED_IN_INDEX) : null
  const byCookie = signedInIndex !== null && (await isFile(signedInIndex))
  if (byCookie && signedIn && signedInIndex) file = signedInIndex
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    // Vite's hashed assets never change; index.html must always be revalidated.
    'cache-control': pathname.startsWith('/assets/') ? IMMUTABLE : isIndex ? 'no-cache' : 'public, max-age=3600',
  }

  let path = file
  if (COMPRESSIBLE.has(ext)) {
    // The answer depends on Accept-Encoding whichever copy is sent: caches must key on it.
    headers.vary = byCookie ? 'Accept-Encoding, Cookie' : 'Accept-Encoding'
    for (const { coding, suffix } of ENCODINGS) {
      if (accepted.has(coding) && (await isFile(file + suffix))) {
        path = file + suffix
        headers['content-encoding'] = coding
        break
      }
    }
  }
  const [info, body] = await Promise.all([stat(path), readFile(path)])
  headers['content-length'] = String(body.length)
  // Weak validator of the copy sent: a revalidated index.html costs a 304, not the page again.
  headers.etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${headers['content-encoding'] ? `-${headers['content-encoding']}` : ''}"`
  return { headers, body }
}
