/**
 * Browser benchmark of the SPA: the real server (tsx src/main.ts on a fresh embedded database with
 * the demo data, serving this package's dist/) driven by Debian's Chromium. For each main screen:
 * milliseconds until usable, cold cache (a fresh browser context) and warm (the same context
 * again), with the bytes and requests it took; the median of RUNS rounds, and each time as a
 * ratio to a plain HTML page holding only a sign-in form, loaded from the same server in the same
 * rounds (what the browser itself costs). Writes bench/results/<time>.json.
 *
 *   pnpm --filter @redblue/admin bench            (builds first)
 *   BENCH_RUNS=7 BENCH_PORT=4260                   (defaults: 7 rounds, a free port)
 *   BENCH_NETWORK=wan                              (a branch office's link, see network.ts)
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { required } from '@redblue/scoring'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../e2e/src/browser'
import { startServer } from '../../e2e/src/server'
import { drilldownFindingPath, DEMO_PASSWORD, signInCookie, workbenchPath } from './fixtures'
import { actUsable, clockOnClick, countDrawnCharts, loadScreen, newContext, watchRequests, type Sample } from './measure'
import { networkProfile, openPage } from './network'
import { GOALS, printReport, summarise, type ScreenResult } from './report'
import type { UsableKind } from './usable'

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const PORT = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined
/** How long a person reads home before following a link on it (the warm route change). */
const READ_MS = 2_000

interface Screen {
  name: string
  kind: UsableKind
  path: string
  /** Signed in as (cookie set before the load); null: anonymous. */
  user: 'admin' | 'leader' | 'inspector1' | 'branch1' | null
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('No build: run `pnpm --filter @redblue/admin build` first (or `pnpm --filter @redblue/admin bench`).')
  }
  const network = networkProfile()
  const loadBefore = loadavg()
  const server = await startServer(600_000, PORT)
  let browser: Browser | null = null
  try {
    const base = server.url
    await copyFile(join(BENCH_DIR, 'plain.html'), join(server.dataDir, 'spa', 'bench-plain.html'))
    const cookies = {
      admin: await signInCookie(base, 'admin'),
      leader: await signInCookie(base, 'leader'),
      inspector1: await signInCookie(base, 'inspector1'),
      branch1: await signInCookie(base, 'branch1'),
    }

    const screens: Screen[] = [
      { name: 'plain sign-in form (the limit)', kind: 'plain', path: '/bench-plain.html', user: null },
      { name: 'sign-in (password field)', kind: 'sign-in', path: '/sign-in', user: null },
      { name: 'sign-in (the app running)', kind: 'sign-in-app', path: '/sign-in', user: null },
      { name: 'dashboard (every chart drawn)', kind: 'dashboard', path: '/dashboard', user: 'leader' },
      { name: 'drill-down to a finding', kind: 'drilldown-finding', path: await drilldownFindingPath(base, cookies.leader), user: 'leader' },
      { name: 'workbench (live score)', kind: 'workbench', path: await workbenchPath(base, cookies.inspector1), user: 'inspector1' },
      { name: 'ledger (first page)', kind: 'ledger', path: '/ledger', user: 'admin' },
      { name: 'my rectifications', kind: 'my-rectifications', path: '/my/rectifications', user: 'branch1' },
      { name: 'public board', kind: 'board', path: '/board', user: null },
    ]

    browser = await launchBrowser()
    const b = browser
    const charts = await countCharts(b, base, cookies.leader)

    /** Cold: a fresh context (empty cache). Warm: the same page loaded again. */
    async function coldAndWarm(screen: Screen): Promise<[Sample, Sample]> {
      const context = await newContext(b, base, screen.user ? cookies[screen.user] : null)
      try {
        const page = await openPage(context)
        const arg = { kind: screen.kind, charts }
        const cold = await loadScreen(page, screen.path, arg)
        const warm = await loadScreen(page, screen.path, arg)
        return [cold, warm]
      } finally {
        await context.close()
      }
    }

    /** From the click on 登录 until home is usable; cold, then warm (signed out, same cache). */
    async function homeAfterSignIn(): Promise<[Sample, Sample]> {
      const context = await newContext(b, base, null)
      try {
        const page = await openPage(context)
        const samples: Sample[] = []
        for (let i = 0; i < 2; i++) {
          await context.clearCookies()
          await loadScreen(page, '/sign-in', { kind: 'sign-in', charts })
          // A person takes seconds to type a name and a password, and the page uses them to fetch
          // home's code (router/guards/prefetch.ts): the form is filled once the page is quiet.
          await page.waitForLoadState('networkidle')
          const watch = watchRequests(page)
          await page.locator('input[autocomplete="username"], #sign-in-username').first().fill('admin')
          await page.locator('input[type="password"]').fill(DEMO_PASSWORD)
          await clockOnClick(page, 'button[type="submit"]')
          const home = await actUsable(page, { kind: 'home', charts }, () => page.locator('button[type="submit"]').click())
          samples.push(await watch.sample(home))
        }
        return [required(samples[0], 'the cold sample'), required(samples[1], 'the warm sample')]
      } finally {
        await context.close()
      }
    }

    /** Warm cache: from a click on home's quick link to the ledger until its first page shows. */
    async function routeChange(): Promise<Sample> {
      const context = await newContext(b, base, cookies.admin)
      try {
        const page = await openPage(context)
        await loadScreen(page, '/ledger', { kind: 'ledger', charts })
        await loadScreen(page, '/home', { kind: 'home', charts })
        // A person reads home before reaching for a link, and the page uses that time: while idle it
        // mounts the stylesheets of the other pages' components (layouts/shared-styles.ts).
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(READ_MS)
        // Found before the clock starts: the first lookup puts Playwright's selector engine into
        // the page, a script that takes the main thread for tens of milliseconds.
        const link = page.locator('.links a[href="/ledger"]')
        await link.waitFor()
        const watch = watchRequests(page)
        await clockOnClick(page, 'a[href="/ledger"]')
        return watch.sample(await actUsable(page, { kind: 'ledger', charts }, () => link.click()))
      } finally {
        await context.close()
      }
    }

    // One unmeasured round: the server's caches and the machine's page cache warm up first.
    for (const screen of screens) await coldAndWarm(screen)
    await homeAfterSignIn()

    const samples = new Map<string, { cold: Sample[]; warm: Sample[] }>()
    const add = (name: string, cold: Sample, warm: Sample | null) => {
      const entry = samples.get(name) ?? { cold: [], warm: [] }
      entry.cold.push(cold)
      if (warm) entry.warm.push(warm)
      samples.set(name, entry)
    }
    for (let run = 1; run <= RUNS; run++) {
      // Interleaved: every screen and the limit share each round's machine load.
      for (const screen of screens) {
        const [cold, warm] = await coldAndWarm(screen)
        add(screen.name, cold, warm)
        if (screen.kind === 'sign-in') {
          const [homeCold, homeWarm] = await homeAfterSignIn()
          add('home after sign-in (from the click)', homeCold, homeWarm)
        }
      }
      add('route change home → ledger (warm cache)', await routeChange(), null)
      process.stdout.write(`run ${run}/${RUNS} done\n`)
    }

    const results: ScreenResult[] = [...samples].map(([name, s]) => summarise(name, s.cold, s.warm))
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadBefore,
      loadAfter: loadavg(),
      chromium: browser.version(),
      network: network ? `${network.name}: +${network.latencyMs} ms per request, ${network.downloadMbps}/${network.uploadMbps} Mbit/s` : 'loopback',
    }
    const report = printReport(results, machine, RUNS)
    await mkdir(join(BENCH_DIR, 'results'), { recursive: true })
    const file = join(BENCH_DIR, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    await writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, machine, goalRatios: GOALS, ...report }, null, 2)}\n`)
    console.log(`\nwritten ${file}`)
  } finally {
    await browser?.close().catch(() => undefined)
    await server.stop()
  }
}

/** Chart panels that draw on the leader's dashboard once everything has loaded. */
async function countCharts(browser: Browser, base: string, cookie: string): Promise<number> {
  const context = await newContext(browser, base, cookie)
  try {
    const page = await openPage(context)
    await page.goto('/dashboard', { waitUntil: 'commit' })
    return await countDrawnCharts(page)
  } finally {
    await context.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
