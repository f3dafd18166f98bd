import { required } from '@redblue/scoring'
import type { Sample } from './measure'

export interface Figures {
  ms: number
  /** First contentful paint of a load; null for a change inside the app. */
  paintMs: number | null
  requests: number
  jsKb: number
  cssKb: number
  totalKb: number
  offMachine: number
}

export interface ScreenResult {
  name: string
  cold: Figures
  warm: Figures | null
}

export const LIMIT = 'plain sign-in form (the limit)'

/** Goals as ratios to the plain page's cold load in the same run (machines here are shared). */
export const GOALS = {
  'sign-in (password field)': 2,
  'home after sign-in (from the click)': 3,
  'dashboard (every chart drawn)': 4,
  'drill-down to a finding': 4,
  'workbench (live score)': 4,
  'route change home → ledger (warm cache)': 1,
} as Record<string, number>
/** Compressed JavaScript the sign-in page may transfer. */
export const SIGN_IN_JS_KB = 120

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const upper = required(sorted[mid], 'a sample')
  return sorted.length % 2 ? upper : (required(sorted[mid - 1], 'a sample') + upper) / 2
}

function figures(samples: Sample[]): Figures {
  const kb = (pick: (s: Sample) => number) => Math.round((median(samples.map(pick)) / 1024) * 10) / 10
  return {
    ms: Math.round(median(samples.map((s) => s.ms))),
    paintMs: samples.every((s) => s.paintMs !== null) ? Math.round(median(samples.map((s) => s.paintMs ?? 0))) : null,
    requests: median(samples.map((s) => s.requests)),
    jsKb: kb((s) => s.jsBytes),
    cssKb: kb((s) => s.cssBytes),
    totalKb: kb((s) => s.totalBytes),
    offMachine: Math.max(...samples.map((s) => s.offMachine)),
  }
}

export function summarise(name: string, cold: Sample[], warm: Sample[]): ScreenResult {
  return { name, cold: figures(cold), warm: warm.length ? figures(warm) : null }
}

export function printReport(
  results: ScreenResult[],
  machine: { cpus: number; cpuModel: string; loadBefore: number[]; loadAfter: number[]; chromium: string; network: string },
  runs: number,
) {
  const limit = required(results.find((r) => r.name === LIMIT), `the result of ${LIMIT}`).cold.ms
  const ratio = (ms: number) => Math.round((ms / limit) * 100) / 100
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ')
  console.log(
    `\n${machine.cpus} × ${machine.cpuModel}, Chromium ${machine.chromium}, network ${machine.network}; load average ${load(machine.loadBefore)} before, ${load(machine.loadAfter)} after; median of ${runs}\n`,
  )
  const head = `${'screen'.padEnd(42)}${'cold ms'.padStart(8)}${'× limit'.padStart(9)}${'warm ms'.padStart(9)}${'× limit'.padStart(9)}${'paint'.padStart(7)}${'reqs'.padStart(6)}${'JS KB'.padStart(8)}${'CSS KB'.padStart(8)}${'all KB'.padStart(8)}`
  console.log(head)
  console.log('─'.repeat(head.length))
  for (const r of results) {
    console.log(
      `${r.name.padEnd(42)}${String(r.cold.ms).padStart(8)}${ratio(r.cold.ms).toFixed(2).padStart(9)}${(r.warm ? String(r.warm.ms) : '').padStart(9)}${(r.warm ? ratio(r.warm.ms).toFixed(2) : '').padStart(9)}${(r.cold.paintMs === null ? '' : String(r.cold.paintMs)).padStart(7)}${String(r.cold.requests).padStart(6)}${r.cold.jsKb.toFixed(1).padStart(8)}${r.cold.cssKb.toFixed(1).padStart(8)}${r.cold.totalKb.toFixed(1).padStart(8)}`,
    )
  }

  const goals: { goal: string; value: string; met: boolean }[] = []
  for (const [name, max] of Object.entries(GOALS)) {
    const r = results.find((x) => x.name === name)
    if (!r) continue
    goals.push({ goal: `${name} ≤ ${max}× limit`, value: `${ratio(r.cold.ms).toFixed(2)}×`, met: ratio(r.cold.ms) <= max })
  }
  // The page's scripts are asked for once the form is drawn: counted until the app runs.
  const signIn = results.find((r) => r.name === 'sign-in (the app running)')
  if (signIn) {
    goals.push({ goal: `sign-in JS ≤ ${SIGN_IN_JS_KB} KB transferred (compressed bodies)`, value: `${signIn.cold.jsKb} KB`, met: signIn.cold.jsKb <= SIGN_IN_JS_KB })
  }
  const offMachine = Math.max(...results.flatMap((r) => [r.cold.offMachine, r.warm?.offMachine ?? 0]))
  goals.push({ goal: 'requests off the machine = 0', value: String(offMachine), met: offMachine === 0 })
  console.log('\ngoals (ratios of the cold load to the limit in this run):')
  for (const g of goals) console.log(`  ${g.met ? 'met    ' : 'NOT MET'}  ${g.goal.padEnd(56)} ${g.value}`)
  console.log(`${goals.filter((g) => g.met).length} of ${goals.length} goals met`)
  return { limitMs: limit, results: results.map((r) => ({ ...r, ratio: ratio(r.cold.ms), warmRatio: r.warm ? ratio(r.warm.ms) : null })), goals }
}
