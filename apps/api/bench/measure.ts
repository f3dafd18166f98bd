/**
 * Latency, statements per request and the ratio to the hand-written SQL, measured with one request
 * at a time (so every statement the server sends between the start and the end of a request is
 * that request's), interleaving the API request and its hand-written SQL so both see the same load
 * on this shared machine.
 */
import { required } from '@redblue/scoring'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { assertOk, type GqlResponse, type RunningApi } from './api'
import type { LoadRequest, LoadResult } from './load'

export interface Scenario {
  key: string
  name: string
  /** Goal for p95 in ms, if the issue sets one. */
  goalP95?: number
  run(i: number): Promise<GqlResponse>
  /** The hand-written SQL for the same answer (ranking and trend). */
  reference?(i: number): Promise<unknown>
}

export interface Stats {
  n: number
  p50: number
  p95: number
  mean: number
  max: number
}

export interface ScenarioResult {
  key: string
  name: string
  latency: Stats
  /** SQL statements per request (min and max over the measured requests). */
  statements: { min: number; max: number }
  /** Mean response size in bytes. */
  bytes: number
  goalP95: number | null
  reference: Stats | null
  /** API p50 / hand-written SQL p50. */
  ratio: number | null
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) =>
    required(
      sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))],
      `the ${q} quantile`,
    )
  const round = (x: number) => Math.round(x * 100) / 100
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    max: round(sorted[sorted.length - 1] ?? 0),
  }
}

export async function measure(
  api: RunningApi,
  scenario: Scenario,
  options: {
    iterations: number
    warmup: number
    onProgress?: (done: number, total: number) => void
  },
): Promise<ScenarioResult> {
  const times: number[] = []
  const references: number[] = []
  const statements: number[] = []
  let bytes = 0
  const total = options.warmup + options.iterations
  for (let i = 0; i < total; i++) {
    const before = api.statements()
    const res = await scenario.run(i)
    const count = api.statements() - before
    assertOk(scenario.name, res)
    let referenceMs: number | null = null
    if (scenario.reference) {
      const started = performance.now()
      await scenario.reference(i)
      referenceMs = performance.now() - started
    }
    if (i >= options.warmup) {
      times.push(res.ms)
      statements.push(count)
      bytes += res.bytes
      if (referenceMs !== null) references.push(referenceMs)
    }
    options.onProgress?.(i + 1, total)
  }
  const latency = stats(times)
  const reference = references.length ? stats(references) : null
  return {
    key: scenario.key,
    name: scenario.name,
    latency,
    statements: { min: Math.min(...statements), max: Math.max(...statements) },
    bytes: Math.round(bytes / Math.max(1, times.length)),
    goalP95: scenario.goalP95 ?? null,
    reference,
    ratio: reference ? Math.round((latency.p50 / reference.p50) * 100) / 100 : null,
  }
}

/**
 * Runs autocannon in a child process (its own event loop, so the load generator does not steal the
 * server's), against the server of this process, and returns its summary.
 */
export async function runLoad(args: {
  url: string
  connections: number
  duration: number
  requests: LoadRequest[]
}): Promise<LoadResult> {
  const script = fileURLToPath(new URL('./load.ts', import.meta.url))
  const child = spawn(process.execPath, [...process.execArgv, script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  child.stdin.end(JSON.stringify(args))
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => (out += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`load test exited with ${code}: ${out.slice(-500)}`)
  const line = out.trim().split('\n').pop() ?? ''
  return JSON.parse(line) as LoadResult
}
