/**
 * Benchmark: score one synthetic inspection round end to end, the work the API does when a round is
 * published. 3,000 orgs × 60 indicators (8 dimensions, mixed methods, 4 bonus indicators) with 10
 * findings per org; score every assessment, then the round's results (ranks, lists, adjustments).
 *
 * Run: pnpm --filter @redblue/scoring bench   (goal: median < 200 ms on the 2-core dev machine)
 * Heavier variant, 10 findings per indicator: pnpm --filter @redblue/scoring bench --findings-per-org 600
 */
import { performance } from 'node:perf_hooks'
import {
  DEFAULT_RULE_SET,
  prepareScheme,
  required,
  roundResults,
  scoreAssessment,
  validateScheme,
  type AssessmentInput,
  type IndicatorDefinition,
  type IndicatorInputValue,
  type OrgCategory,
  type SchemeDefinition,
  type UnitType,
} from '../src/index'
import { RATING_LEVELS, seededRandom } from '../src/test-fixtures'

const ORGS = 3000
const DIMENSIONS = 8
const BASE_PER_DIMENSION = 7 // 8 × 7 = 56 base + 4 bonus = 60 indicators
const FINDINGS_PER_ORG = findingsPerOrg(process.argv.slice(2))
const WARMUP_RUNS = 2
const MEASURED_RUNS = 9
const GOAL_MS = 200

function findingsPerOrg(args: string[]): number {
  const i = args.indexOf('--findings-per-org')
  if (i < 0) return 10
  const n = Number(args[i + 1])
  if (!Number.isInteger(n) || n < 0) throw new Error('--findings-per-org needs a whole number')
  return n
}

function buildScheme(): SchemeDefinition {
  const methods = [
    'DEDUCTION',
    'RATING',
    'DEDUCTION',
    'QUANTITY',
    'DEDUCTION',
    'RATING',
    'DEDUCTION',
  ] as const
  const indicators: IndicatorDefinition[] = []
  for (let d = 1; d <= DIMENSIONS; d++) {
    for (let k = 0; k < BASE_PER_DIMENSION; k++) {
      const method = required(methods[k], `method ${k}`)
      const id = d * 100 + k
      indicators.push({
        id,
        code: `I${id}`,
        name: `指标${id}`,
        dimensionId: d,
        method,
        // 6 × 1.79 + 1.76 = 12.50 per dimension, 8 × 12.50 = 100.
        maxPoints: k === BASE_PER_DIMENSION - 1 ? '1.76' : '1.79',
        ratingLevels: method === 'RATING' ? RATING_LEVELS : null,
        target: method === 'QUANTITY' ? '6' : null,
      })
    }
  }
  const bonus: [string, UnitType | null][] = [
    ['贡献度', 'GRASSROOTS'],
    ['融合度', 'HEADQUARTERS'],
    ['党建+工程', null],
    ['载体创新', null],
  ]
  bonus.forEach(([name, unitTypeRestriction], i) => {
    indicators.push({
      id: 900 + i,
      code: `B${i}`,
      name,
      dimensionId: null,
      method: 'BONUS',
      maxPoints: '2',
      unitTypeRestriction,
    })
  })
  return {
    bonusCap: '5',
    dimensions: Array.from({ length: DIMENSIONS }, (_, i) => ({
      id: i + 1,
      code: `D${i + 1}`,
      name: `维度${i + 1}`,
      maxPoints: '12.50',
    })),
    indicators,
  }
}

interface Org {
  orgId: number
  category: OrgCategory
  input: AssessmentInput
}

/** Inputs as they come from Prisma: decimals as strings with two places. */
function buildRound(scheme: SchemeDefinition): Org[] {
  const random = seededRandom(2026)
  const cents = (max: number): string => (Math.floor(random() * max * 100) / 100).toFixed(2)
  const deductionIds = scheme.indicators.filter((i) => i.method === 'DEDUCTION').map((i) => i.id)
  const categories: OrgCategory[] = ['I', 'II', 'III']
  let findingId = 0
  return Array.from({ length: ORGS }, (_, o) => {
    const inputs = scheme.indicators.flatMap((i): IndicatorInputValue[] => {
      if (i.method === 'RATING') {
        return [
          {
            indicatorId: i.id,
            ratingLevel: required(RATING_LEVELS[Math.floor(random() * 4)], 'a rating level').label,
          },
        ]
      }
      if (i.method === 'QUANTITY') return [{ indicatorId: i.id, quantityValue: cents(8) }]
      if (i.method === 'BONUS') return [{ indicatorId: i.id, bonusPoints: cents(3) }]
      return []
    })
    const findings = Array.from({ length: FINDINGS_PER_ORG }, () => ({
      id: ++findingId,
      indicatorId: required(
        deductionIds[Math.floor(random() * deductionIds.length)],
        'a deduction indicator',
      ),
      deduction: (0.25 * (1 + Math.floor(random() * 4))).toFixed(2),
      counts: random() < 0.9,
    }))
    return {
      orgId: o + 1,
      category: required(categories[o % 3], 'a category'),
      input: { unitType: o % 2 === 0 ? 'GRASSROOTS' : 'HEADQUARTERS', inputs, findings },
    }
  })
}

/** The timed work: score, then the round's results (ranks, lists, adjustments). Returns a checksum so nothing is optimised away. */
function scoreRound(
  scheme: SchemeDefinition,
  orgs: readonly Org[],
): { rows: { total: string }[]; marks: number } {
  const prepared = prepareScheme(scheme)
  const entries = orgs.map((org) => {
    const score = scoreAssessment(prepared, org.input)
    return {
      orgId: org.orgId,
      area: 0,
      category: org.category,
      base: score.base,
      total: score.total,
    }
  })
  const results = roundResults(entries, DEFAULT_RULE_SET)
  return {
    rows: results.map((r) => r.entry),
    marks: results.filter((r) => r.mark !== null).length,
  }
}

const scheme = buildScheme()
const problems = validateScheme(scheme)
if (problems.length > 0)
  throw new Error(`benchmark scheme is invalid: ${problems.map((p) => p.messageEn).join('; ')}`)
const orgs = buildRound(scheme)

let check = ''
for (let i = 0; i < WARMUP_RUNS; i++) scoreRound(scheme, orgs)
const times: number[] = []
for (let i = 0; i < MEASURED_RUNS; i++) {
  const start = performance.now()
  const result = scoreRound(scheme, orgs)
  times.push(performance.now() - start)
  check = `${result.rows.length} ranked, ${result.marks} list marks, top total ${result.rows[0]?.total ?? '-'}`
}
times.sort((a, b) => a - b)
const median = required(times[Math.floor(times.length / 2)], 'the median run')
const fmt = (ms: number): string => ms.toFixed(1)
console.log(
  `score-round: ${ORGS} orgs × ${scheme.indicators.length} indicators × ${FINDINGS_PER_ORG} findings/org (${check})`,
)
console.log(
  `median ${fmt(median)} ms, min ${fmt(required(times[0], 'the fastest run'))} ms, max ${fmt(required(times.at(-1), 'the slowest run'))} ms over ${MEASURED_RUNS} runs (after ${WARMUP_RUNS} warm-up) — goal < ${GOAL_MS} ms: ${median < GOAL_MS ? 'PASS' : 'FAIL'}`,
)
if (median >= GOAL_MS) process.exitCode = 1
