/**
 * Where one screen's time goes: loads it once, cold, in Chromium on the demo data and prints every
 * request as a line of the waterfall (start and end in ms since navigation, what it was, bytes),
 * when the screen became usable, and where the page's main thread spent its time (a sampled CPU
 * profile: per script file, and the busiest functions). For finding the chain behind a slow
 * screen before changing anything; the benchmark (run.ts) is what measures.
 *
 *   pnpm --filter @redblue/admin exec tsx bench/waterfall.ts ledger      (after a build)
 *   PROFILE_OUT=ledger.cpuprofile …   also writes the measured load's CPU profile, which DevTools'
 *                                     Performance panel opens (build with --sourcemap for names)
 *   screens: sign-in dashboard drilldown-finding workbench ledger my-rectifications board
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Request } from 'playwright-core'
import { launchBrowser } from '../../e2e/src/browser'
import { startServer } from '../../e2e/src/server'
import { drilldownFindingPath, signInCookie, workbenchPath } from './fixtures'
import { countDrawnCharts, newContext, openUsable } from './measure'
import { openPage } from './network'
import type { UsableKind } from './usable'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))

const SCREENS: Record<string, { user: string | null; path: (base: string, cookie: string) => Promise<string> | string }> = {
  'sign-in': { user: null, path: () => '/sign-in' },
  dashboard: { user: 'leader', path: () => '/dashboard' },
  'drilldown-finding': { user: 'leader', path: drilldownFindingPath },
  workbench: { user: 'inspector1', path: workbenchPath },
  ledger: { user: 'admin', path: () => '/ledger' },
  'my-rectifications': { user: 'branch1', path: () => '/my/rectifications' },
  board: { user: null, path: () => '/board' },
}

async function main() {
  const kind = (process.argv[2] ?? 'ledger') as UsableKind
  const screen = SCREENS[kind]
  if (!screen) throw new Error(`Unknown screen ${kind}: one of ${Object.keys(SCREENS).join(', ')}`)
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('No build: run `pnpm --filter @redblue/admin build` first.')
  const server = await startServer(600_000, process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined)
  const browser = await launchBrowser()
  try {
    const cookie = screen.user ? await signInCookie(server.url, screen.user) : null
    const path = await screen.path(server.url, cookie ?? '')
    // The dashboard is usable once every chart panel has drawn: counted on the unmeasured load.
    let charts: number | undefined = kind === 'dashboard' ? undefined : 0
    // Once unmeasured, so the server's caches are as warm as in the benchmark's rounds.
    for (const measured of [false, true]) {
      const context = await newContext(browser, server.url, cookie)
      const page = await openPage(context)
      const requests: Request[] = []
      if (measured) page.on('console', (m) => { if (m.text().startsWith('DBG')) console.log(m.text()) })
      page.on('request', (request) => requests.push(request))
      const cdp = await context.newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
      if (charts === undefined) {
        await page.goto(path, { waitUntil: 'commit' })
        charts = await countDrawnCharts(page)
      }
      const usable = await openUsable(page, path, { kind, charts })
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile }
      if (measured) {
        // Requests on the page's own clock (ms since navigation), the clock `usable` is read on.
        const origin = await page.evaluate(() => performance.timeOrigin)
        const lines: string[] = []
        for (const request of requests) {
          const timing = request.timing()
          const sizes = await request.sizes().catch(() => null)
          const start = timing.startTime - origin
          const end = timing.responseEnd >= 0 ? start + timing.responseEnd : NaN
          const url = new URL(request.url())
          const body = request.postData()
          const operation = body ? (/"operationName":"(\w+)"/.exec(body)?.[1] ?? /(query|mutation)\s+(\w+)/.exec(body)?.[2] ?? '') : ''
          lines.push(
            `${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)}  ${request.resourceType().padEnd(10)} ${(sizes ? (sizes.responseBodySize / 1024).toFixed(1) : '?').padStart(6)} KB  ${url.pathname}${operation ? ` ${operation}` : ''}`,
          )
        }
        console.log(lines.join('\n'))
        console.log(`usable at ${usable.ms.toFixed(0)} ms; ${requests.length} requests`)
        printProfile(profile)
        if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile))
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

/** What `Profiler.stop` answers (the Chrome DevTools protocol's Profiler.Profile). */
interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  samples?: number[]
  timeDeltas?: number[]
}

/** Self time per script file and the busiest functions, in ms. */
function printProfile(profile: Profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const byFunction = new Map<string, number>()
  const byFile = new Map<string, number>()
  const deltas = profile.timeDeltas ?? []
  ;(profile.samples ?? []).forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame
    if (!frame) return
    const ms = (deltas[i] ?? 0) / 1000
    const file = frame.url ? (frame.url.split('/').pop() ?? frame.url) : frame.functionName
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
    byFile.set(file, (byFile.get(file) ?? 0) + ms)
  })
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${key}`).join('\n')
  console.log(`\nmain thread, self time per file (program: native work such as parsing, style and layout):\n${top(byFile, 15)}`)
  console.log(`\nbusiest functions:\n${top(byFunction, 20)}`)
  // The same samples over time: per 100 ms of the load, the files the main thread ran.
  const buckets = new Map<number, Map<string, number>>()
  // The profile starts just before the navigation: its clock is the page's within a few ms.
  let at = 0
  ;(profile.samples ?? []).forEach((id, i) => {
    at += (deltas[i] ?? 0) / 1000
    const frame = nodes.get(id)?.callFrame
    if (!frame) return
    const file = frame.url ? (frame.url.split('/').pop() ?? frame.url) : frame.functionName
    const bucket = buckets.get(Math.floor(at / 100)) ?? new Map<string, number>()
    bucket.set(file, (bucket.get(file) ?? 0) + (deltas[i] ?? 0) / 1000)
    buckets.set(Math.floor(at / 100), bucket)
  })
  const from = Number(process.env.WINDOW_FROM ?? 0)
  const to = Number(process.env.WINDOW_TO ?? 0)
  if (to > from) {
    // The busiest functions (with their callers' file) between two moments of the load.
    const inWindow = new Map<string, number>()
    let t = 0
    ;(profile.samples ?? []).forEach((id, i) => {
      t += (deltas[i] ?? 0) / 1000
      const frame = nodes.get(id)?.callFrame
      if (!frame || t < from || t > to) return
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`
      inWindow.set(name, (inWindow.get(name) ?? 0) + (deltas[i] ?? 0) / 1000)
    })
    console.log(`\nbusiest functions ${from}–${to} ms:\n${top(inWindow, 40)}`)
  }
  console.log('\nmain thread over time (ms of each 100 ms):')
  for (const [slot, files] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const parts = [...files].filter(([file]) => file !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 4)
    console.log(`${String(slot * 100).padStart(6)}  ${parts.map(([file, ms]) => `${file} ${ms.toFixed(0)}`).join(', ')}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
