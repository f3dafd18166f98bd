import { chinaDayEnd } from './china-time'
import { required } from './required'
import {
  D,
  compareScores,
  decimalToFixed2,
  meanScore,
  sumScores,
  toDecimal,
  toFixed2,
} from './decimal'
import type { ChinaDateString, DecimalInput, Id, OrgCategory, ScoreString } from './types'

/**
 * R13 数据研判: insights about one published round of one area, computed by stated rules from the
 * round and the rounds before it. Pure: the caller reads the rows, this module decides what they
 * mean. Every insight names its subjects (with names, so the sentence can be written without
 * another read), carries its figures as exact two-decimal strings (counts as integer strings) and
 * the ids to drill down to.
 */

export type InsightKind =
  | 'PROBLEM_CONCENTRATION'
  | 'NEW_PROBLEM_CATEGORY'
  | 'DECLINING_ORG'
  | 'NEWLY_BLUE'
  | 'BLUE_AGAIN'
  | 'WEAK_DIMENSION'
  | 'ORG_WEAK_DIMENSION'
  | 'REPEAT_AFTER_VERIFICATION'
  | 'CLOSE_OUT_RATE'
  | 'OVERDUE_BY_ORG'
  | 'OVERDUE_BY_TEAM'
  | 'CARRIED_OVER'
  | 'TEAM_INCONSISTENCY'

/** WARNING: someone should act; NOTICE: worth a look; INFO: context. */
export type InsightSeverity = 'WARNING' | 'NOTICE' | 'INFO'

export const INSIGHT_SEVERITIES: readonly InsightSeverity[] = ['WARNING', 'NOTICE', 'INFO']

/**
 * Kinds about the rectification items as they stand now (overdue, carried over): they change as
 * items are verified, so they are computed when read. Every other kind is fixed by what the round
 * froze and is stored at publication.
 */
export const LIVE_INSIGHT_KINDS: readonly InsightKind[] = [
  'OVERDUE_BY_ORG',
  'OVERDUE_BY_TEAM',
  'CARRIED_OVER',
]

export interface Named {
  id: Id
  name: string
}

export interface Insight {
  kind: InsightKind
  severity: InsightSeverity
  /** The org category the insight is about, when it is about one. */
  category: OrgCategory | null
  orgs: Named[]
  problemCategories: Named[]
  dimensions: Named[]
  teams: Named[]
  /** Figures by name, each a two-decimal string (scores, percents) or an integer string (counts). */
  figures: Record<string, string>
  /** Drill-down targets: the assessments, findings, rectification items and rounds behind it. */
  assessmentIds: Id[]
  findingIds: Id[]
  rectificationIds: Id[]
  roundIds: Id[]
}

export interface InsightThresholds {
  /** Problem concentration: the categories that make up this share (percent) of the findings. */
  concentrationShare: DecimalInput
  /** A concentrated category whose share rose by at least this many points is a warning. */
  concentrationRise: DecimalInput
  /** Declining: the total fell in each of this many consecutive rounds… */
  declineRounds: number
  /** …or fell by more than this many points in the last one. */
  dropPoints: DecimalInput
  /** Consistency: a team's mean deduction per org differs from the other teams' by more than this. */
  consistencyMargin: DecimalInput
  /** Items carried over at least this many times (more than once). */
  carryOvers: number
  /** How many weakest dimensions to name per org. */
  orgWeakDimensions: number
}

export const DEFAULT_INSIGHT_THRESHOLDS: InsightThresholds = {
  concentrationShare: '80',
  concentrationRise: '5',
  declineRounds: 2,
  dropPoints: '3',
  consistencyMargin: '1',
  carryOvers: 2,
  orgWeakDimensions: 3,
}

export interface InsightRound {
  id: Id
  year: number
  quarter: number
  /** When the round was published (a close-out cohort is measured at the next publication). */
  publishedAt: Date | null
}

/** A published assessment in one of the rounds (current and earlier), with its frozen results. */
export interface InsightAssessment {
  id: Id
  roundId: Id
  org: Named
  category: OrgCategory
  total: DecimalInput
  listMark: 'RED' | 'BLUE' | null
}

/** A frozen dimension subtotal of a current-round assessment. */
export interface InsightDimensionScore {
  assessmentId: Id
  /** Matched across scheme revisions by code. */
  code: string
  dimension: Named
  max: DecimalInput
  points: DecimalInput
}

/** A standing finding of the current round. */
export interface InsightFinding {
  id: Id
  assessmentId: Id
  orgId: Id
  problemCategory: Named
  deduction: DecimalInput
}

/** Standing findings per problem category of an earlier round. */
export interface InsightProblemCount {
  roundId: Id
  problemCategoryId: Id
  findings: number
}

/** A rectification item opened by the current round or an earlier one. */
export interface InsightItem {
  id: Id
  roundId: Id
  orgId: Id
  problemCategoryId: Id | null
  /** The team that inspected the org in the item's round. */
  team: Named | null
  deadline: ChinaDateString
  /** When it was verified (销号); null while open. */
  closedAt: Date | null
  carryOvers: number
}

/** Which team inspected which org in the current round. */
export interface InsightAssignment {
  team: Named
  orgId: Id
}

export interface RoundInsightInput {
  /** The area's published rounds up to and including the current one, oldest first. */
  rounds: readonly InsightRound[]
  assessments: readonly InsightAssessment[]
  dimensionScores: readonly InsightDimensionScore[]
  findings: readonly InsightFinding[]
  earlierProblemCounts: readonly InsightProblemCount[]
  items: readonly InsightItem[]
  assignments: readonly InsightAssignment[]
  /** The instant live kinds are measured at. */
  asOf: Date
  thresholds?: Partial<InsightThresholds>
}

const KIND_ORDER: readonly InsightKind[] = [
  'DECLINING_ORG',
  'BLUE_AGAIN',
  'NEWLY_BLUE',
  'REPEAT_AFTER_VERIFICATION',
  'CARRIED_OVER',
  'OVERDUE_BY_ORG',
  'OVERDUE_BY_TEAM',
  'PROBLEM_CONCENTRATION',
  'NEW_PROBLEM_CATEGORY',
  'CLOSE_OUT_RATE',
  'TEAM_INCONSISTENCY',
  'WEAK_DIMENSION',
  'ORG_WEAK_DIMENSION',
]

const CATEGORIES: readonly OrgCategory[] = ['I', 'II', 'III']

function k(id: Id): string {
  return String(id)
}

function insight(
  kind: InsightKind,
  severity: InsightSeverity,
  parts: Partial<Omit<Insight, 'kind' | 'severity'>>,
): Insight {
  return {
    kind,
    severity,
    category: null,
    orgs: [],
    problemCategories: [],
    dimensions: [],
    teams: [],
    figures: {},
    assessmentIds: [],
    findingIds: [],
    rectificationIds: [],
    roundIds: [],
    ...parts,
  }
}

function percent(part: number, whole: number): ScoreString {
  return decimalToFixed2(new D(part).times(100).div(whole))
}

function minus(a: DecimalInput, b: DecimalInput): ScoreString {
  return decimalToFixed2(toDecimal(a).minus(toDecimal(b)))
}

function thresholdsOf(input: RoundInsightInput): InsightThresholds {
  return { ...DEFAULT_INSIGHT_THRESHOLDS, ...input.thresholds }
}

function currentRound(input: RoundInsightInput): InsightRound {
  const round = input.rounds[input.rounds.length - 1]
  if (!round) throw new RangeError('roundInsights needs the current round')
  return round
}

/** Rows by key; a group exists only with a first row, which the type says so `group[0]` is a row. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, [T, ...T[]]> {
  const groups = new Map<string, [T, ...T[]]>()
  for (const row of rows) {
    const g = groups.get(key(row))
    if (g) g.push(row)
    else groups.set(key(row), [row])
  }
  return groups
}

// ---------------------------------------------------------------------------------------------
// Problem concentration

/**
 * The problem categories that make up `concentrationShare` % of the round's standing findings
 * (most frequent first; categories tied with the last one taken are taken too), with their share
 * and its change against the previous round; and every category not found in any earlier round.
 */
export function problemConcentration(input: RoundInsightInput): Insight[] {
  const t = thresholdsOf(input)
  const round = currentRound(input)
  const previous = input.rounds[input.rounds.length - 2]
  const total = input.findings.length
  if (total === 0) return []
  const byCategory = [...groupBy(input.findings, (f) => k(f.problemCategory.id)).values()]
  // Most findings first; ties in the order of the problem category's id, so the result is stable.
  byCategory.sort(
    (a, b) =>
      b.length - a.length ||
      k(a[0].problemCategory.id).localeCompare(k(b[0].problemCategory.id), 'en', {
        numeric: true,
      }),
  )
  const previousCounts = new Map<string, number>()
  const seenBefore = new Set<string>()
  let previousTotal = 0
  for (const c of input.earlierProblemCounts) {
    if (c.findings <= 0) continue
    seenBefore.add(k(c.problemCategoryId))
    if (previous && k(c.roundId) === k(previous.id)) {
      previousCounts.set(
        k(c.problemCategoryId),
        (previousCounts.get(k(c.problemCategoryId)) ?? 0) + c.findings,
      )
      previousTotal += c.findings
    }
  }
  const target = toDecimal(t.concentrationShare)
  const out: Insight[] = []
  let covered = 0
  let lastTaken = -1
  for (const group of byCategory) {
    const reached = new D(covered).times(100).div(total).gte(target)
    if (reached && group.length !== lastTaken) break
    covered += group.length
    lastTaken = group.length
    const pc = group[0].problemCategory
    const share = percent(group.length, total)
    const figures: Record<string, string> = {
      count: String(group.length),
      total: String(total),
      share,
      cumulativeShare: percent(covered, total),
    }
    let severity: InsightSeverity = 'INFO'
    if (previous && previousTotal > 0) {
      const before = percent(previousCounts.get(k(pc.id)) ?? 0, previousTotal)
      figures.previousShare = before
      figures.change = minus(share, before)
      if (compareScores(figures.change, t.concentrationRise) >= 0) severity = 'WARNING'
    }
    out.push(
      insight('PROBLEM_CONCENTRATION', severity, {
        problemCategories: [pc],
        figures,
        findingIds: group.map((f) => f.id),
        roundIds: [round.id],
      }),
    )
  }
  // With no earlier round everything would be "new": say nothing rather than everything.
  if (input.rounds.length > 1) {
    for (const group of byCategory) {
      const pc = group[0].problemCategory
      if (seenBefore.has(k(pc.id))) continue
      out.push(
        insight('NEW_PROBLEM_CATEGORY', 'NOTICE', {
          problemCategories: [pc],
          figures: {
            count: String(group.length),
            orgs: String(new Set(group.map((f) => k(f.orgId))).size),
          },
          orgs: [],
          findingIds: group.map((f) => f.id),
          roundIds: [round.id],
        }),
      )
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Declining orgs and the blue list

/**
 * Orgs whose total fell in each of the last `declineRounds` rounds, or by more than `dropPoints` in
 * the last one; orgs on the blue list for the first time (not on it in the previous round) and
 * orgs on it again (the count of consecutive rounds). An org that joined late is judged on the
 * rounds it has: a streak needs a total in every round of it.
 */
export function decliningOrgs(input: RoundInsightInput): Insight[] {
  const t = thresholdsOf(input)
  const round = currentRound(input)
  const positions = new Map(input.rounds.map((r, i) => [k(r.id), i]))
  const last = input.rounds.length - 1
  const byOrg = groupBy(input.assessments, (a) => k(a.org.id))
  const out: Insight[] = []
  for (const rows of byOrg.values()) {
    const series: (InsightAssessment | undefined)[] = input.rounds.map(() => undefined)
    for (const a of rows) {
      const p = positions.get(k(a.roundId))
      if (p !== undefined) series[p] = a
    }
    const now = series[last]
    if (!now) continue
    // Consecutive falls ending at the current round.
    let falls = 0
    for (let i = last; i > 0; i--) {
      const a = series[i]
      const b = series[i - 1]
      if (!a || !b || compareScores(a.total, b.total) >= 0) break
      falls++
    }
    const before = series[last - 1]
    const drop = before ? minus(before.total, now.total) : null
    const bigDrop = drop !== null && compareScores(drop, t.dropPoints) > 0
    // A fall or a drop needs the round before, so `before` and `drop` exist whenever this fires.
    if (before && drop !== null && (falls >= t.declineRounds || bigDrop)) {
      const window = series.slice(Math.max(0, last - Math.max(falls, 1)))
      out.push(
        insight('DECLINING_ORG', 'WARNING', {
          category: now.category,
          orgs: [now.org],
          figures: {
            total: toFixed2(now.total),
            previousTotal: toFixed2(before.total),
            drop,
            falls: String(falls),
          },
          assessmentIds: window.flatMap((a) => (a ? [a.id] : [])),
          roundIds: window.flatMap((a) => (a ? [a.roundId] : [])),
        }),
      )
    }
    if (now.listMark === 'BLUE') {
      let consecutive = 0
      for (let i = last; i >= 0 && series[i]?.listMark === 'BLUE'; i--) consecutive++
      const run = series.slice(last - consecutive + 1)
      out.push(
        insight(consecutive > 1 ? 'BLUE_AGAIN' : 'NEWLY_BLUE', 'WARNING', {
          category: now.category,
          orgs: [now.org],
          // The total of the round before, when the org was assessed in one: without it, "not on
          // the list in the previous round" would be said of an org that had no previous round.
          figures: {
            total: toFixed2(now.total),
            consecutive: String(consecutive),
            ...(before ? { previousTotal: toFixed2(before.total) } : {}),
          },
          assessmentIds: run.flatMap((a) => (a ? [a.id] : [])),
          roundIds: consecutive > 1 ? run.flatMap((a) => (a ? [a.roundId] : [])) : [round.id],
        }),
      )
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Weak dimensions

/**
 * Per org category, the dimension (several when tied) where the category lost the largest share of
 * its maxima; per org, the dimensions where it is furthest below its category's average (up to
 * `orgWeakDimensions` of them, only those below it). Averages are the engine's half-up means of the
 * frozen subtotals, the figure the drill-down shows; a category of one org is its own average, so
 * it names no org.
 */
export function weakDimensions(input: RoundInsightInput): Insight[] {
  const t = thresholdsOf(input)
  const round = currentRound(input)
  const current = new Map(
    input.assessments.filter((a) => k(a.roundId) === k(round.id)).map((a) => [k(a.id), a]),
  )
  const out: Insight[] = []
  for (const category of CATEGORIES) {
    const scores = input.dimensionScores.filter(
      (s) => current.get(k(s.assessmentId))?.category === category,
    )
    if (scores.length === 0) continue
    const byCode = groupBy(scores, (s) => s.code)
    // Lost share per dimension: Σ(max − points) / Σ max.
    const rates = [...byCode.values()].map((rows) => {
      const lost = rows.reduce(
        (sum, s) => sum.plus(toDecimal(s.max).minus(toDecimal(s.points))),
        new D(0),
      )
      const max = rows.reduce((sum, s) => sum.plus(toDecimal(s.max)), new D(0))
      return {
        rows,
        lostRate: max.isZero() ? '0.00' : decimalToFixed2(lost.times(100).div(max)),
        averageLost: decimalToFixed2(lost.div(rows.length)),
        average: required(meanScore(rows.map((s) => s.points)), 'the mean of a dimension group'),
      }
    })
    const worst = rates.reduce(
      (m, r) => (compareScores(r.lostRate, m) > 0 ? r.lostRate : m),
      '0.00',
    )
    if (compareScores(worst, '0') > 0) {
      for (const r of rates.filter((x) => compareScores(x.lostRate, worst) === 0)) {
        out.push(
          insight('WEAK_DIMENSION', 'INFO', {
            category,
            dimensions: [r.rows[0].dimension],
            figures: {
              lostRate: r.lostRate,
              averageLost: r.averageLost,
              averagePoints: r.average,
              max: toFixed2(r.rows[0].max),
              orgs: String(r.rows.length),
            },
            roundIds: [round.id],
          }),
        )
      }
    }
    const averageOf = new Map(rates.map((r) => [r.rows[0].code, r.average]))
    const byAssessment = groupBy(scores, (s) => k(s.assessmentId))
    for (const [assessmentId, rows] of byAssessment) {
      const a = required(current.get(assessmentId), `assessment ${assessmentId} of the round`)
      const gaps = rows
        .map((s, order) => {
          const average = required(averageOf.get(s.code), `the average of dimension ${s.code}`)
          return { s, order, average, gap: minus(s.points, average) }
        })
        .filter((g) => compareScores(g.gap, '0') < 0)
        // Furthest below first; ties in the scheme's order of dimensions.
        .sort((x, y) => compareScores(x.gap, y.gap) || x.order - y.order)
        .slice(0, t.orgWeakDimensions)
      gaps.forEach((g, i) => {
        out.push(
          insight('ORG_WEAK_DIMENSION', 'INFO', {
            category,
            orgs: [a.org],
            dimensions: [g.s.dimension],
            figures: {
              position: String(i + 1),
              points: toFixed2(g.s.points),
              categoryAverage: g.average,
              gap: g.gap,
              max: toFixed2(g.s.max),
            },
            assessmentIds: [a.id],
            roundIds: [round.id],
          }),
        )
      })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Repeat findings after verification

/**
 * 屡查屡犯 after verification: an org found again with a problem category for which an item of an
 * earlier round had been verified and crossed off (销号) before this round was published. One
 * insight per (org, problem category), naming the earlier items and the new findings.
 */
export function repeatFindings(input: RoundInsightInput): Insight[] {
  const round = currentRound(input)
  const until = round.publishedAt ?? input.asOf
  const verified = groupBy(
    input.items.filter(
      (i) =>
        k(i.roundId) !== k(round.id) &&
        i.problemCategoryId !== null &&
        i.closedAt !== null &&
        i.closedAt.getTime() <= until.getTime(),
    ),
    (i) => `${k(i.orgId)}\u0000${i.problemCategoryId === null ? '' : k(i.problemCategoryId)}`,
  )
  const orgName = new Map(input.assessments.map((a) => [k(a.org.id), a.org]))
  const out: Insight[] = []
  for (const [key, findings] of groupBy(
    input.findings,
    (f) => `${k(f.orgId)}\u0000${k(f.problemCategory.id)}`,
  )) {
    const earlier = verified.get(key)
    if (!earlier) continue
    const f = findings[0]
    const rounds = new Set([...earlier.map((i) => k(i.roundId)), k(round.id)])
    out.push(
      insight('REPEAT_AFTER_VERIFICATION', 'WARNING', {
        orgs: [orgName.get(k(f.orgId)) ?? { id: f.orgId, name: '' }],
        problemCategories: [f.problemCategory],
        figures: { findings: String(findings.length), earlierItems: String(earlier.length) },
        assessmentIds: [f.assessmentId],
        findingIds: findings.map((x) => x.id),
        rectificationIds: earlier.map((i) => i.id),
        roundIds: input.rounds.filter((r) => rounds.has(k(r.id))).map((r) => r.id),
      }),
    )
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Close-out

/**
 * The close-out rate of the items the previous round opened, measured when this round was
 * published, against the same rate one round earlier (its items at the previous publication):
 * each cohort gets one round's time. Stored with the round.
 */
export function closeOutRate(input: RoundInsightInput): Insight[] {
  const n = input.rounds.length
  const round = input.rounds[n - 1]
  if (!round || n < 2) return []
  const rateOf = (cohort: InsightRound, at: Date | null) => {
    const items = input.items.filter((i) => k(i.roundId) === k(cohort.id))
    if (items.length === 0 || !at) return null
    const closed = items.filter((i) => i.closedAt !== null && i.closedAt.getTime() <= at.getTime())
    return { items, closed, rate: percent(closed.length, items.length) }
  }
  const cohort = input.rounds[n - 2]
  if (!cohort) return []
  const now = rateOf(cohort, round.publishedAt ?? input.asOf)
  if (!now) return []
  const earlier = input.rounds[n - 3]
  const before = earlier ? rateOf(earlier, cohort.publishedAt) : null
  const figures: Record<string, string> = {
    rate: now.rate,
    items: String(now.items.length),
    closed: String(now.closed.length),
  }
  let severity: InsightSeverity = 'INFO'
  if (before) {
    figures.previousRate = before.rate
    figures.change = minus(now.rate, before.rate)
    if (compareScores(figures.change, '0') < 0) severity = 'NOTICE'
  }
  const closed = new Set(now.closed)
  return [
    insight('CLOSE_OUT_RATE', severity, {
      figures,
      rectificationIds: now.items.filter((i) => !closed.has(i)).map((i) => i.id),
      roundIds: [cohort.id],
    }),
  ]
}

/**
 * Live: items not verified and past their deadline (the end of its China day) at `asOf`, by org
 * and by the team that inspected the org in the item's round; and items carried over
 * `carryOvers` times or more and still open, by org.
 */
export function overdueItems(input: RoundInsightInput): Insight[] {
  const t = thresholdsOf(input)
  const asOf = input.asOf.getTime()
  const open = input.items.filter((i) => i.closedAt === null || i.closedAt.getTime() > asOf)
  const overdue = open.filter((i) => chinaDayEnd(i.deadline).getTime() <= asOf)
  const orgName = new Map(input.assessments.map((a) => [k(a.org.id), a.org]))
  const named = (id: Id) => orgName.get(k(id)) ?? { id, name: '' }
  const out: Insight[] = []
  const roundsOf = (items: InsightItem[]) => [
    ...new Map(items.map((i) => [k(i.roundId), i.roundId])).values(),
  ]
  for (const items of groupBy(overdue, (i) => k(i.orgId)).values()) {
    out.push(
      insight('OVERDUE_BY_ORG', items.length > 1 ? 'WARNING' : 'NOTICE', {
        orgs: [named(items[0].orgId)],
        figures: { overdue: String(items.length) },
        rectificationIds: items.map((i) => i.id),
        roundIds: roundsOf(items),
      }),
    )
  }
  const withTeam = overdue.flatMap((i) => (i.team === null ? [] : [{ ...i, team: i.team }]))
  for (const items of groupBy(withTeam, (i) => k(i.team.id)).values()) {
    out.push(
      insight('OVERDUE_BY_TEAM', 'NOTICE', {
        teams: [items[0].team],
        orgs: [...new Map(items.map((i) => [k(i.orgId), named(i.orgId)])).values()],
        figures: {
          overdue: String(items.length),
          orgs: String(new Set(items.map((i) => k(i.orgId))).size),
        },
        rectificationIds: items.map((i) => i.id),
        roundIds: roundsOf(items),
      }),
    )
  }
  const carried = open.filter((i) => i.carryOvers >= t.carryOvers)
  for (const items of groupBy(carried, (i) => k(i.orgId)).values()) {
    out.push(
      insight('CARRIED_OVER', 'WARNING', {
        orgs: [named(items[0].orgId)],
        figures: {
          items: String(items.length),
          maxCarryOvers: String(Math.max(...items.map((i) => i.carryOvers))),
        },
        rectificationIds: items.map((i) => i.id),
        roundIds: roundsOf(items),
      }),
    )
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Consistency between inspection teams

/**
 * Per org category, each team's mean deduction per org it inspected (orgs without findings count
 * as 0) against the mean over the orgs the other teams inspected; a difference beyond
 * `consistencyMargin` suggests the teams apply the standards differently. Needs two teams in the
 * category.
 */
export function teamConsistency(input: RoundInsightInput): Insight[] {
  const t = thresholdsOf(input)
  const round = currentRound(input)
  const teamOf = new Map(input.assignments.map((a) => [k(a.orgId), a.team]))
  const deductionOf = new Map<string, DecimalInput[]>()
  for (const f of input.findings) {
    const list = deductionOf.get(k(f.assessmentId)) ?? []
    list.push(f.deduction)
    deductionOf.set(k(f.assessmentId), list)
  }
  const out: Insight[] = []
  for (const category of CATEGORIES) {
    const rows = input.assessments.flatMap((a) => {
      const team = teamOf.get(k(a.org.id))
      if (k(a.roundId) !== k(round.id) || a.category !== category || !team) return []
      return [{ a, team, deducted: sumScores(deductionOf.get(k(a.id)) ?? []) }]
    })
    const byTeam = groupBy(rows, (r) => k(r.team.id))
    if (byTeam.size < 2) continue
    for (const team of byTeam.values()) {
      const others = rows.filter((r) => k(r.team.id) !== k(team[0].team.id))
      // Two teams at least, so both sides have rows and a mean.
      const mean = required(meanScore(team.map((r) => r.deducted)), 'the mean of a team')
      const othersMean = required(
        meanScore(others.map((r) => r.deducted)),
        'the mean of the other teams',
      )
      const diff = minus(mean, othersMean)
      if (toDecimal(diff).abs().lte(toDecimal(t.consistencyMargin))) continue
      out.push(
        insight('TEAM_INCONSISTENCY', 'NOTICE', {
          category,
          teams: [team[0].team],
          orgs: team.map((r) => r.a.org),
          figures: {
            mean,
            othersMean,
            difference: diff,
            orgs: String(team.length),
            otherOrgs: String(others.length),
          },
          assessmentIds: team.map((r) => r.a.id),
          roundIds: [round.id],
        }),
      )
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------

function severityRank(s: InsightSeverity): number {
  return INSIGHT_SEVERITIES.indexOf(s)
}

/** Warnings first, then by kind in a fixed order; within a kind, the order the rule produced. */
export function sortInsights(insights: readonly Insight[]): Insight[] {
  return insights
    .map((x, i) => ({ x, i }))
    .sort(
      (a, b) =>
        severityRank(a.x.severity) - severityRank(b.x.severity) ||
        KIND_ORDER.indexOf(a.x.kind) - KIND_ORDER.indexOf(b.x.kind) ||
        a.i - b.i,
    )
    .map(({ x }) => x)
}

/** The insights fixed at publication (everything but the live kinds), sorted. */
export function frozenRoundInsights(input: RoundInsightInput): Insight[] {
  return sortInsights([
    ...problemConcentration(input),
    ...decliningOrgs(input),
    ...weakDimensions(input),
    ...repeatFindings(input),
    ...closeOutRate(input),
    ...teamConsistency(input),
  ])
}

/** Every insight of the round: the frozen ones and the live ones at `asOf`, sorted. */
export function roundInsights(input: RoundInsightInput): Insight[] {
  return sortInsights([...frozenRoundInsights(input), ...overdueItems(input)])
}

/** Kinds about one org that its branch may read. */
const OWN_ORG_KINDS: readonly InsightKind[] = [
  'DECLINING_ORG',
  'NEWLY_BLUE',
  'BLUE_AGAIN',
  'ORG_WEAK_DIMENSION',
  'REPEAT_AFTER_VERIFICATION',
  'OVERDUE_BY_ORG',
  'CARRIED_OVER',
]

/**
 * What a branch may see (R12, R13): the insights about its own org alone, and the weak dimensions
 * of its own category (a share of the category's maxima, naming no org). Problem concentration,
 * team consistency and overdue items by team are built from other orgs' findings and items, so a
 * branch does not get them.
 */
export function insightsForOrg(
  insights: readonly Insight[],
  orgId: Id,
  category: OrgCategory | null,
): Insight[] {
  return insights.filter((x) => {
    if (x.kind === 'WEAK_DIMENSION') return x.category === category
    return (
      OWN_ORG_KINDS.includes(x.kind) &&
      x.orgs.length === 1 &&
      x.orgs[0] !== undefined &&
      k(x.orgs[0].id) === k(orgId)
    )
  })
}
