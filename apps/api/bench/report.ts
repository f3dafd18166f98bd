/** The results file's shape, the speed goals (bench/README.md) checked against it, and the printed table. */
import { required } from '@redblue/scoring'
import type { SpeedProbe } from './speed'
import type { LoadResult } from './load'
import type { ScenarioResult } from './measure'
import type { BenchOptions, DatasetSize } from './options'

export interface DatasetResult {
  database: string
  size: DatasetSize
  generation: { ms: number; rows: number; counts: Record<string, number>; reused: string }
  publish: { ms: number; statements: number; goalMs: number }
  requests: ScenarioResult[]
  load: LoadResult | null
  loadAverage?: { start: number[]; end: number[] }
}

export interface Goal {
  goal: string
  met: boolean
  detail: string
}

export interface BenchResults {
  startedAt: string
  finishedAt: string
  machine: {
    cpus: number
    cpuModel: string
    memoryGb: number
    loadAverage: { before: number[]; after: number[] }
    /** The machine's speed when the bench started and ended (bench/speed.ts). */
    speed: { before: SpeedProbe; after: SpeedProbe }
    /** CPU steal over the whole run, % (bench/speed.ts); null where it cannot be read. */
    stealPercent: number | null
    node: string
    nodeEnv: string
    /** Absent in results files written before the option was recorded. */
    nodeOptions?: string
    commit: string
    postgres: string
    postgresSettings: Record<string, string>
  }
  options: BenchOptions
  datasets: DatasetResult[]
  goals: Goal[]
}

const P95_GOAL = 50
const RATIO_GOAL = 1.5
const PUBLISH_GOAL_MS = 5000

export function evaluateGoals(results: BenchResults): Goal[] {
  const big = required(results.datasets[results.datasets.length - 1], 'the largest dataset')
  const small =
    results.datasets.length > 1 ? required(results.datasets[0], 'the smallest dataset') : null
  const goals: Goal[] = []
  for (const key of ['ranking', 'trend', 'drilldown']) {
    const r = big.requests.find((x) => x.key === key)
    if (!r) continue
    goals.push({
      goal: `${r.name}: p95 ≤ ${P95_GOAL} ms`,
      met: r.latency.p95 <= P95_GOAL,
      detail: `p95 ${r.latency.p95} ms`,
    })
  }
  for (const key of ['ranking', 'trend']) {
    const r = big.requests.find((x) => x.key === key)
    if (!r || r.ratio === null) continue
    goals.push({
      goal: `${r.name}: API / hand-written SQL ≤ ${RATIO_GOAL}`,
      met: r.ratio <= RATIO_GOAL,
      detail: `${r.latency.p50} ms / ${required(r.reference, `the hand-written SQL figure of ${r.name}`).p50} ms = ${r.ratio}`,
    })
  }
  if (small) {
    const changed = big.requests.filter((r) => {
      const s = small.requests.find((x) => x.key === r.key)
      // Requests for different rows may differ by a statement (a drill-down without findings
      // loads no rectifications); what must not change with the size is the most a request makes.
      return !s || s.statements.max !== r.statements.max
    })
    goals.push({
      goal: `statements per request independent of size (${small.size.orgs} vs ${big.size.orgs} orgs)`,
      met: changed.length === 0,
      detail: changed.length
        ? `differ: ${changed.map((r) => r.name).join(', ')}`
        : 'identical for every request',
    })
  }
  goals.push({
    goal: `publish a ${big.size.orgs}-org round ≤ ${PUBLISH_GOAL_MS / 1000} s`,
    met: big.publish.ms <= PUBLISH_GOAL_MS,
    detail: `${(big.publish.ms / 1000).toFixed(2)} s`,
  })
  if (big.load) {
    goals.push({
      goal: `0 errors under load (${big.load.connections} connections, ${big.load.duration} s)`,
      met: big.load.errors === 0,
      detail: `${big.load.errors} errors in ${big.load.requests} requests`,
    })
  }
  return goals
}

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length)
const lpad = (text: string, width: number) =>
  text.length >= width ? text : ' '.repeat(width - text.length) + text

function statementsText(r: ScenarioResult | undefined): string {
  if (!r) return '–'
  return r.statements.min === r.statements.max
    ? String(r.statements.max)
    : `${r.statements.min}–${r.statements.max}`
}

export function printReport(results: BenchResults): void {
  const big = required(results.datasets[results.datasets.length - 1], 'the largest dataset')
  const small =
    results.datasets.length > 1 ? required(results.datasets[0], 'the smallest dataset') : null
  const m = results.machine
  const s = big.size
  const out: string[] = []
  out.push('')
  out.push(
    `RedBlue bench — ${s.orgs.toLocaleString('en-US')} orgs × ${s.rounds} rounds × ${s.areas} areas, ${s.indicators} indicators/scheme, ~${s.findings} findings/org/round (${big.generation.rows.toLocaleString('en-US')} rows)`,
  )
  out.push(
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB, ${m.postgres}, Node ${m.node}${m.nodeOptions ? ` (${m.nodeOptions})` : ''}; load average ${m.loadAverage.before.join(' / ')} before, ${m.loadAverage.after.join(' / ')} after`,
  )
  const probe = (p: SpeedProbe) => `JS ${p.jsMs} ms, SQL ${p.sqlMs} ms`
  out.push(
    `speed probe (bench/speed.ts; lower is faster): ${probe(m.speed.before)} before, ${probe(m.speed.after)} after; CPU steal over the run ${m.stealPercent === null ? 'n/a' : `${m.stealPercent} %`}`,
  )
  out.push('')
  const header = [
    pad('request', 22),
    lpad('p50 ms', 8),
    lpad('p95 ms', 8),
    lpad('goal', 6),
    lpad(small ? `stmts@${small.size.orgs}` : 'stmts', 11),
    lpad(`stmts@${s.orgs}`, 11),
    lpad('SQL p50', 8),
    lpad('ratio', 6),
    lpad('KB', 6),
  ]
  out.push(header.join('  '))
  out.push('-'.repeat(header.join('  ').length))
  for (const r of big.requests) {
    const sr = small?.requests.find((x) => x.key === r.key)
    out.push(
      [
        pad(r.name, 22),
        lpad(r.latency.p50.toFixed(1), 8),
        lpad(r.latency.p95.toFixed(1), 8),
        lpad(r.goalP95 ? `${r.goalP95}` : '', 6),
        lpad(small ? statementsText(sr) : '', 11),
        lpad(statementsText(r), 11),
        lpad(r.reference ? r.reference.p50.toFixed(1) : '', 8),
        lpad(r.ratio !== null ? r.ratio.toFixed(2) : '', 6),
        lpad((r.bytes / 1024).toFixed(0), 6),
      ].join('  '),
    )
  }
  out.push('')
  out.push(
    `publish round: ${(big.publish.ms / 1000).toFixed(2)} s, ${big.publish.statements} statements` +
      (small
        ? ` (at ${small.size.orgs} orgs: ${(small.publish.ms / 1000).toFixed(2)} s, ${small.publish.statements} statements)`
        : ''),
  )
  if (big.load) {
    const l = big.load
    out.push(
      `load: ${l.connections} connections × ${l.duration} s: ${l.requests} requests, ${l.requestsPerSecond} req/s, latency p50 ${l.latency.p50} ms / p97.5 ${l.latency.p97_5} ms / p99 ${l.latency.p99} ms, errors ${l.errors} (connection ${l.connectionErrors}, timeouts ${l.timeouts}, non-2xx ${l.non2xx}, GraphQL ${l.graphqlErrors})`,
    )
  }
  out.push('')
  for (const g of results.goals) out.push(`${g.met ? '✔' : '✘'} ${g.goal} — ${g.detail}`)
  out.push('')
  process.stdout.write(`${out.join('\n')}\n`)
}
