import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrismaClient } from '@redblue/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../src/server'
import { createApi, CSRF_HEADER } from '../src/yoga'
import { errorCode, ok, useTestApi } from './helpers'

/** HTTP-level protections of the API and the one-port server (SPA + /graphql). */

const api = useTestApi({ seed: 'fixture' })

describe('protection', () => {
  it('refuses GET and multipart requests without the CSRF header; JSON POST and the header pass', async () => {
    const query = encodeURIComponent('{ areas { code } }')
    const bare = await api.fetch(`/graphql?query=${query}`, { method: 'GET' })
    expect(bare.status).toBe(403)
    const withHeader = await api.fetch(`/graphql?query=${query}`, {
      method: 'GET',
      headers: { [CSRF_HEADER]: '1' },
    })
    expect(withHeader.status).toBe(200)

    const form = new FormData()
    form.set('operations', JSON.stringify({ query: 'mutation { logout }' }))
    form.set('map', '{}')
    expect((await api.fetch('/graphql', { method: 'POST', body: form })).status).toBe(403)

    const json = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    })
    expect(json.status).toBe(200)
  })

  it('sends no CORS headers: other origins cannot read API responses', async () => {
    const res = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    const preflight = await api.fetch('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('rejects request bodies over the limit with 413', async () => {
    const small = api.createInstance({ maxBodyBytes: 10_000 })
    const res = await api.fetch(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(20_000) } }),
      },
      {},
      small,
    )
    expect(res.status).toBe(413)
  })

  it('limits depth, aliases and hides field suggestions', async () => {
    const admin = await api.login('admin')
    let deep = 'id'
    for (let i = 0; i < 14; i++) deep = `parent { ${deep} }`
    const tooDeep = await api.gql(`{ orgs { ${deep} } }`, {}, admin)
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth/i)

    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')
    expect((await api.gql(`{ ${aliases} }`, {}, admin)).errors?.[0]?.message).toMatch(/alias/i)

    const typo = await api.gql(`{ mee { id } }`, {}, admin)
    expect(typo.errors?.[0]?.message).not.toMatch(/did you mean/i)
  })

  it('masks unexpected errors but passes domain errors through', async () => {
    const broken = new Proxy({} as PrismaClient, {
      get: (_target, prop) =>
        prop === 'then'
          ? undefined
          : new Proxy(() => undefined, {
              get: () => () =>
                Promise.reject(new Error('secret connection string postgres://u:p@h')),
            }),
    })
    const yoga = createApi({ prisma: broken })
    const res = await api.fetch(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { id } }' }),
      },
      { cookie: 'redblue_session=abc' },
      yoga,
    )
    const body = JSON.stringify(await res.json())
    expect(body).toContain('Unexpected error.')
    expect(body).not.toContain('secret')

    const forbidden = await api.gql(`{ users { id } }`, {}, await api.login('branch1'))
    expect(forbidden.errors?.[0]).toMatchObject({
      message: '无权执行此操作',
      extensions: { code: 'FORBIDDEN', reason: 'ROLE' },
    })
    expect(errorCode(await api.gql(`{ users { id } }`))).toBe('UNAUTHENTICATED')
  })

  it('serves GraphiQL only in development', async () => {
    const html = { method: 'GET', headers: { accept: 'text/html' } }
    expect((await api.fetch('/graphql', html)).headers.get('content-type') ?? '').not.toContain(
      'text/html',
    )
    const dev = api.createInstance({ graphiql: true })
    const res = await api.fetch('/graphql', html, {}, dev)
    expect(res.headers.get('content-type')).toContain('text/html')
  })
})

describe('one-port server', () => {
  let dist: string
  let base: string
  let close: () => Promise<void>

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'redblue-dist-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>RedBlue SPA</title>')
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)')
    writeFileSync(join(tmpdir(), 'redblue-secret.txt'), 'secret')
    const server = createServer({ api: api.yoga, adminDist: dist })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => new Promise((done) => server.close(() => done()))
  })

  afterAll(async () => {
    await close()
    rmSync(dist, { recursive: true, force: true })
  })

  it('serves the SPA with history fallback, hashed assets as immutable, and GraphQL on the same port', async () => {
    const root = await fetch(`${base}/`)
    expect(await root.text()).toContain('RedBlue SPA')
    expect(root.headers.get('cache-control')).toBe('no-cache')

    const deep = await fetch(`${base}/rounds/3/findings`)
    expect(deep.status).toBe(200)
    expect(await deep.text()).toContain('RedBlue SPA')

    const asset = await fetch(`${base}/assets/app-abc123.js`)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404)

    const gql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    })
    expect(await gql.json()).toEqual({ data: { me: null } })
  })

  it('sends GraphQL responses as UTF-8 with their byte length and the media type asked for', async () => {
    // A wrong password's message is Chinese: the body must be its UTF-8 bytes, counted as bytes.
    const body = JSON.stringify({
      query:
        'mutation { login(username: "admin", password: "wrong") { __typename ... on AppError { message } } }',
    })
    for (const [accept, type] of [
      ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
      ['application/json', 'application/json; charset=utf-8'],
    ] as const) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body,
      })
      const bytes = Buffer.from(await res.arrayBuffer())
      expect(res.headers.get('content-type')).toBe(type)
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length)
      const message = (
        JSON.parse(bytes.toString('utf8')) as { data: { login: { message: string } } }
      ).data.login.message
      expect(message).toMatch(/[\u4e00-\u9fff]/)
      expect(bytes.length).toBeGreaterThan(bytes.toString('utf8').length)
    }
    // Strings without a content type keep the Response's own default.
    const plain = new api.yoga.fetchAPI.Response('中文')
    expect(plain.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    expect(await plain.text()).toBe('中文')
  })

  it('never serves files outside the dist folder', async () => {
    for (const path of [
      '/../redblue-secret.txt',
      '/%2e%2e/redblue-secret.txt',
      '/..%2fredblue-secret.txt',
    ]) {
      const res = await fetch(`${base}${path}`)
      expect(await res.text()).not.toContain('secret')
    }
  })

  it('works through a real socket: login cookie round trip', async () => {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { login(username: "admin", password: "RedBlue@2026") { __typename } }',
      }),
    })
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!
    const me = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { username } }' }),
    })
    expect(
      ok((await me.json()) as { data: { me: unknown } } & { status: number; headers: Headers }),
    ).toEqual({ me: { username: 'admin' } })
  })
})
