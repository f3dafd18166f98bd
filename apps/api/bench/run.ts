/**
 * `pnpm bench`: generates the provincial-scale dataset into PostgreSQL, starts the real API on a
 * loopback port over it, publishes the last round through the API (timed), measures the dashboard's
 * requests one at a time (latency, SQL statements, ratio to hand-written SQL) and under load
 * (autocannon), repeats the statement counts on a smaller dataset, prints a table and writes
 * bench/results.json. See bench/README.md at the repository root.
 */
import { required } from '@redblue/scoring'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hash } from '@node-rs/argon2'
import pg from 'pg'
import { ApiClient, startApi } from './api'
import {
  databaseName,
  migrateDatabase,
  readLabel,
  recreateDatabase,
  redact,
  sameSize,
  settleDatabase,
  unpublishRound,
  withDatabase,
  writeLabel,
  type DatasetLabel,
} from './database'
import {
  DRILLDOWN,
  HEADLINE,
  LEDGER,
  LEDGER_COUNTS,
  LEDGER_COUNTS_VARIABLES,
  PUBLISH,
  RANKING,
  TODOS,
  TRENDS,
} from './documents'
import { BENCH_PASSWORD, generateDataset } from './generate'
import type { LoadRequest, LoadResult } from './load'
import { measure, runLoad, type Scenario, type ScenarioResult } from './measure'
import { parseOptions, type BenchOptions, type DatasetSize } from './options'
import { progressBar } from './progress'
import { rankingReference, trendReference } from './reference'
import { evaluateGoals, printReport, type BenchResults, type DatasetResult } from './report'
import { speedProbe, stealMeter } from './speed'

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '')
const CATEGORIES = ['I', 'II', 'III'] as const

function log(message: string) {
  process.stderr.write(`${message}\n`)
}

function loadAverage(): [number, number, number] {
  return loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number]
}

/**
 * A pool on the bench database. For the bulk load, superusers skip the foreign-key triggers
 * (session_replication_role = replica): the generator writes parents before children, so checking
 * every one of millions of rows only costs time. Other roles keep them.
 */
async function poolFor(url: string, max: number, bulk = false): Promise<pg.Pool> {
  let replica = false
  if (bulk) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const { rows } = await client.query<{ superuser: string }>(
      `SELECT current_setting('is_superuser') AS superuser`,
    )
    await client.end()
    replica = rows[0]?.superuser === 'on'
  }
  return new pg.Pool({
    connectionString: url,
    max,
    ...(replica ? { options: '-c session_replication_role=replica' } : {}),
  })
}

async function prepareDataset(
  url: string,
  size: DatasetSize,
  options: BenchOptions,
): Promise<DatasetLabel> {
  if (options.reuse) {
    const label = await readLabel(url).catch(() => null)
    if (label && sameSize(label.size, size) && label.seed === options.seed) {
      log(
        `Reusing ${redact(url)} (${label.rows.toLocaleString('en-US')} rows); putting the last round back into RECONCILING…`,
      )
      const applied = await migrateDatabase(url)
      if (applied.length) log(`Applied migrations: ${applied.join(', ')}`)
      const pool = await poolFor(url, 2)
      try {
        await unpublishRound(pool, label.lastRoundId)
      } finally {
        await pool.end()
      }
      return label
    }
    log(`No reusable dataset of this size in ${redact(url)}: generating.`)
  }
  log(`Creating ${redact(url)} and applying migrations…`)
  await recreateDatabase(url)
  const pool = await poolFor(url, 3, true)
  const bar = progressBar()
  try {
    const generated = await generateDataset(pool, {
      ...size,
      seed: options.seed,
      now: new Date(),
      passwordHash: await hash(BENCH_PASSWORD),
      parallel: 3,
      progress: bar,
    })
    bar.end()
    const label: DatasetLabel = {
      size,
      seed: options.seed,
      generatedAt: new Date().toISOString(),
      lastRoundId: generated.lastRoundId,
      roundIds: generated.roundIds,
      areaIds: generated.areaIds,
      users: generated.users,
      counts: generated.counts,
      rows: generated.rows,
      ms: generated.ms,
    }
    await writeLabel(url, label)
    log(
      `Generated ${generated.rows.toLocaleString('en-US')} rows in ${(generated.ms / 1000).toFixed(1)} s.`,
    )
    const settled = await settleDatabase(url)
    log(
      `Settled (CHECKPOINT, sync: ${settled.dirtyMb === null ? '?' : settled.dirtyMb.toLocaleString('en-US')} MB of dirty pages) in ${(settled.ms / 1000).toFixed(1)} s.`,
    )
    return label
  } finally {
    await pool.end()
  }
}

function pick<T>(items: readonly T[], i: number): T {
  return required(items[i % items.length], 'an item')
}

async function benchDataset(
  url: string,
  label: DatasetLabel,
  options: BenchOptions,
  full: boolean,
): Promise<DatasetResult> {
  const api = await startApi(url)
  const pool = new pg.Pool({ connectionString: url, max: 6 })
  try {
    const client = new ApiClient(api.url)
    const [admin, leader, branch] = await Promise.all([
      client.login(label.users.admin),
      client.login(label.users.leader),
      client.login(label.users.branch),
    ])

    log(
      `Publishing round ${label.lastRoundId} (${label.size.orgs.toLocaleString('en-US')} orgs × ${label.size.areas} areas) through the API…`,
    )
    const before = api.statements()
    const published = await client.gql(PUBLISH, { id: label.lastRoundId }, admin)
    const publishStatements = api.statements() - before
    const outcome = published.body.data?.publishRound as
      { __typename?: string; message?: string } | undefined
    if (published.status !== 200 || outcome?.__typename !== 'InspectionRound') {
      throw new Error(`publishRound failed: ${JSON.stringify(published.body).slice(0, 500)}`)
    }
    log(`Published in ${(published.ms / 1000).toFixed(2)} s with ${publishStatements} statements.`)

    const roundId = label.lastRoundId
    const { rows: lastRound } = await pool.query<{ year: number; quarter: number }>(
      `SELECT "year", "quarter" FROM "InspectionRound" WHERE "id" = $1`,
      [roundId],
    )
    const { year, quarter } = required(lastRound[0], 'the latest round')
    const { rows: sampled } = await pool.query<{ id: number }>(
      `SELECT "id" FROM "Assessment" WHERE "roundId" = $1 ORDER BY md5("id"::text) LIMIT 200`,
      [roundId],
    )
    const assessmentIds = sampled.map((r) => r.id)
    const areas = label.areaIds
    const combos = areas.flatMap((areaId) => CATEGORIES.map((category) => ({ areaId, category })))

    const scenarios: Scenario[] = [
      {
        key: 'ranking',
        name: 'category ranking',
        goalP95: 50,
        run: (i) => client.gql(RANKING, { roundId, ...pick(combos, i) }, leader),
        reference: (i) => rankingReference(pool, { roundId, ...pick(combos, i) }),
      },
      {
        key: 'trend',
        name: 'five-round trend',
        goalP95: 50,
        run: (i) =>
          client.gql(TRENDS, { ...pick(combos, i), untilRoundId: roundId, rounds: 5 }, leader),
        reference: (i) =>
          trendReference(pool, { ...pick(combos, i), untilRoundId: roundId, rounds: 5 }),
      },
      {
        key: 'drilldown',
        name: 'drill-down',
        goalP95: 50,
        run: (i) => client.gql(DRILLDOWN, { assessmentId: pick(assessmentIds, i * 7) }, leader),
      },
      {
        key: 'ledger',
        name: 'ledger page',
        run: (i) => client.gql(LEDGER, { filter: null, limit: 20, offset: (i % 5) * 20 }, leader),
      },
      {
        key: 'ledgerCounts',
        name: 'ledger counts',
        run: () => client.gql(LEDGER_COUNTS, LEDGER_COUNTS_VARIABLES, leader),
      },
      {
        key: 'headline',
        name: 'headline figures',
        run: (i) =>
          client.gql(
            HEADLINE,
            { areaId: pick([...areas, null], i), period: { toYear: year, toQuarter: quarter } },
            leader,
          ),
      },
      { key: 'todosAdmin', name: 'to-do list (admin)', run: () => client.gql(TODOS, {}, admin) },
      { key: 'todosBranch', name: 'to-do list (branch)', run: () => client.gql(TODOS, {}, branch) },
    ]

    const requests: ScenarioResult[] = []
    const iterations = full ? options.iterations : Math.min(options.iterations, 10)
    for (const scenario of scenarios) {
      const bar = progressBar()
      const result = await measure(api, scenario, {
        iterations,
        warmup: options.warmup,
        onProgress: (done, total) => bar(`${scenario.name}`, done, total),
      })
      bar.end()
      requests.push(result)
    }

    let load: LoadResult | null = null
    if (full && options.duration > 0) {
      log(
        `Load: autocannon, ${options.connections} connections for ${options.duration} s, mixed reads…`,
      )
      const body = (query: string, variables: Record<string, unknown>) =>
        JSON.stringify({ query, variables })
      // Interleaved: autocannon walks the list from the top on every connection, so each kind of
      // request must come early and often (a list sorted by kind measured rankings only).
      const kinds: LoadRequest[][] = [
        combos.map((c) => ({
          name: 'ranking',
          cookie: leader,
          body: body(RANKING, { roundId, ...c }),
        })),
        combos.map((c) => ({
          name: 'trend',
          cookie: leader,
          body: body(TRENDS, { ...c, untilRoundId: roundId, rounds: 5 }),
        })),
        assessmentIds.slice(0, 9).map((id) => ({
          name: 'drill-down',
          cookie: leader,
          body: body(DRILLDOWN, { assessmentId: id }),
        })),
        [0, 20, 40].map((offset) => ({
          name: 'ledger page',
          cookie: leader,
          body: body(LEDGER, { filter: null, limit: 20, offset }),
        })),
        [...areas, null].map((areaId) => ({
          name: 'headline',
          cookie: leader,
          body: body(HEADLINE, { areaId, period: { toYear: year, toQuarter: quarter } }),
        })),
        [{ name: 'to-do list (branch)', cookie: branch, body: body(TODOS, {}) }],
        [{ name: 'to-do list (admin)', cookie: admin, body: body(TODOS, {}) }],
      ]
      const longest = Math.max(...kinds.map((k) => k.length))
      const mix: LoadRequest[] = []
      for (let i = 0; i < longest; i++)
        for (const kind of kinds) mix.push(required(kind[i % kind.length], 'a kind'))
      load = await runLoad({
        url: api.url,
        connections: options.connections,
        duration: options.duration,
        requests: mix,
      })
    }

    return {
      database: redact(url),
      size: label.size,
      generation: {
        ms: label.ms,
        rows: label.rows,
        counts: label.counts,
        reused: label.generatedAt,
      },
      publish: { ms: Math.round(published.ms), statements: publishStatements, goalMs: 5000 },
      requests,
      load,
    }
  } finally {
    await pool.end()
    await api.close()
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim()
  } catch {
    return 'unknown'
  }
}

async function serverInfo(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{
      version: string
      shared_buffers: string
      work_mem: string
      max_connections: string
    }>(
      `SELECT version(), current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
              current_setting('max_connections') AS max_connections`,
    )
    return required(rows[0], 'the first row')
  } finally {
    await client.end()
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env, REPO_ROOT)
  if (!options) return
  const started = new Date()
  const loadBefore = loadAverage()
  const steal = stealMeter()
  const speedBefore = await speedProbe(withDatabase(options.databaseUrl, 'postgres'))
  log(
    `RedBlue bench: ${options.size.orgs} orgs × ${options.size.rounds} rounds × ${options.size.areas} areas, ${options.size.indicators} indicators, ~${options.size.findings} findings/org/round; load average ${loadBefore.join(' ')}`,
  )

  const plans: { url: string; size: DatasetSize; full: boolean }[] = []
  if (options.smallOrgs > 0 && options.smallOrgs !== options.size.orgs) {
    const small = withDatabase(
      options.databaseUrl,
      `${databaseName(options.databaseUrl)}_${options.smallOrgs}`,
    )
    plans.push({ url: small, size: { ...options.size, orgs: options.smallOrgs }, full: false })
  }
  plans.push({ url: options.databaseUrl, size: options.size, full: true })

  const datasets: DatasetResult[] = []
  for (const plan of plans) {
    const label = await prepareDataset(plan.url, plan.size, options)
    const loadAtStart = loadAverage()
    const result = await benchDataset(plan.url, label, options, plan.full)
    datasets.push({ ...result, loadAverage: { start: loadAtStart, end: loadAverage() } })
  }

  const server = await serverInfo(options.databaseUrl)
  const speedAfter = await speedProbe(withDatabase(options.databaseUrl, 'postgres'))
  const results: BenchResults = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      loadAverage: { before: loadBefore, after: loadAverage() },
      speed: { before: speedBefore, after: speedAfter },
      stealPercent: steal.share(),
      node: process.version,
      nodeEnv: process.env.NODE_ENV ?? '(unset)',
      // `serve` and `bench` give V8 a larger young generation (see docs/architecture.md).
      nodeOptions: process.env.NODE_OPTIONS?.trim() ?? '',
      commit: gitCommit(),
      postgres: server.version.split(' on ')[0] ?? server.version,
      postgresSettings: {
        shared_buffers: server.shared_buffers,
        work_mem: server.work_mem,
        max_connections: server.max_connections,
      },
    },
    options: { ...options, databaseUrl: redact(options.databaseUrl) },
    datasets,
    goals: [],
  }
  results.goals = evaluateGoals(results)
  printReport(results)
  mkdirSync(dirname(options.output), { recursive: true })
  writeFileSync(options.output, `${JSON.stringify(results, null, 2)}\n`)
  log(`Results written to ${options.output}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
