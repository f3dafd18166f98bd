import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptedCodings, serveStatic } from '../src/http/static'

/**
 * The built SPA as the one-port server sends it: the precompressed copy the browser accepts, with
 * `Content-Encoding` and `Vary`, immutable hashed assets and a revalidated index.html. Raw
 * node:http requests, so the bytes on the wire are checked, not what a client decoded.
 */

const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: '支部 ${i}' }`).join(', ')}]\n`
const INDEX = `<!doctype html><html><head><title>RedBlue SPA</title></head><body>${'<div id="app"></div>'.repeat(60)}</body></html>`

const SESSION_COOKIE = 'redblue_session'

let dist: string
let server: Server
let port: number

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

function withCopies(path: string, text: string) {
  writeFileSync(path, text)
  writeFileSync(`${path}.br`, brotliCompressSync(Buffer.from(text)))
  writeFileSync(`${path}.gz`, gzipSync(Buffer.from(text)))
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'redblue-static-'))
  mkdirSync(join(dist, 'assets'))
  withCopies(join(dist, 'index.html'), INDEX)
  withCopies(join(dist, 'assets', 'app-abc123.js'), SCRIPT)
  // Below the build's threshold: no copies beside it.
  writeFileSync(join(dist, 'assets', 'tiny-def456.js'), 'export const a = 1\n')
  writeFileSync(join(dist, 'assets', 'logo-0a1b2c.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
  server = createServer((req, res) => void serveStatic(dist, req, res, SESSION_COOKIE))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((done) => server.close(done))
  rmSync(dist, { recursive: true, force: true })
})

describe('compression', () => {
  it('sends the brotli copy to a browser that accepts it, with its own length, and Vary', async () => {
    const res = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(res.headers['content-type']).toContain('text/javascript')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4)
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT)
  })

  it('sends gzip when brotli is not accepted or refused with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8', 'deflate, gzip']) {
      const res = await get('/assets/app-abc123.js', { 'accept-encoding': accept })
      expect(res.headers['content-encoding'], accept).toBe('gzip')
      expect(gunzipSync(res.body).toString()).toBe(SCRIPT)
    }
  })

  it('sends the file itself when nothing usable is accepted, still with Vary', async () => {
    const requests: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
      { 'accept-encoding': '*;q=0' },
    ]
    for (const headers of requests) {
      const res = await get('/assets/app-abc123.js', headers)
      expect(res.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined()
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.body.toString()).toBe(SCRIPT)
    }
  })

  it('reads `*` as every coding not refused by name', () => {
    expect([...acceptedCodings('*')]).toEqual(expect.arrayContaining(['br', 'gzip']))
    expect(acceptedCodings('br;q=0, *').has('br')).toBe(false)
    expect(acceptedCodings('br;q=0, *').has('gzip')).toBe(true)
    expect(acceptedCodings('GZIP ; Q=0.5').has('gzip')).toBe(true)
    expect(acceptedCodings(undefined).size).toBe(0)
  })

  it('compresses index.html and the deep links answered with it', async () => {
    for (const path of ['/', '/index.html', '/rounds/3/findings']) {
      const res = await get(path, { 'accept-encoding': 'br, gzip' })
      expect(res.headers['content-encoding'], path).toBe('br')
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(brotliDecompressSync(res.body).toString()).toBe(INDEX)
    }
  })

  it('sends a file without copies as it is, and images without Vary (nothing to negotiate)', async () => {
    const tiny = await get('/assets/tiny-def456.js', { 'accept-encoding': 'br, gzip' })
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(tiny.body.toString()).toBe('export const a = 1\n')
    const png = await get('/assets/logo-0a1b2c.png', { 'accept-encoding': 'br, gzip' })
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.headers.vary).toBeUndefined()
  })

  it('answers HEAD with the headers of the copy it would send and no body', async () => {
    const res = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(Number(res.headers['content-length'])).toBe(gzipSync(Buffer.from(SCRIPT)).length)
    expect(res.body.length).toBe(0)
  })
})

describe('cache headers', () => {
  it('marks hashed assets immutable for a year', async () => {
    for (const path of ['/assets/app-abc123.js', '/assets/logo-0a1b2c.png']) {
      expect((await get(path, { 'accept-encoding': 'br' })).headers['cache-control'], path).toBe(
        'public, max-age=31536000, immutable',
      )
    }
  })

  it('makes index.html revalidate every time, and a revalidation of the same copy costs a 304', async () => {
    const first = await get('/sign-in', { 'accept-encoding': 'br' })
    expect(first.headers['cache-control']).toBe('no-cache')
    const etag = first.headers.etag
    expect(etag).toBeTruthy()
    const again = await get('/sign-in', { 'accept-encoding': 'br', 'if-none-match': etag! })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.vary).toBe('Accept-Encoding')
    // The gzip copy is another representation: its validator differs, so it is sent in full.
    const gzip = await get('/sign-in', { 'accept-encoding': 'gzip', 'if-none-match': etag! })
    expect(gzip.status).toBe(200)
    expect(gzip.headers.etag).not.toBe(etag)
  })

  it('keeps refusing paths outside the dist folder and answering unknown files 404', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404)
    expect((await get('/..%2f..%2fetc%2fpasswd.txt')).status).toBe(404)
  })
})

describe('answers from memory', () => {
  it('keeps a hashed asset once read, in each coding, and reads everything else anew', async () => {
    withCopies(join(dist, 'assets', 'kept-9f8e7d.js'), SCRIPT)
    const br = await get('/assets/kept-9f8e7d.js', { 'accept-encoding': 'br' })
    const plain = await get('/assets/kept-9f8e7d.js')
    withCopies(join(dist, 'index.html'), INDEX.replace('RedBlue SPA', 'RedBlue SPA, next release'))
    // A hashed name stands for one content: removed or not, the answers already read stay the same.
    for (const suffix of ['', '.br', '.gz']) rmSync(join(dist, 'assets', `kept-9f8e7d.js${suffix}`))
    const brAgain = await get('/assets/kept-9f8e7d.js', { 'accept-encoding': 'br' })
    expect(brAgain.status).toBe(200)
    expect(brAgain.headers['content-encoding']).toBe('br')
    expect(brAgain.headers.etag).toBe(br.headers.etag)
    expect(brotliDecompressSync(brAgain.body).toString()).toBe(SCRIPT)
    expect((await get('/assets/kept-9f8e7d.js')).body.toString()).toBe(plain.body.toString())
    // Never read in gzip: looked up on disk, where it is gone.
    expect((await get('/assets/kept-9f8e7d.js', { 'accept-encoding': 'gzip' })).status).toBe(404)
    // index.html is not hashed: a new release is sent at once.
    const index = await get('/', { 'accept-encoding': 'gzip' })
    expect(gunzipSync(index.body).toString()).toContain('next release')
    withCopies(join(dist, 'index.html'), INDEX)
  })
})

describe('the signed-in index.html', () => {
  // What the admin build writes beside index.html: the same page preloading the layout's scripts.
  const SIGNED_IN = INDEX.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/vendor-abc.js"></head>')
  const signedIn = { 'accept-encoding': 'br', cookie: `theme=dark; ${SESSION_COOKIE}=opaque-token` }

  beforeAll(() => withCopies(join(dist, 'index.signed-in.html'), SIGNED_IN))
  afterAll(() => {
    for (const suffix of ['', '.br', '.gz']) rmSync(join(dist, `index.signed-in.html${suffix}`))
  })

  it('is what a deep link with a session cookie gets, and the page varies by cookie', async () => {
    for (const path of ['/', '/index.html', '/dashboard/assessments/7']) {
      const res = await get(path, signedIn)
      expect(brotliDecompressSync(res.body).toString(), path).toBe(SIGNED_IN)
      expect(res.headers.vary).toBe('Accept-Encoding, Cookie')
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })

  it('is not sent without the session cookie, whatever other cookies there are', async () => {
    const requests: Record<string, string>[] = [{ 'accept-encoding': 'br' }, { 'accept-encoding': 'br', cookie: 'theme=dark; redblue_session_old=x' }]
    for (const headers of requests) {
      const res = await get('/sign-in', headers)
      expect(brotliDecompressSync(res.body).toString()).toBe(INDEX)
      expect(res.headers.vary).toBe('Accept-Encoding, Cookie')
    }
  })

  it('has a validator of its own, so a revalidation never answers 304 for the other copy', async () => {
    const plain = await get('/dashboard', { 'accept-encoding': 'br' })
    const again = await get('/dashboard', { ...signedIn, 'if-none-match': plain.headers.etag! })
    expect(again.status).toBe(200)
    expect(brotliDecompressSync(again.body).toString()).toBe(SIGNED_IN)
  })

  it('leaves assets alone: they do not vary by cookie', async () => {
    const res = await get('/assets/app-abc123.js', signedIn)
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT)
  })
})
