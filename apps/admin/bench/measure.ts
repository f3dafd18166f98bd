import type { BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core'
import { usableAt, type Usable, type UsableArg } from './usable'

/** One load of one screen: time until usable and what crossed the wire until then. */
export interface Sample {
  ms: number
  /**
   * The page's first contentful paint, ms since the navigation (a load; null for a change inside the
   * app): the usable check reads the page in the frame that holds the screen, and the browser
   * shows that frame some time later, which this makes visible.
   */
  paintMs: number | null
  requests: number
  jsBytes: number
  cssBytes: number
  totalBytes: number
  /** Requests to any host but this machine (the product runs air-gapped: must stay 0). */
  offMachine: number
}

const TIMEOUT = 60_000
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Records every request of a page from now on. */
export function watchRequests(page: Page) {
  let requests: Request[] = []
  page.on('request', (request) => requests.push(request))
  return {
    /** Forgets what was recorded so far (e.g. the sign-in page before measuring home). */
    reset: () => {
      requests = []
    },
    /**
     * Body bytes as transferred (compressed) per resource type, and request counts, of the requests
     * started until the screen was usable: what it cost to get there. Later ones (the idle
     * prefetch of the next page's code, background refreshes) are not the screen's cost.
     */
    async sample(usable: Usable): Promise<Sample> {
      const seen = requests
      requests = []
      const sample: Sample = { ms: usable.ms, paintMs: null, requests: 0, jsBytes: 0, cssBytes: 0, totalBytes: 0, offMachine: 0 }
      for (const request of seen) {
        if (request.timing().startTime > usable.at) continue
        const url = new URL(request.url())
        if (url.protocol === 'data:' || url.protocol === 'blob:') continue
        sample.requests++
        if (!LOCAL_HOSTS.has(url.hostname)) sample.offMachine++
        // Served from the cache or still in flight: nothing (more) crossed the wire for it.
        const response = await request.response().catch(() => null)
        if (!response) continue
        const sizes = await request.sizes().catch(() => null)
        // -1 for a response served from the memory cache: nothing crossed the wire.
        const bytes = sizes ? Math.max(0, sizes.responseBodySize) : 0
        if (response.fromServiceWorker()) continue
        sample.totalBytes += bytes
        const type = request.resourceType()
        if (type === 'script') sample.jsBytes += bytes
        if (type === 'stylesheet') sample.cssBytes += bytes
      }
      return sample
    },
  }
}

/** What the in-page check writes to the console when the screen is usable (then its JSON). */
const USABLE_MARK = '__bench_usable '

/**
 * The page-side check as a script: `usableAt` on every frame from now until it holds, then the
 * answer on the console. The check runs inside the page, not through Playwright's
 * `waitForFunction`: that one first puts Playwright's selector engine into the page, a script
 * whose compiling and running took ~70 ms of the plain page's ~145 and ~80 of sign-in's ~235 in
 * the middle of their loads (medians of 7, loads measured both ways), the benchmark's cost, not
 * the page's.
 */
function usableScript(arg: UsableArg): string {
  return `(() => {
  const usableAt = ${usableAt.toString()};
  const arg = ${JSON.stringify(arg)};
  const tick = () => {
    const usable = usableAt(arg);
    if (usable) console.debug(${JSON.stringify(USABLE_MARK)} + JSON.stringify(usable));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`
}

/** The in-page check's answer, once it writes one (the page's next document included). */
function usableReported(page: Page): Promise<Usable> {
  return new Promise<Usable>((resolve, reject) => {
    const onConsole = (message: ConsoleMessage) => {
      const text = message.text()
      if (!text.startsWith(USABLE_MARK)) return
      clearTimeout(timer)
      page.off('console', onConsole)
      resolve(JSON.parse(text.slice(USABLE_MARK.length)) as Usable)
    }
    const timer = setTimeout(() => {
      page.off('console', onConsole)
      reject(new Error(`Not usable within ${TIMEOUT / 1000} s: ${JSON.stringify(page.url())}`))
    }, TIMEOUT)
    page.on('console', onConsole)
  })
}

/**
 * Does `act` (a click) and waits until the screen it opens inside the app (no navigation) is usable;
 * the in-page clock's reading at that moment (since `window.__benchStart`). The check is in the
 * page before `act`, so it sees the first frame that holds the screen.
 */
export async function actUsable(page: Page, arg: UsableArg, act: () => Promise<void>): Promise<Usable> {
  const reported = usableReported(page)
  await page.evaluate(usableScript(arg))
  await act()
  return reported
}

/**
 * Opens `url` in the page and waits until its screen is usable: the check is in the page before its
 * first script runs (an init script for this navigation only).
 */
export async function openUsable(page: Page, url: string, arg: UsableArg): Promise<Usable> {
  const script = await page.addInitScript({ content: usableScript(arg) })
  try {
    const reported = usableReported(page)
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT })
    return await reported
  } finally {
    await script.dispose()
  }
}

/**
 * The dashboard's chart panels that draw once everything has loaded (the network quiet and the
 * count steady for a second): what "every chart drawn" means in the demo data.
 */
export async function countDrawnCharts(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle')
  let charts = 0
  for (let steady = 0, tries = 0; steady < 4 && tries < 60; tries++) {
    await page.waitForTimeout(250)
    const arg: UsableArg = { kind: 'dashboard', charts: 0 }
    const usable = await page.evaluate(usableAt, arg)
    const now = usable ? (usable.charts ?? 0) : 0
    steady = now > 0 && now === charts ? steady + 1 : 0
    charts = now
  }
  if (charts === 0) throw new Error('No chart drew on the dashboard: the benchmark has nothing to wait for')
  return charts
}

/** Opens `url` in the page and measures from navigation start until usable. */
export async function loadScreen(page: Page, url: string, arg: UsableArg): Promise<Sample> {
  const watch = watchRequests(page)
  const sample = await watch.sample(await openUsable(page, url, arg))
  return { ...sample, paintMs: await firstContentfulPaint(page) }
}

/** The page's first contentful paint (waiting up to a few seconds for it), or null. */
function firstContentfulPaint(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 5_000)
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0]
          if (!entry) return
          clearTimeout(timer)
          observer.disconnect()
          resolve(entry.startTime)
        }).observe({ type: 'paint', buffered: true })
      }),
  )
}

/** Starts the in-page clock for a change inside the app (no navigation, same document). */
export async function startClock(page: Page) {
  await page.evaluate(() => {
    ;(window as unknown as { __benchStart?: number }).__benchStart = performance.now()
  })
}

/** Marks the in-page clock's start at the moment `selector` is clicked (capture phase). */
export async function clockOnClick(page: Page, selector: string) {
  await page.evaluate((sel) => {
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element | null)?.closest(sel)) {
          ;(window as unknown as { __benchStart?: number }).__benchStart = performance.now()
        }
      },
      { capture: true },
    )
  }, selector)
}

export async function newContext(
  browser: { newContext: (options: object) => Promise<BrowserContext> },
  baseUrl: string,
  cookie: string | null,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  })
  // tsx compiles this file keeping function names (`__name(fn, 'name')`); the functions handed
  // to the page carry those calls with them, so the page gets the helper too.
  await context.addInitScript('globalThis.__name ??= (fn) => fn')
  if (cookie) {
    const split = cookie.indexOf('=')
    await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: baseUrl }])
  }
  return context
}
