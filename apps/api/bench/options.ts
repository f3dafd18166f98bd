/**
 * Benchmark settings: command-line flags win over environment variables, which win over the
 * defaults (a provincial company: 3,000 orgs, 20 rounds). `pnpm bench -- --help` lists them.
 */
import { parseArgs } from 'node:util'

export interface DatasetSize {
  orgs: number
  rounds: number
  /** Indicators per scheme (4 of them bonus indicators). */
  indicators: number
  /** Mean findings per org per round (over all areas). */
  findings: number
  /** Areas (at most 3: 基层党建, 党风廉政, 宣传工作); every round covers all of them. */
  areas: number
}

export interface BenchOptions {
  /** Database the big dataset goes into; dropped and created again unless `reuse`. */
  databaseUrl: string
  size: DatasetSize
  /** Org count of the second, smaller dataset that shows statements do not grow with size (0: skip). */
  smallOrgs: number
  /** Sequential requests per measured query (after `warmup` unmeasured ones). */
  iterations: number
  warmup: number
  /** autocannon: connections and seconds (0 seconds: skip the load test). */
  connections: number
  duration: number
  /** Keep an existing dataset of the same size (only the last round is published again). */
  reuse: boolean
  /** Where results.json goes. */
  output: string
  seed: number
}

export const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:55432/postgres'

const HELP = `pnpm bench [-- flags]

  --orgs N            orgs in the big dataset            (BENCH_ORGS, default 3000)
  --rounds N          inspection rounds (last one is published by the bench) (BENCH_ROUNDS, 20)
  --indicators N      indicators per scheme              (BENCH_INDICATORS, 60)
  --findings N        mean findings per org per round    (BENCH_FINDINGS, 10)
  --areas N           areas, 1–3                         (BENCH_AREAS, 3)
  --small-orgs N      orgs of the second dataset used to compare statement counts; 0 skips it
                                                         (BENCH_SMALL_ORGS, 300)
  --iterations N      measured requests per query        (BENCH_ITERATIONS, 60)
  --warmup N          unmeasured requests first          (BENCH_WARMUP, 5)
  --connections N     autocannon connections             (BENCH_CONNECTIONS, 50)
  --duration S        autocannon seconds, 0 skips        (BENCH_DURATION, 20)
  --reuse             keep a dataset generated earlier with the same sizes (BENCH_REUSE=1)
  --output FILE       results file                       (BENCH_OUTPUT, <repo>/bench/results.json)

  BENCH_DATABASE_URL  the database to (re)create, default
                      ${DEFAULT_SERVER_URL.replace(/\/postgres$/, '/redblue_bench')}
                      Its name must contain "bench": the bench drops and recreates it.`

function intOf(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined || value.trim() === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be an integer ≥ ${min}, got "${value}"`)
  return n
}

export function parseOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  repoRoot: string,
): BenchOptions | null {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      orgs: { type: 'string' },
      rounds: { type: 'string' },
      indicators: { type: 'string' },
      findings: { type: 'string' },
      areas: { type: 'string' },
      'small-orgs': { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      reuse: { type: 'boolean' },
      output: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(HELP)
    return null
  }
  const size: DatasetSize = {
    orgs: intOf(values.orgs ?? env.BENCH_ORGS, 'orgs', 3000, 4),
    rounds: intOf(values.rounds ?? env.BENCH_ROUNDS, 'rounds', 20, 2),
    indicators: intOf(values.indicators ?? env.BENCH_INDICATORS, 'indicators', 60, 20),
    findings: intOf(values.findings ?? env.BENCH_FINDINGS, 'findings', 10, 0),
    areas: intOf(values.areas ?? env.BENCH_AREAS, 'areas', 3, 1),
  }
  if (size.areas > 3) throw new Error('areas must be 1–3')
  const databaseUrl =
    env.BENCH_DATABASE_URL?.trim() || DEFAULT_SERVER_URL.replace(/\/postgres$/, '/redblue_bench')
  return {
    databaseUrl,
    size,
    smallOrgs: intOf(values['small-orgs'] ?? env.BENCH_SMALL_ORGS, 'small-orgs', 300),
    iterations: intOf(values.iterations ?? env.BENCH_ITERATIONS, 'iterations', 60, 1),
    warmup: intOf(values.warmup ?? env.BENCH_WARMUP, 'warmup', 5),
    connections: intOf(values.connections ?? env.BENCH_CONNECTIONS, 'connections', 50, 1),
    duration: intOf(values.duration ?? env.BENCH_DURATION, 'duration', 20),
    reuse: values.reuse ?? env.BENCH_REUSE === '1',
    output: values.output ?? env.BENCH_OUTPUT ?? `${repoRoot}/bench/results.json`,
    seed: intOf(values.seed ?? env.BENCH_SEED, 'seed', 20261125),
  }
}
