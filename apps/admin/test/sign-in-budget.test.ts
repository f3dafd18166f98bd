// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chunkClosure,
  entryKey,
  pageScripts,
  readManifest,
  routePages,
  SIGN_IN_JS_BUDGET_BYTES,
  transferredBytes,
  type RoutePage,
} from '../build/route-js'
import { print } from 'graphql'
import { SIGNED_IN_HTML } from '../build/signed-in-html'
import { EARLY_SESSION_KEY } from '../src/features/auth/early-session'
import { MeDocument } from '../src/generated/graphql'
import { API_HEADERS, GRAPHQL_URL } from '../src/graphql/http'

/**
 * The sign-in page is what every visit starts with: its JavaScript, as the API sends it
 * (brotli), stays within budget. A change that pulls a large dependency into the entry or the
 * sign-in chunk (every GraphQL document, naive-ui's dark theme, echarts, a date library) fails
 * here. Builds the app for real into a temporary folder.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
let dist: string

/** A route's page module, as src/router/routes.ts declares it. */
function routePage(name: string): RoutePage {
  const route = routePages(root).find((r) => r.name === name)
  if (!route) throw new Error(`No ${name} route in src/router/routes.ts`)
  return route
}
const signInPage = () => routePage('sign-in')

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'redblue-admin-build-'))
  // The production build, as shipped (vitest runs with NODE_ENV=test, which vite would respect).
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ root, mode: 'production', logLevel: 'error', build: { outDir: dist, emptyOutDir: true } })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
}, 600_000)

afterAll(() => {
  rmSync(dist, { recursive: true, force: true })
})

describe('sign-in JavaScript budget', () => {
  it(`stays within ${SIGN_IN_JS_BUDGET_BYTES / 1024} KB as transferred`, () => {
    const files = pageScripts(dist, signInPage())
    const sizes = files.map((file) => [file, transferredBytes(dist, file)] as const).sort((a, b) => b[1] - a[1])
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0)
    const detail = sizes.map(([file, bytes]) => `${(bytes / 1024).toFixed(1)} KB ${file}`).join('\n')
    expect(total, `sign-in loads ${(total / 1024).toFixed(1)} KB:\n${detail}`).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET_BYTES)
  })

  it('carries no message compiler anywhere: the messages come compiled (build/precompiled-messages.ts)', () => {
    const scripts = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js'))
    // The compiler's error domains, string literals a minifier keeps.
    const withCompiler = scripts.filter((file) => /["'`](tokenizer|minifier)["'`]/.test(readFileSync(join(dist, 'assets', file), 'utf8')))
    expect(scripts.length).toBeGreaterThan(20)
    expect(withCompiler).toEqual([])
  })

  it("carries no options API: no component merges options the app and its libraries never declare (vite.config.ts)", () => {
    const scripts = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js'))
    // The options API's first hook, a property name a minifier keeps; nothing else in the bundle names it.
    const withOptionsApi = scripts.filter((file) => readFileSync(join(dist, 'assets', file), 'utf8').includes('beforeCreate'))
    expect(withOptionsApi).toEqual([])
  })

  it('carries only its own GraphQL documents, not the map of all of them', () => {
    const code = pageScripts(dist, signInPage())
      .map((file) => readFileSync(join(dist, file), 'utf8'))
      .join('\n')
    // A document's operation name, however the minifier quotes it.
    const sends = (operation: string) => new RegExp(`value:["'\`]${operation}["'\`]`).test(code)
    // The sign-in mutation is there; documents only other screens send are not, including those a
    // page's data prefetch sends (`meta.data` loads them with the page).
    expect(sends('Login')).toBe(true)
    expect(sends('AuditLogs')).toBe(false)
    expect(sends('RectificationLedger')).toBe(false)
    expect(sends('DashboardOptions')).toBe(false)
  })
})

describe('large components stay with the pages that use them', () => {
  /** Whether a route's scripts carry the date picker: its panel's class name, however minified. */
  const hasDatePicker = (route: string) =>
    pageScripts(dist, routePage(route)).some((file) => readFileSync(join(dist, file), 'utf8').includes('-date-panel'))

  it('the audit log, whose filters pick dates, loads the date picker', () => {
    expect(hasDatePicker('audit-log')).toBe(true)
  })

  // The workbench's pickers are in dialogs and load when wanted (components/lazy/LazyDatePicker.ts).
  it.each(['home', 'dashboard', 'drilldown-finding', 'ledger', 'workbench-assessment'])('%s does not', (route) => {
    expect(hasDatePicker(route)).toBe(false)
  })
})

describe('echarts loads only where a chart is drawn', () => {
  const hasEcharts = (route: string) => pageScripts(dist, routePage(route)).some((file) => /(^|\/)echarts-[\w-]+\.js$/.test(file))

  it('the dashboard loads it', () => {
    expect(hasEcharts('dashboard')).toBe(true)
  })

  // The drill-down's comparison chart is at its org level, loaded with that level alone.
  it.each(['drilldown-finding', 'drilldown-indicator', 'ledger', 'workbench-assessment'])('%s does not', (route) => {
    expect(hasEcharts(route)).toBe(false)
  })
})

describe('a deep link opened with a session', () => {
  /** The scripts a page of the signed-in layout needs beyond the entry's: the layout's closure. */
  function layoutScripts(): string[] {
    const manifest = readManifest(dist)
    const initial = chunkClosure(manifest, entryKey(manifest))
    return [...chunkClosure(manifest, 'src/layouts/BasicLayout.vue')].filter((file) => !initial.has(file))
  }
  const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)"/g)].map((m) => m[1])

  it('gets a page that preloads the layout and the libraries every signed-in page runs', () => {
    const html = readFileSync(join(dist, SIGNED_IN_HTML), 'utf8')
    const wanted = layoutScripts()
    expect(wanted.some((file) => /(^|\/)vendor-[\w-]+\.js$/.test(file))).toBe(true)
    expect(preloads(html)).toEqual(expect.arrayContaining(wanted))
    // It is index.html otherwise: the same entry script (index.html asks for it from its inline script).
    const index = readFileSync(join(dist, 'index.html'), 'utf8')
    for (const tag of index.match(/<(script|link)[^>]*>/g) ?? []) expect(html).toContain(tag)
    const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)?.[1]
    expect(entry).toBeTruthy()
    expect(index).toContain(JSON.stringify(entry))
  })

  describe("index.html asks for the app's scripts from its inline script", () => {
    /** Runs the script after the form as the browser would, with a document that records what is added to the head. */
    function visit(pathname: string) {
      const index = readFileSync(join(dist, 'index.html'), 'utf8')
      const inline = /<script>(\(function\(\)\{var d=document.*?)<\/script>/s.exec(index)?.[1]
      if (!inline) throw new Error('no inline script after the form in index.html')
      const head: Record<string, string>[] = []
      const frames: (() => void)[] = []
      const timers: (() => void)[] = []
      const element = (tagName: string) => ({ tagName, addEventListener: () => undefined, setAttribute: () => undefined })
      const app = { appendChild: () => undefined, querySelector: () => element('form') }
      const document = {
        createElement: element,
        head: { appendChild: (added: Record<string, string>) => head.push({ ...added }) },
        getElementById: (id: string) =>
          id === 'app' ? app : id.startsWith('prerendered-sign-in-') ? { content: { cloneNode: () => ({}) } } : null,
        documentElement: { dataset: { theme: 'light' }, lang: '' },
      }
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page's own inline script, run as the page runs it
      const run = new Function('document', 'location', 'requestAnimationFrame', 'setTimeout', inline) as (...args: unknown[]) => void
      run(document, { pathname }, (f: () => void) => frames.push(f), (f: () => void) => timers.push(f))
      return { head, frames, timers }
    }
    const signedIn = () => readFileSync(join(dist, SIGNED_IN_HTML), 'utf8')
    const asked = (head: Record<string, string>[]) => head.map((element) => `${element.tagName} ${element.src ?? element.href}`)

    it('and no module script or preload in its head: they ran before the first frame and held the form back', () => {
      const index = readFileSync(join(dist, 'index.html'), 'utf8')
      expect(index).not.toContain('<script type="module"')
      expect(index).not.toContain('<link rel="modulepreload"')
    })

    it('on sign-in, in the frame that draws the form: the signed-in copy\'s entry and its preloads, once', () => {
      const { head, frames, timers } = visit('/sign-in')
      expect(head).toEqual([])
      expect(frames).toHaveLength(1)
      frames[0]?.()
      const entry = /<script type="module" crossorigin src="([^"]+)">/.exec(signedIn())?.[1]
      const preloads = [...signedIn().matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1])
      expect(asked(head)).toContain(`script ${entry}`)
      expect(head.find((element) => element.tagName === 'script')).toMatchObject({ type: 'module', crossOrigin: '' })
      // The entry's own preloads (the signed-in copy adds the layout's after them).
      const own = asked(head).filter((line) => line.startsWith('link ')).map((line) => line.slice(5))
      expect(own.length).toBeGreaterThan(0)
      expect(preloads.slice(0, own.length)).toEqual(own)
      for (const timer of timers) timer()
      expect(head.filter((element) => element.tagName === 'script')).toHaveLength(1)
    })

    it('on sign-in in a hidden tab, which draws no frame, after a moment', () => {
      const { head, timers } = visit('/')
      for (const timer of timers) timer()
      expect(asked(head).filter((line) => line.startsWith('script '))).toHaveLength(1)
    })

    it('anywhere else at once', () => {
      const { head, frames } = visit('/ledger')
      expect(frames).toEqual([])
      expect(asked(head).filter((line) => line.startsWith('script '))).toHaveLength(1)
    })
  })

  it('while the page everyone else gets (sign-in) preloads none of them, and asks the API nothing', () => {
    const index = readFileSync(join(dist, 'index.html'), 'utf8')
    for (const file of layoutScripts()) expect(index).not.toContain(file)
    expect(index).not.toContain('fetch(')
  })

  it('index.html shows the sign-in form before any script, in each language and theme; the signed-in copy never', () => {
    const index = readFileSync(join(dist, 'index.html'), 'utf8')
    for (const key of ['zh-CN-light', 'zh-CN-dark', 'en-US-light', 'en-US-dark']) {
      const template = new RegExp(`<template id="prerendered-sign-in-${key}">(.*?)</template>`, 's').exec(index)?.[1] ?? ''
      expect(template).toContain('id="sign-in-password"')
      expect(template).toContain(key.startsWith('zh') ? '登录' : 'Sign in')
    }
    expect(readFileSync(join(dist, SIGNED_IN_HTML), 'utf8')).not.toContain('sign-in-password')
  })

  it('index.html holds the stylesheet itself, so the form waits for no request; the signed-in copy links it', () => {
    const index = readFileSync(join(dist, 'index.html'), 'utf8')
    const signedIn = readFileSync(join(dist, SIGNED_IN_HTML), 'utf8')
    const href = /<link rel="stylesheet" crossorigin href="\/([^"]+)">/.exec(signedIn)?.[1]
    if (!href) throw new Error(`no stylesheet link in ${SIGNED_IN_HTML}`)
    expect(index).not.toContain('rel="stylesheet"')
    expect(index).toContain(`<style>${readFileSync(join(dist, href), 'utf8')}</style>`)
    // Before the form and the script that shows it.
    expect(index.indexOf(`<style>${readFileSync(join(dist, href), 'utf8').slice(0, 40)}`)).toBeLessThan(index.indexOf('id="app"'))
  })

  it('sends the session check as it is parsed: the app\'s own `me` query, ahead of the stylesheet and the entry', async () => {
    const html = readFileSync(join(dist, SIGNED_IN_HTML), 'utf8')
    const inline = /<script>([^<]*fetch\([^<]*)<\/script>/.exec(html)
    if (!inline) throw new Error(`no inline script in ${SIGNED_IN_HTML}`)
    // A classic script after a stylesheet waits for it.
    expect(html.indexOf(inline[0])).toBeLessThan(html.indexOf('rel="stylesheet"'))
    expect(html.indexOf(inline[0])).toBeLessThan(html.indexOf('<script type="module"'))
    // Run as the browser would, with a fetch that records what it is asked.
    const page: Record<string, unknown> = {}
    const sent: [string, RequestInit][] = []
    const fetchStub = (url: string, init: RequestInit) => {
      sent.push([url, init])
      return Promise.resolve({ json: () => Promise.resolve({ data: { me: null } }) })
    }
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page's own inline script, run as the page runs it
    const run = new Function('window', 'fetch', inline[1] ?? '') as (window: object, fetch: typeof fetchStub) => void
    run(page, fetchStub)
    expect(sent).toHaveLength(1)
    const [url, init] = sent[0] ?? []
    expect(url).toBe(GRAPHQL_URL)
    expect(init).toMatchObject({ method: 'POST', credentials: 'include', headers: API_HEADERS })
    expect(JSON.parse(init?.body as string)).toEqual({ operationName: 'Me', query: print(MeDocument), variables: {} })
    await expect(page[EARLY_SESSION_KEY]).resolves.toEqual({ data: { me: null } })
  })
})
