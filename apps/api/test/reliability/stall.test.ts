/**
 * One reader must not stall everyone. The worst documents a signed-in user can build (sent as
 * ADMIN, who may read every field; `{ me }` as LEADER) — lists nested
 * through the schema's cycles, aliased, computed scores for every assessment, the longest pages —
 * are either refused before they run with a typed QUERY_TOO_LARGE naming the limit, or cheap
 * enough that a stream of another user's small `{ me }` requests sent beside them is delayed by at
 * most 100 ms on the demo data. The refusals are checked on both backends; the delay is measured,
 * printed and bounded (BOUND_MS) on both, the embedded database as well as a PostgreSQL server.
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { MAX_QUERY_COST } from '../../src/cost'
import { useTestApi, type GqlResult } from '../helpers'
import { reportFigures } from './support'

const api = useTestApi({ reset: 'file' })

/**
 * On both backends. On PGlite the SQL runs as WebAssembly in the API's own thread, one statement at
 * a time: `{ me }` meets the heavy documents' statements there, and holds to this bound because its
 * statements go before theirs (`@redblue/db` statement-lanes: the lane that has used the database
 * least goes next). In PGlite's arrival order it added p95 77 ms at load 2 and 176 ms at load 6; in
 * lane order 5–46 ms at load 4–10 (docs/reliability.md).
 */
const BOUND_MS = 100
const LOAD_MS = 15_000

/** `a { id b { id a { id … } } }` — a list cycle `levels` deep. */
function cycle(fields: [string, string], levels: number, leaf: string): string {
  let inner = leaf
  for (let i = levels - 1; i >= 0; i--) inner = `${fields[i % 2]} { id ${inner} }`
  return inner
}

function aliased(count: number, selection: string): string {
  return Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')
}

/** Round ids of the demo: the running one and the published ones. */
interface World {
  running: number
  published: number[]
  areaId: number
  orgId: number
}

function hostileDocuments(w: World): Record<string, string> {
  const teams = `rounds { id teams { id ${cycle(['assignments', 'team'], 7, 'org { id code name }')} } }`
  const feedback = `findings(roundId: ${w.published[0]}) { id description ${cycle(['feedbackForm', 'findings'], 6, 'description')} }`
  const schemes = `schemes(year: 2025) { id ${cycle(['indicators', 'dimension'], 7, 'name evaluationStandard scoringGuide')} }`
  const orgTree = `orgs { id name ${cycle(['children', 'children'], 6, 'name code')} }`
  const scoresAllRounds = w.published
    .map(
      (r) =>
        `r${r}: assessments(roundId: ${r}) { id score { total indicators { indicatorId points applicable } lostPoints { indicatorId lost reason findingIds } dimensions { dimensionId points } } }`,
    )
    .join(' ')
  const findingsPage = `findings(limit: 200) { id description deduction indicatorName isRepeat createdAt org { id name code } round { id name } area { id name } problemCategory { id name } evidence { id originalName } reconciliations { id reason } }`
  const ledger = `rectificationLedger(limit: 200) { total items { id title measure responsiblePerson deadline status colour daysLeft events { id note type evidence { id originalName } } finding { id description } org { id name } round { id name } } }`
  const assessments = `assessments(roundId: ${w.published[0]}) { id totalScore findings { id description deduction } inputs { indicatorId } org { id name children { id name } } scheme { id indicators { id name evaluationStandard scoringGuide } } }`
  return {
    // The stall: a LEADER query nested 8 levels, then the same with three aliases.
    'teams nested 8': `{ ${teams} }`,
    'teams nested 8 × 3 aliases': `{ ${aliased(3, teams)} }`,
    'feedback forms ↔ findings nested 8': `{ ${feedback} }`,
    'schemes ↔ indicators nested 8': `{ ${schemes} }`,
    'org tree 8 levels': `{ ${orgTree} }`,
    'scores of every assessment of every round': `{ ${scoresAllRounds} }`,
    'findings page of 200 × 15 aliases': `{ ${aliased(15, findingsPage)} }`,
    'findings page of 200': `{ ${findingsPage} }`,
    'ledger page of 200 × 15 aliases': `{ ${aliased(15, ledger)} }`,
    'ledger page of 200': `{ ${ledger} }`,
    'assessments with findings, inputs, schemes': `{ ${assessments} }`,
    'assessments with findings × 15 aliases': `{ ${aliased(15, assessments)} }`,
    'users × 15 aliases': `{ ${aliased(15, 'users { id username displayName org { id name parent { id name } } }')} }`,
    'audit log pages × 15 aliases': `{ ${aliased(15, 'auditLogs(limit: 200) { id action entityType entityId before after at }')} }`,
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

const round1 = (n: number) => Math.round(n * 10) / 10

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const value = await fn()
  return [value, performance.now() - t]
}

describe('one reader must not stall everyone', () => {
  it(`refuses the worst documents before they run, and the rest delay { me } by ≤ ${BOUND_MS} ms`, async () => {
    const admin = await api.login('admin')
    const leader = await api.login('leader')
    const rounds = await api.gql<{ rounds: { id: number; status: string }[] }>(
      '{ rounds { id status } areas { id } orgs(assessedOnly: true) { id } }',
      {},
      admin,
    )
    const data = rounds.data as unknown as {
      rounds: { id: number; status: string }[]
      areas: { id: number }[]
      orgs: { id: number }[]
    }
    const world: World = {
      running: data.rounds.find((r) => r.status !== 'PUBLISHED' && r.status !== 'CLOSED')!.id,
      published: data.rounds
        .filter((r) => r.status === 'PUBLISHED' || r.status === 'CLOSED')
        .map((r) => r.id),
      areaId: data.areas[0]!.id,
      orgId: data.orgs[0]!.id,
    }

    // 1. Each document alone: refused with a typed error naming the limit, or answered.
    const accepted: { name: string; query: string }[] = []
    const outcomes: Record<string, string> = {}
    for (const [name, query] of Object.entries(hostileDocuments(world))) {
      const [res, ms] = await timed(() => api.gql(query, {}, admin))
      const bytes = JSON.stringify(res).length
      const errors = res.errors ?? []
      if (errors.length > 0) {
        expect(res.status, name).toBeLessThan(500)
        expect(res.data ?? null, name).toBeNull()
        const codes = errors.map((e) => e.extensions?.code)
        expect(codes, `${name}: ${JSON.stringify(errors).slice(0, 300)}`).toEqual(
          errors.map(() => 'QUERY_TOO_LARGE'),
        )
        const limit = errors[0]!.extensions?.limit as string
        expect(['cost', 'answerSize'], name).toContain(limit)
        if (limit === 'cost') {
          expect(errors[0]!.extensions?.max).toBe(MAX_QUERY_COST)
          // Refused before execution: no time spent reading.
          expect(ms, name).toBeLessThan(2000)
        }
        outcomes[name] =
          `refused (${limit} ${errors[0]!.extensions?.actual as number}), ${Math.round(ms)} ms`
      } else {
        expect(res.status, name).toBe(200)
        accepted.push({ name, query })
        outcomes[name] = `answered ${bytes} bytes in ${Math.round(ms)} ms`
      }
    }
    reportFigures('stall: documents', outcomes)
    // The document is among the refused.
    expect(outcomes['teams nested 8']).toMatch(/^refused/)
    expect(outcomes['teams nested 8 × 3 aliases']).toMatch(/^refused/)
    expect(accepted.length).toBeGreaterThan(0)

    // 2. `{ me }` alone, then beside a stream of every accepted worst document (two at a time),
    // timed around each awaited request.
    const me = async () => {
      const [res, ms] = await timed(() => api.gql('{ me { id username } }', {}, leader))
      expect(ok(res)).toBe(true)
      return ms
    }
    for (let i = 0; i < 5; i++) await me() // warm
    const alone: number[] = []
    for (let i = 0; i < 40; i++) alone.push(await me())

    let stop = false
    let heavySent = 0
    const heavyStatuses: number[] = []
    const worker = async (offset: number) => {
      for (let i = offset; !stop; i++) {
        const doc = accepted[i % accepted.length]!
        heavyStatuses.push((await api.gql(doc.query, {}, admin)).status)
        heavySent++
      }
    }
    const workers = [worker(0), worker(Math.floor(accepted.length / 2))]
    const beside: number[] = []
    const started = performance.now()
    try {
      // A user clicking about: one small request every 50 ms for LOAD_MS.
      while (performance.now() - started < LOAD_MS || heavySent < accepted.length) {
        beside.push(await me())
        await new Promise((r) => setTimeout(r, 50))
      }
    } finally {
      stop = true
      await Promise.all(workers)
    }
    expect(heavyStatuses.every((s) => s === 200)).toBe(true)

    const added = {
      median: percentile(beside, 50) - percentile(alone, 50),
      p95: percentile(beside, 95) - percentile(alone, 95),
      max: Math.max(...beside) - percentile(alone, 50),
    }
    reportFigures('stall: { me } beside the worst accepted documents', {
      accepted: accepted.map((d) => d.name),
      heavyRequests: heavySent,
      meRequests: beside.length,
      aloneMedianMs: round1(percentile(alone, 50)),
      aloneP95Ms: round1(percentile(alone, 95)),
      besideMedianMs: round1(percentile(beside, 50)),
      besideP95Ms: round1(percentile(beside, 95)),
      besideMaxMs: round1(Math.max(...beside)),
      addedMedianMs: round1(added.median),
      addedP95Ms: round1(added.p95),
      addedMaxMs: round1(added.max),
      boundMs: BOUND_MS,
      loadAverage: round1(loadavg()[0]!),
    })
    // The bound is about this server's work, not a machine already running several test suites:
    // with the load average over twice the cores (shared development machines), the figure is
    // printed, not asserted. CI runs on a quiet machine and asserts it.
    const load = loadavg()[0]!
    if (load <= cpus().length * 2) expect(added.p95).toBeLessThanOrEqual(BOUND_MS)
    else
      console.log(
        `[reliability] stall bound not asserted: load average ${load.toFixed(1)} on ${cpus().length} cores`,
      )
  }, 300_000)
})

function ok(res: GqlResult): boolean {
  return !res.errors && res.status === 200 && !!res.data?.me
}
