/**
 * `/board/widget.js` in a browser-like DOM (happy-dom): it is valid standalone JavaScript, finds
 * the board through its own `src`, leaks one global, renders the published lists, drifts with
 * requestAnimationFrame (bouncing at the viewport edges, pausing on hover), docks, minimises and
 * closes. Animation frames and the data request are driven by hand so every step is deterministic.
 */
import { Script } from 'node:vm'
import { Window } from 'happy-dom'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { useTestApi } from '../helpers'

const api = useTestApi({ reset: 'file' })

const ORIGIN = 'https://redblue.example:8443'
let source = ''
let feed = ''

beforeAll(async () => {
  // The harness seeds in its own beforeAll-registered beforeEach; read what the server serves.
  await api.reset()
  const res = await api.fetch('/board/widget.js')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  source = await res.text()
  feed = await (await api.fetch('/board/data.json')).text()
})

interface WidgetApi {
  loaded: boolean
  boardUrl: string
  dataUrl: string
  element: HTMLElement
  state: () => { mode: string; corner: string; minimised: boolean; closed: boolean; paused: boolean; x: number; y: number }
  drift: () => void
  dock: (corner?: string) => void
  minimise: () => void
  restore: () => void
  close: () => void
}

interface Page {
  window: Window
  widget: () => WidgetApi
  frame: (ms?: number) => void
  pendingFrames: () => number
  requests: string[]
  respond: () => void
  box: () => HTMLElement
  button: (label: string) => HTMLButtonElement
}

const pages: Window[] = []
afterEach(async () => {
  for (const w of pages.splice(0)) await w.happyDOM.close()
})

/** A portal page with the tag, rAF and XHR under test control; the script is then run. */
function portal(attributes: Record<string, string> = {}, options: { reducedMotion?: boolean } = {}): Page {
  const window = new Window({
    url: 'https://portal.example/news/2026/index.html',
    width: 1280,
    height: 720,
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  })
  pages.push(window)
  const document = window.document
  document.body.innerHTML = '<h1>公司门户</h1><p>新闻</p>'
  const tag = document.createElement('script')
  tag.setAttribute('src', `${ORIGIN}/board/widget.js`)
  for (const [k, v] of Object.entries(attributes)) tag.setAttribute(k, v)
  document.body.appendChild(tag)

  let frames: ((t: number) => void)[] = []
  let now = 1000
  const requests: string[] = []
  const pending: { xhr: { readyState: number; status: number; responseText: string; onreadystatechange: (() => void) | null } }[] = []
  const w = window as unknown as Record<string, unknown>
  w.requestAnimationFrame = (cb: (t: number) => void) => {
    frames.push(cb)
    return frames.length
  }
  w.cancelAnimationFrame = () => {
    frames = []
  }
  w.matchMedia = (query: string) => ({ matches: !!options.reducedMotion && query.includes('reduce'), media: query })
  w.XMLHttpRequest = class {
    readyState = 0
    status = 0
    responseText = ''
    onreadystatechange: (() => void) | null = null
    open(method: string, url: string) {
      requests.push(`${method} ${url}`)
    }
    send() {
      pending.push({ xhr: this })
    }
  }

  // Run the served source as-is, the way a browser runs a classic script.
  new Script(source).runInNewContext({ window, document, Math, Number, String, JSON, Date })

  return {
    window,
    widget: () => w.RedBlueBoard as WidgetApi,
    frame: (ms = 16) => {
      now += ms
      const run = frames
      frames = []
      for (const cb of run) cb(now)
    },
    pendingFrames: () => frames.length,
    requests,
    respond: () => {
      for (const { xhr } of pending.splice(0)) {
        xhr.readyState = 4
        xhr.status = 200
        xhr.responseText = feed
        xhr.onreadystatechange?.()
      }
    },
    box: () => (w.RedBlueBoard as WidgetApi).element.shadowRoot!.querySelector('.rbw') as unknown as HTMLElement,
    button: (label) =>
      (w.RedBlueBoard as WidgetApi).element.shadowRoot!.querySelector(`button[aria-label="${label}"]`) as unknown as HTMLButtonElement,
  }
}

describe('widget.js', () => {
  it('is valid standalone JavaScript that references the board', () => {
    expect(() => new Script(source)).not.toThrow()
    expect(source).toContain("'/board/data.json'")
    expect(source).toContain("'/board'")
    expect(source).not.toMatch(/\bimport\b|\brequire\(|https?:\/\//)
  })

  it('is served to any origin and cached briefly', async () => {
    const res = await api.fetch('/board/widget.js', { headers: { origin: 'https://portal.example' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
  })

  it('adds one floating window under one global, linked to the board at its own origin', () => {
    const before = new Set(Object.getOwnPropertyNames(new Window()))
    const page = portal()
    const added = Object.getOwnPropertyNames(page.window).filter((k) => !before.has(k))
    expect(added.filter((k) => !['requestAnimationFrame', 'cancelAnimationFrame', 'matchMedia', 'XMLHttpRequest'].includes(k))).toEqual([
      'RedBlueBoard',
    ])
    const widget = page.widget()
    expect(widget.boardUrl).toBe(`${ORIGIN}/board`)
    expect(page.requests).toEqual([`GET ${ORIGIN}/board/data.json`])
    const hosts = page.window.document.querySelectorAll('[data-redblue-board]')
    expect(hosts).toHaveLength(1)
    const link = widget.element.shadowRoot!.querySelector('a')!
    expect(link.getAttribute('href')).toBe(`${ORIGIN}/board`)
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener')
  })

  it('shows the red and blue lists of each area once the data arrives', () => {
    const page = portal()
    expect(page.box().textContent).toContain('正在加载')
    page.respond()
    const text = page.box().textContent ?? ''
    const data = JSON.parse(feed) as {
      sections: { areaName: string; round: { name: string }; categories: { red: { orgName: string }[]; blue: { orgName: string }[] }[] }[]
    }
    for (const section of data.sections) {
      expect(text).toContain(section.areaName)
      expect(text).toContain(section.round.name)
      for (const c of section.categories) for (const e of [...c.red, ...c.blue]) expect(text).toContain(e.orgName)
    }
    expect(text).toContain('红榜')
    expect(text).toContain('蓝榜')
  })

  it('drifts frame by frame, bounces at the edges and pauses on hover', () => {
    const page = portal({ 'data-speed': '400' })
    const widget = page.widget()
    expect(widget.state().mode).toBe('drift')
    page.frame()
    const xs: number[] = []
    for (let i = 0; i < 300; i++) {
      page.frame(50)
      xs.push(widget.state().x)
    }
    const width = page.window.innerWidth
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThanOrEqual(width)
    const turns = xs.slice(2).filter((x, i) => Math.sign(x - xs[i + 1]!) !== Math.sign(xs[i + 1]! - xs[i]!)).length
    expect(turns).toBeGreaterThan(0)
    expect(page.box().style.left).toBe(`${Math.round(widget.state().x)}px`)

    page.box().dispatchEvent(new page.window.Event('mouseenter') as unknown as Event)
    const held = widget.state()
    expect(held.paused).toBe(true)
    for (let i = 0; i < 10; i++) page.frame(50)
    expect(widget.state().x).toBe(held.x)
    expect(widget.state().y).toBe(held.y)
    page.box().dispatchEvent(new page.window.Event('mouseleave') as unknown as Event)
    page.frame(50)
    page.frame(50)
    expect(widget.state().x).not.toBe(held.x)
  })

  it('docks to a corner, minimises, restores and closes', () => {
    const page = portal()
    const widget = page.widget()
    widget.dock('top-left')
    expect(widget.state().mode).toBe('dock')
    expect(page.box().style.top).toBe('12px')
    expect(page.box().style.left).toBe('12px')
    expect(page.pendingFrames()).toBe(0)

    page.button('最小化').click()
    expect(widget.state().minimised).toBe(true)
    expect(page.box().className).toBe('rbw rbw-min')
    page.button('还原').click()
    expect(widget.state().minimised).toBe(false)

    page.button('恢复漂浮').click()
    expect(widget.state().mode).toBe('drift')
    expect(page.pendingFrames()).toBe(1)

    page.button('关闭').click()
    expect(widget.state().closed).toBe(true)
    expect(page.window.document.querySelector('[data-redblue-board]')).toBeNull()
    expect(page.window.sessionStorage.getItem('redblue-board-closed')).toBe('1')
    page.frame()
    expect(page.pendingFrames()).toBe(0)
  })

  it('starts docked when asked to or when the user prefers reduced motion', () => {
    expect(portal({ 'data-mode': 'dock', 'data-corner': 'bottom-left' }).widget().state()).toMatchObject({
      mode: 'dock',
      corner: 'bottom-left',
    })
    expect(portal({}, { reducedMotion: true }).widget().state().mode).toBe('dock')
  })
})
