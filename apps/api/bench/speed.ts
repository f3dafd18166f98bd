/**
 * A speed probe of the machine, taken when the bench starts and when it ends: the same fixed
 * JavaScript loop and the same fixed SQL statement each time (median of five). This VM's speed
 * drifts by up to 2× within minutes, so a run's figures are only comparable with another's when
 * their probes agree; lower is faster.
 */
import { required } from '@redblue/scoring'
import { readFileSync } from 'node:fs'
import pg from 'pg'

export interface SpeedProbe {
  /** A fixed integer loop in this process, ms. */
  jsMs: number
  /** `SELECT sum(g) FROM generate_series(1, 2000000) g` on the bench's server, ms. */
  sqlMs: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(required(sorted[sorted.length >> 1], 'the median') * 10) / 10
}

function loop(): number {
  let sum = 0
  for (let i = 0; i < 50_000_000; i++) sum += i % 7
  return sum
}

export async function speedProbe(url: string): Promise<SpeedProbe> {
  const js: number[] = []
  const sql: number[] = []
  let sink = 0
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    sink += loop()
    js.push(performance.now() - started)
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      await client.query('SELECT sum(g) FROM generate_series(1, 2000000) g')
      sql.push(performance.now() - started)
    }
  } finally {
    await client.end()
  }
  // Keeps the loop from being optimised away.
  if (sink < 0) throw new Error('unreachable')
  return { jsMs: median(js), sqlMs: median(sql) }
}

/**
 * The first line of Linux's /proc/stat (`cpu  user nice system idle iowait irq softirq steal …`, in
 * clock ticks since boot) as steal and total time; guest time is already counted in user.
 */
export function parseCpuLine(line: string): { steal: number; total: number } | null {
  const [label, ...fields] = line.trim().split(/\s+/)
  const values = fields.slice(0, 8).map(Number)
  if (label !== 'cpu' || values.length < 8 || values.some((v) => !Number.isFinite(v))) return null
  return {
    steal: required(values[7], 'the steal field of /proc/stat'),
    total: values.reduce((a, b) => a + b, 0),
  }
}

function cpuTimes(): { steal: number; total: number } | null {
  try {
    return parseCpuLine(
      required(readFileSync('/proc/stat', 'utf8').split('\n')[0], 'the first line of /proc/stat'),
    )
  } catch {
    return null
  }
}

/**
 * Steal time: the share of this VM's CPU time the hypervisor gave to other guests. At 60 % (seen
 * on this VM while nothing else of ours ran) every figure is slower whatever the code does, which
 * the speed probe, taken at two moments, can miss. `share()` answers for the time since `stealMeter()`
 * was called, in percent with one decimal; null where /proc/stat is not available.
 */
export function stealMeter(): { share(): number | null } {
  const start = cpuTimes()
  return {
    share() {
      const end = cpuTimes()
      if (!start || !end || end.total <= start.total) return null
      return Math.round(((end.steal - start.steal) / (end.total - start.total)) * 1000) / 10
    },
  }
}
