/**
 * The inspection history of the demo: five published rounds (2021–2025, Q4 each year) whose
 * figures match the source — 161 feedback forms, 286 findings in 33 problem categories — and the
 * 2026 Q4 round in progress. Every score, rank, list mark and adjustment is computed by
 * @redblue/scoring from the generated inputs and findings.
 */
import {
  annualRollup,
  computeLists,
  chinaMonth,
  defaultDeadline,
  findRepeats,
  rankEntries,
  scoreAssessment,
  type AssessmentScore,
  type FindingInput,
  type IndicatorInputValue,
} from '@redblue/scoring'
import type { CheckMethod, OrgCategory, ReconciliationStatus } from '../generated/prisma/enums'
import {
  ANNUAL_COMPONENTS,
  schemeKey,
  type Catalog,
  type Inspector,
  type Org,
  type SchemeInfo,
} from './catalog'
import { categoryOf } from './orgs'
import { LEADERSHIP } from './people'
import { PROBLEMS, type ProblemSeed } from './problems'
import type { Random } from './random'
import { AREAS, MAIN_AREA, type AreaCode } from './schemes'
import { addDays, at, chinaDate, dbDate, maxDay, minDay } from './time'

interface RoundSpec {
  year: number
  quarter: number
  start: string
  end: string
  /** Published rounds only. */
  published?: string
  /** Findings per area; their sum over the published rounds is the source's 286. */
  findings: Partial<Record<AreaCode, number>>
  /** Orgs visited twice (a second feedback form); with one form per org per round: 161 forms. */
  secondVisits: string[]
}

export const PUBLISHED_ROUNDS: readonly RoundSpec[] = [
  {
    year: 2021,
    quarter: 4,
    start: '2021-12-06',
    end: '2021-12-17',
    published: '2022-01-12',
    findings: { PARTY_BUILDING: 72 },
    secondVisits: ['G01', 'G04'],
  },
  {
    year: 2022,
    quarter: 4,
    start: '2022-12-05',
    end: '2022-12-16',
    published: '2023-01-11',
    findings: { PARTY_BUILDING: 52, INTEGRITY: 6, PUBLICITY: 5 },
    secondVisits: ['G07'],
  },
  {
    year: 2023,
    quarter: 4,
    start: '2023-12-04',
    end: '2023-12-15',
    published: '2024-01-10',
    findings: { PARTY_BUILDING: 46, INTEGRITY: 5, PUBLICITY: 5 },
    secondVisits: ['G01'],
  },
  {
    year: 2024,
    quarter: 4,
    start: '2024-12-09',
    end: '2024-12-20',
    published: '2025-01-13',
    findings: { PARTY_BUILDING: 41, INTEGRITY: 5, PUBLICITY: 4 },
    secondVisits: ['G04'],
  },
  {
    year: 2025,
    quarter: 4,
    start: '2025-12-08',
    end: '2025-12-19',
    published: '2026-01-12',
    findings: { PARTY_BUILDING: 37, INTEGRITY: 4, PUBLICITY: 4 },
    secondVisits: ['G07'],
  },
]

export const CURRENT_ROUND: RoundSpec = {
  year: 2026,
  quarter: 4,
  start: '2026-11-16',
  end: '2026-11-27',
  findings: { PARTY_BUILDING: 16, INTEGRITY: 2, PUBLICITY: 2 },
  secondVisits: [],
}

const QUARTER_NAMES = ['一', '二', '三', '四']
const roundName = (spec: RoundSpec) =>
  `${spec.year}年第${QUARTER_NAMES[spec.quarter - 1]!}季度党建工作检查`

interface Team {
  id: number
  name: string
  members: Inspector[]
  orgs: Org[]
}

interface InterviewItemCtx {
  id: number
  org: Org
  content: string
  date: string
}

interface RawFinding {
  org: Org
  area: AreaCode
  problem: ProblemSeed
}

interface FindingCtx extends RawFinding {
  id: number
  status: ReconciliationStatus
  description: string
  deduction: string
  assessmentId: number
  indicatorId: number
}

interface RoundCtx {
  index: number
  id: number
  spec: RoundSpec
  name: string
  areas: AreaCode[]
  publishedAt?: Date
  teams: Team[]
  teamOf: Map<number, Team>
  visitDay: Map<number, string>
  findings: FindingCtx[]
  /** (orgId, area) → scores of published rounds */
  scores: Map<string, { total: string; base: string }>
  /** Items of this round's interviews, waiting to open their rectifications. */
  interviewItems: InterviewItemCtx[]
}

/** An item to fix; its state is decided once the whole history is known. */
interface RectificationCtx {
  id: number
  round: RoundCtx
  org: Org
  title: string
  defaultDeadline: string
}

export interface RoundsResult {
  rounds: RoundCtx[]
  current: RoundCtx
  branchOrgs: [Org, Org]
  publishedFindings: number
}

const key = (orgId: number, area: AreaCode) => `${orgId}|${area}`

export function buildRounds(catalog: Catalog, now: Date, random: Random): RoundsResult {
  const today = chinaDate(now)

  // Each org's strength drifts a little from round to round.
  const strength = new Map<string, number>()
  const strengthIn = (org: Org, roundIndex: number) => {
    const k = `${org.id}|${roundIndex}`
    if (!strength.has(k))
      strength.set(
        k,
        Math.min(1, Math.max(0, org.strength + (random.next() - 0.5) * 0.2 + roundIndex * 0.02)),
      )
    return strength.get(k)!
  }

  // Phase 1: which org had which kind of problem in which round (all published rounds, so every one
  // of the 33 categories can be guaranteed to occur).
  const raw: RawFinding[][] = PUBLISHED_ROUNDS.map(() => [])
  PUBLISHED_ROUNDS.forEach((spec, r) => {
    raw[r] = drawFindings(spec, r, raw[r - 1] ?? [], catalog.orgs, strengthIn, random)
  })
  ensureEveryCategory(raw)

  const rounds: RoundCtx[] = []
  const rectifications: RectificationCtx[] = []

  let previous: RoundCtx | undefined
  PUBLISHED_ROUNDS.forEach((spec, r) => {
    const ctx = openRound(catalog, spec, r, previous, random)
    const forms = visitAndForms(catalog, ctx)
    const found = recordFindings(catalog, ctx, raw[r]!, forms, previous, random)
    ctx.findings = found
    reconcile(catalog, ctx, random)
    scoreAndPublish(catalog, ctx, strengthIn, random)
    rectifications.push(...openRectifications(catalog, ctx))
    rounds.push(ctx)
    previous = ctx
  })

  const latest = rounds[rounds.length - 1]!
  const branchOrgs = chooseBranchOrgs(catalog, latest)
  const current = openRound(catalog, CURRENT_ROUND, rounds.length, latest, random, branchOrgs)
  const forms = visitAndForms(catalog, current)
  const currentRaw = drawCurrentFindings(current, latest, branchOrgs, random)
  current.findings = recordFindings(catalog, current, currentRaw, forms, latest, random)
  assessCurrent(catalog, current, strengthIn, random)

  settleRectifications(catalog, rounds, current, rectifications, today, now, branchOrgs[0], random)
  annualResults(catalog, rounds, random)

  return {
    rounds,
    current,
    branchOrgs,
    publishedFindings: rounds.reduce((n, r) => n + r.findings.length, 0),
  }
}

// ---------------------------------------------------------------------------------------------
// Findings

function drawFindings(
  spec: RoundSpec,
  roundIndex: number,
  previous: readonly RawFinding[],
  orgs: readonly Org[],
  strengthIn: (org: Org, round: number) => number,
  random: Random,
): RawFinding[] {
  const found: RawFinding[] = []
  for (const [area, count] of Object.entries(spec.findings) as [AreaCode, number][]) {
    const perOrg = new Map<number, number>()
    const cap = area === MAIN_AREA ? 6 : 2
    const problems = PROBLEMS.filter((p) => p.area === area)
    for (let i = 0; i < count; i++) {
      const candidates = orgs.filter((o) => (perOrg.get(o.id) ?? 0) < cap)
      const org = random.weighted(
        candidates.map((o) => [o, (1.15 - strengthIn(o, roundIndex)) ** 2] as const),
      )
      perOrg.set(org.id, (perOrg.get(org.id) ?? 0) + 1)
      const before = previous.filter((f) => f.org.id === org.id && f.area === area)
      // 屡查屡犯: some problems come back in the next round.
      const problem =
        before.length > 0 && random.chance(0.2)
          ? random.pick(before).problem
          : random.weighted(problems.map((p) => [p, p.weight] as const))
      found.push({ org, area, problem })
    }
  }
  return found
}

/** Reassigns a few findings so that every problem category occurs at least once. */
function ensureEveryCategory(raw: RawFinding[][]): void {
  const all = raw.flat()
  for (const problem of PROBLEMS) {
    if (all.some((f) => f.problem.code === problem.code)) continue
    const counts = new Map<string, number>()
    for (const f of all) counts.set(f.problem.code, (counts.get(f.problem.code) ?? 0) + 1)
    const donor = all
      .filter((f) => f.area === problem.area)
      .sort((a, b) => counts.get(b.problem.code)! - counts.get(a.problem.code)!)[0]
    if (!donor) throw new Error(`No finding in area ${problem.area} to turn into ${problem.code}`)
    donor.problem = problem
  }
}

function drawCurrentFindings(
  current: RoundCtx,
  latest: RoundCtx,
  branchOrgs: [Org, Org],
  random: Random,
): RawFinding[] {
  const visited = [...current.visitDay.keys()]
  const visitedOrgs = current.teams.flatMap((t) => t.orgs).filter((o) => visited.includes(o.id))
  const found: RawFinding[] = []
  // The demo branch users' orgs get findings, including a repeat of last round's problem.
  for (const [org, n] of [
    [branchOrgs[0], 3],
    [branchOrgs[1], 2],
  ] as const) {
    const before = latest.findings.filter((f) => f.org.id === org.id && f.area === MAIN_AREA)
    for (let i = 0; i < n; i++) {
      const problem =
        i === 0 && before.length > 0
          ? before[0]!.problem
          : random.weighted(
              PROBLEMS.filter((p) => p.area === MAIN_AREA).map((p) => [p, p.weight] as const),
            )
      found.push({ org, area: MAIN_AREA, problem })
    }
  }
  for (const [area, count] of Object.entries(current.spec.findings) as [AreaCode, number][]) {
    const problems = PROBLEMS.filter((p) => p.area === area)
    const already = found.filter((f) => f.area === area).length
    for (let i = already; i < count; i++) {
      const org = random.pick(visitedOrgs)
      found.push({
        org,
        area,
        problem: random.weighted(problems.map((p) => [p, p.weight] as const)),
      })
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// Round set-up: status history, teams, training, assignments, visit schedule

function openRound(
  catalog: Catalog,
  spec: RoundSpec,
  index: number,
  previous: RoundCtx | undefined,
  random: Random,
  branchOrgs?: [Org, Org],
): RoundCtx {
  const { rows, ids } = catalog
  const id = ids.take('inspectionRound')
  const areas = AREAS.map((a) => a.code).filter(
    (code) => (spec.findings[code] ?? 0) > 0 || spec.year >= 2022,
  )
  const planningDay = addDays(spec.start, -21)
  const reconcileDay = addDays(spec.end, 3)
  const publishedAt = spec.published ? at(spec.published, '10:00') : undefined
  rows.inspectionRound.push({
    id,
    year: spec.year,
    quarter: spec.quarter,
    name: roundName(spec),
    status: publishedAt ? 'PUBLISHED' : 'INSPECTING',
    previousRoundId: previous?.id,
    inspectionStart: dbDate(spec.start),
    inspectionEnd: dbDate(spec.end),
    startedAt: at(spec.start),
    publishedAt,
    createdAt: at(planningDay),
  })
  for (const area of areas) rows.roundArea.push({ roundId: id, areaId: catalog.areaId[area] })
  const transitions: [string | null, string, Date][] = [
    [null, 'PLANNING', at(planningDay)],
    ['PLANNING', 'INSPECTING', at(spec.start, '08:30')],
  ]
  if (publishedAt) {
    transitions.push(['INSPECTING', 'RECONCILING', at(reconcileDay, '17:00')])
    transitions.push(['RECONCILING', 'PUBLISHED', publishedAt])
  }
  for (const [from, to, when] of transitions) {
    rows.roundStatusChange.push({
      id: ids.take('roundStatusChange'),
      roundId: id,
      fromStatus: from as never,
      toStatus: to as never,
      actorId: catalog.adminId,
      at: when,
    })
  }

  // Four teams of three; the demo inspectors lead teams 1 and 2 in the current round.
  const pool = random.shuffle(catalog.inspectors)
  if (branchOrgs) {
    for (const [slot, username] of [
      [0, 'inspector1'],
      [3, 'inspector2'],
    ] as const) {
      const i = pool.findIndex((x) => x.username === username)
      ;[pool[slot], pool[i]] = [pool[i]!, pool[slot]!]
    }
    // Team 1's other members must not come from the demo branch orgs (conflict of interest).
    const fromBranch = (x: Inspector) => branchOrgs.some((o) => o.id === x.homeOrgId)
    for (const slot of [1, 2]) {
      if (!fromBranch(pool[slot]!)) continue
      const i = pool.findIndex((x, j) => j >= 6 && !fromBranch(x))
      ;[pool[slot], pool[i]] = [pool[i]!, pool[slot]!]
    }
  }
  const teams: Team[] = []
  for (let t = 0; t < 4; t++) {
    const teamId = ids.take('inspectionTeam')
    const name = `第${QUARTER_NAMES[t]!}检查组`
    const members = pool.slice(t * 3, t * 3 + 3)
    teams.push({ id: teamId, name, members, orgs: [] })
    rows.inspectionTeam.push({ id: teamId, roundId: id, name, createdAt: at(planningDay) })
    members.forEach((m, i) =>
      rows.teamMember.push({ id: ids.take('teamMember'), teamId, userId: m.id, isLeader: i === 0 }),
    )
    rows.trainingRecord.push({
      id: ids.take('trainingRecord'),
      teamId,
      date: dbDate(addDays(spec.start, -3)),
      topic: `${roundName(spec)}检查组集中培训：检查内容、评价标准和工作纪律`,
      hours: '3.00',
      trainer: `党建工作部 ${LEADERSHIP.admin.displayName}`,
      notes: '学习实施方案和评分细则，统一扣分尺度，签订检查工作纪律承诺书。',
    })
  }

  // Conflict of interest: a team never inspects the home org of one of its members.
  const teamOf = new Map<number, Team>()
  const canInspect = (team: Team, org: Org) => team.members.every((m) => m.homeOrgId !== org.id)
  const assign = (team: Team, org: Org) => {
    team.orgs.push(org)
    teamOf.set(org.id, team)
    rows.teamAssignment.push({
      id: ids.take('teamAssignment'),
      roundId: id,
      teamId: team.id,
      orgId: org.id,
    })
  }
  if (branchOrgs) {
    for (const org of branchOrgs) {
      if (!canInspect(teams[0]!, org)) throw new Error(`Team 1 cannot inspect ${org.code}`)
      assign(teams[0]!, org)
    }
  }
  for (const org of random.shuffle(catalog.orgs)) {
    if (teamOf.has(org.id)) continue
    const team = teams
      .filter((t) => canInspect(t, org))
      .sort((a, b) => a.orgs.length - b.orgs.length)[0]
    if (!team) throw new Error(`No team may inspect ${org.code}`)
    assign(team, org)
  }

  return {
    index,
    id,
    spec,
    name: roundName(spec),
    areas,
    publishedAt,
    teams,
    teamOf,
    visitDay: new Map(),
    findings: [],
    scores: new Map(),
    interviewItems: [],
  }
}

/** Work days of the inspection window; each team visits two orgs a day. */
function workDays(start: string, end: string): string[] {
  const days: string[] = []
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6) days.push(d)
  }
  return days
}

/** Schedules the visits and writes the feedback forms; returns org id → form ids. */
function visitAndForms(catalog: Catalog, ctx: RoundCtx): Map<number, number[]> {
  const { rows, ids } = catalog
  const days = workDays(ctx.spec.start, ctx.spec.end)
  const inProgress = !ctx.publishedAt
  const visits: { org: Org; team: Team; day: string }[] = []
  for (const team of ctx.teams) {
    // In the current round about 60% of each team's orgs have been visited so far.
    const visitedCount = inProgress ? Math.ceil(team.orgs.length * 0.6) : team.orgs.length
    team.orgs.slice(0, visitedCount).forEach((org, i) => {
      visits.push({ org, team, day: days[Math.min(days.length - 1, Math.floor(i / 2))]! })
    })
  }
  visits.sort((a, b) => a.day.localeCompare(b.day) || a.org.sortOrder - b.org.sortOrder)
  const forms = new Map<number, number[]>()
  let seq = 0
  const addForm = (org: Org, team: Team, day: string, second: boolean) => {
    const id = ids.take('feedbackForm')
    seq++
    rows.feedbackForm.push({
      id,
      roundId: ctx.id,
      orgId: org.id,
      teamId: team.id,
      formNo: `${ctx.spec.year}Q${ctx.spec.quarter}-${String(seq).padStart(3, '0')}`,
      visitDate: dbDate(day),
      summary: '',
      createdById: team.members[0]!.id,
      createdAt: at(day, second ? '16:30' : '11:30'),
    })
    forms.set(org.id, [...(forms.get(org.id) ?? []), id])
  }
  for (const { org, team, day } of visits) {
    ctx.visitDay.set(org.id, day)
    addForm(org, team, day, false)
  }
  for (const code of ctx.spec.secondVisits) {
    const org = catalog.orgByCode.get(code)!
    const day = minDay(addDays(ctx.visitDay.get(org.id)!, 2), ctx.spec.end)
    addForm(org, ctx.teamOf.get(org.id)!, day, true)
  }
  return forms
}

function recordFindings(
  catalog: Catalog,
  ctx: RoundCtx,
  raw: readonly RawFinding[],
  forms: Map<number, number[]>,
  previous: RoundCtx | undefined,
  random: Random,
): FindingCtx[] {
  const { rows, ids } = catalog
  const found: FindingCtx[] = raw.map((f) => ({
    ...f,
    id: ids.take('finding'),
    status: 'PENDING',
    description: random.pick(f.problem.findings),
    deduction:
      f.area === MAIN_AREA
        ? random.weighted([
            ['0.20', 3],
            ['0.30', 3],
            ['0.50', 4],
            ['1.00', 1],
          ] as const)
        : random.weighted([
            ['0.50', 3],
            ['1.00', 1],
          ] as const),
    assessmentId: 0,
    indicatorId: 0,
  }))
  const repeats = findRepeats(
    found.map((f) => ({ id: f.id, orgId: f.org.id, problemCategoryId: f.problem.code })),
    (previous?.findings ?? []).map((f) => ({ orgId: f.org.id, problemCategoryId: f.problem.code })),
  )
  // Forms are filled with their findings in order; a second visit's form takes the later ones.
  const perForm = new Map<number, number>()
  found.forEach((f, i) => {
    const orgForms = forms.get(f.org.id)
    if (!orgForms) throw new Error(`Finding for ${f.org.code}, which was not visited`)
    const ofOrg = found.filter((g) => g.org.id === f.org.id)
    const formId =
      orgForms[
        Math.min(
          orgForms.length - 1,
          Math.floor((ofOrg.indexOf(f) * orgForms.length) / ofOrg.length),
        )
      ]!
    perForm.set(formId, (perForm.get(formId) ?? 0) + 1)
    const team = ctx.teamOf.get(f.org.id)!
    const visit = ctx.visitDay.get(f.org.id)!
    const method: CheckMethod = random.pick(f.problem.methods)
    rows.finding.push({
      id: f.id,
      roundId: ctx.id,
      orgId: f.org.id,
      areaId: catalog.areaId[f.area],
      assessmentId: 0, // set when the assessment exists (scoreAndPublish / assessCurrent)
      indicatorId: 0,
      problemCategoryId: catalog.problemId.get(f.problem.code)!,
      feedbackFormId: formId,
      description: f.description,
      checkMethod: method,
      deduction: f.deduction,
      isRepeat: repeats.has(f.id),
      reconciliationStatus: 'PENDING',
      createdById: random.pick(team.members).id,
      createdAt: at(visit, `${10 + (i % 6)}:${String((i * 7) % 60).padStart(2, '0')}`),
    })
  })
  for (const form of rows.feedbackForm) {
    if (form.roundId !== ctx.id) continue
    const n = perForm.get(form.id!) ?? 0
    form.summary =
      n === 0
        ? '经走访座谈、查阅资料、现场查看，未发现明显问题，党建工作开展规范。'
        : `经走访座谈、查阅资料、现场查看，共发现问题${n}条，已现场反馈，请对照问题清单核对确认并抓好整改。`
  }
  return found
}

/** The org confirms most findings; disputed ones are upheld or withdrawn by the admin. */
function reconcile(catalog: Catalog, ctx: RoundCtx, random: Random): void {
  const { rows, ids } = catalog
  const day = addDays(ctx.spec.end, 4)
  ctx.findings.forEach((f, i) => {
    const row = rows.finding.find((r) => r.id === f.id)!
    const when = at(day, `${9 + (i % 8)}:${String((i * 13) % 60).padStart(2, '0')}`)
    if (random.chance(0.12)) {
      rows.reconciliationRecord.push({
        id: ids.take('reconciliationRecord'),
        findingId: f.id,
        action: 'DISPUTE',
        reason: random.pick([
          '检查时相关记录已在档案盒中，现场未能及时提供，现补充佐证材料。',
          '该项工作已于季度内完成，系统录入延迟，申请复核。',
          '问题描述与实际情况不符，附会议记录复印件。',
        ]),
        actorId: f.org.userId,
        at: when,
      })
      const upheld = random.chance(0.55)
      f.status = upheld ? 'UPHELD' : 'WITHDRAWN'
      rows.reconciliationRecord.push({
        id: ids.take('reconciliationRecord'),
        findingId: f.id,
        action: upheld ? 'UPHOLD' : 'WITHDRAW',
        reason: upheld
          ? '经复核，佐证材料形成时间晚于检查时间，维持原认定。'
          : '经复核，佐证材料齐全，撤销该问题。',
        actorId: catalog.adminId,
        at: at(addDays(day, 3), '15:00'),
      })
    } else {
      f.status = 'CONFIRMED'
      rows.reconciliationRecord.push({
        id: ids.take('reconciliationRecord'),
        findingId: f.id,
        action: 'CONFIRM',
        reason: '',
        actorId: f.org.userId,
        at: when,
      })
    }
    row.reconciliationStatus = f.status
    row.version = 2
  })
}

// ---------------------------------------------------------------------------------------------
// Inputs, scores, ranks, lists, adjustments, notice, interviews

const RATING_LABELS = ['好', '较好', '一般', '差'] as const

function drawInputs(
  scheme: SchemeInfo,
  unitType: Org['unitType'],
  s: number,
  area: AreaCode,
  random: Random,
): IndicatorInputValue[] {
  const inputs: IndicatorInputValue[] = []
  for (const ind of scheme.definition.indicators) {
    if (ind.unitTypeRestriction && ind.unitTypeRestriction !== unitType) continue
    const id = ind.id as number
    if (ind.method === 'RATING') {
      const good = area === MAIN_AREA ? 0.6 + 0.38 * s : 0.7 + 0.28 * s
      const level = random.weighted([
        [RATING_LABELS[0], good],
        [RATING_LABELS[1], (1 - good) * 0.85],
        [RATING_LABELS[2], (1 - good) * 0.14],
        [RATING_LABELS[3], (1 - good) * 0.01],
      ] as const)
      inputs.push({ indicatorId: id, ratingLevel: level })
    } else if (ind.method === 'QUANTITY') {
      const target = Number(ind.target)
      const seed = scheme.indicatorSeed.get(id)!
      let value: number
      if (seed.targetUnit === '%')
        value = Math.min(100, Math.round((88 + 12 * s + (random.next() - 0.3) * 8) * 10) / 10)
      else if (seed.targetUnit === '篇')
        value = Math.max(1, Math.round(target * (0.85 + 0.35 * s) + (random.next() - 0.4) * 2))
      else value = Math.round(target * (0.9 + 0.15 * s + (random.next() - 0.5) * 0.12) * 2) / 2
      inputs.push({ indicatorId: id, quantityValue: value.toFixed(2) })
    } else if (ind.method === 'BONUS') {
      const max = Number(ind.maxPoints)
      const steps = (
        [
          [0, 1.7 - s],
          [0.5, 0.8 * s],
          [1, 0.4 * s],
          [1.5, 0.15 * s],
          [2, 0.08 * s],
        ] as const
      ).filter(([v]) => v <= max)
      inputs.push({ indicatorId: id, bonusPoints: random.weighted(steps).toFixed(2) })
    }
  }
  return inputs
}

interface Scored {
  org: Org
  area: AreaCode
  category: OrgCategory
  assessmentId: number
  score: AssessmentScore
}

function createAssessment(
  catalog: Catalog,
  ctx: RoundCtx,
  org: Org,
  area: AreaCode,
): { id: number; scheme: SchemeInfo; category: OrgCategory } {
  const category = categoryOf(org, ctx.spec.year)
  const scheme = catalog.schemes.get(schemeKey(ctx.spec.year, area, category))
  if (!scheme) throw new Error(`No scheme for ${ctx.spec.year} ${area} ${category}`)
  const id = catalog.ids.take('assessment')
  for (const f of ctx.findings) {
    if (f.org.id !== org.id || f.area !== area) continue
    f.assessmentId = id
    f.indicatorId = scheme.indicatorId.get(f.problem.indicator)!
    const row = catalog.rows.finding.find((r) => r.id === f.id)!
    row.assessmentId = id
    row.indicatorId = f.indicatorId
  }
  return { id, scheme, category }
}

function scoreAndPublish(
  catalog: Catalog,
  ctx: RoundCtx,
  strengthIn: (org: Org, round: number) => number,
  random: Random,
): void {
  const { rows, ids } = catalog
  const publishedAt = ctx.publishedAt!
  const month = chinaMonth(publishedAt)
  const rules = catalog.ruleSet(ctx.spec.year)
  const scored: Scored[] = []
  for (const area of ctx.areas) {
    for (const org of catalog.orgs) {
      const { id, scheme, category } = createAssessment(catalog, ctx, org, area)
      const inputs = drawInputs(scheme, org.unitType, strengthIn(org, ctx.index), area, random)
      const findings: FindingInput[] = ctx.findings
        .filter((f) => f.assessmentId === id)
        .map((f) => ({
          id: f.id,
          indicatorId: f.indicatorId,
          deduction: f.deduction,
          counts: f.status === 'CONFIRMED' || f.status === 'UPHELD',
        }))
      const score = scoreAssessment(scheme.prepared, { unitType: org.unitType, inputs, findings })
      scored.push({ org, area, category, assessmentId: id, score })
      ctx.scores.set(key(org.id, area), { total: score.total, base: score.base })
      const team = ctx.teamOf.get(org.id)!
      const visit = ctx.visitDay.get(org.id)!
      const byIndicator = new Map(inputs.map((i) => [i.indicatorId as number, i]))
      for (const s of score.indicators) {
        if (!s.applicable) continue
        const input = byIndicator.get(s.indicatorId as number)
        rows.indicatorInput.push({
          id: ids.take('indicatorInput'),
          assessmentId: id,
          indicatorId: s.indicatorId as number,
          ratingLevel: input?.ratingLevel ?? undefined,
          quantityValue: (input?.quantityValue as string | undefined) ?? undefined,
          bonusPoints: (input?.bonusPoints as string | undefined) ?? undefined,
          points: s.points,
          updatedAt: at(visit, '16:00'),
        })
      }
      for (const d of score.dimensions) {
        rows.assessmentDimensionScore.push({
          assessmentId: id,
          dimensionId: d.dimensionId as number,
          points: d.points,
          lost: d.lost,
        })
      }
      rows.assessment.push({
        id,
        roundId: ctx.id,
        orgId: org.id,
        areaId: catalog.areaId[area],
        schemeId: scheme.id,
        category,
        unitType: org.unitType,
        status: 'SUBMITTED',
        baseScore: score.base,
        bonusScore: score.bonus,
        totalScore: score.total,
        frozenAt: publishedAt,
        updatedById: team.members[0]!.id,
        createdAt: at(ctx.spec.start, '08:30'),
        updatedAt: publishedAt,
      })
    }
  }

  // R3 ranks per area and category, R4 lists and R5 adjustments per area.
  for (const area of ctx.areas) {
    const listRows = []
    for (const category of ['I', 'II', 'III'] as const) {
      const entries = scored
        .filter((s) => s.area === area && s.category === category)
        .map((s) => ({ ...s, total: s.score.total }))
      for (const ranked of rankEntries(entries, (a, b) => a.org.sortOrder - b.org.sortOrder)) {
        rows.assessment.find((a) => a.id === ranked.assessmentId)!.rank = ranked.rank
        listRows.push({
          orgId: ranked.org.id,
          category,
          base: ranked.score.base,
          total: ranked.score.total,
          rank: ranked.rank,
        })
      }
    }
    const lists = computeLists(listRows, rules)
    for (const mark of lists.marks) {
      const s = scored.find((x) => x.area === area && x.org.id === mark.orgId)!
      rows.assessment.find((a) => a.id === s.assessmentId)!.listMark = mark.mark
      if (mark.mark === 'BLUE') interview(catalog, ctx, s, mark.reasons, random)
    }
    for (const adj of lists.adjustments) {
      rows.performanceAdjustment.push({
        id: ids.take('performanceAdjustment'),
        roundId: ctx.id,
        orgId: adj.orgId as number,
        areaId: catalog.areaId[area],
        category: adj.category,
        reason: adj.reason,
        points: adj.points,
        month,
        createdAt: publishedAt,
      })
    }
  }

  const pubYear = publishedAt.getUTCFullYear()
  rows.notice.push({
    id: ids.take('notice'),
    roundId: ctx.id,
    docNo: `白供电党〔${pubYear}〕${2 + ctx.index}号`,
    title: `关于${ctx.spec.year}年第${QUARTER_NAMES[ctx.spec.quarter - 1]!}季度基层党建工作季度差异化积分考核评价结果的通报`,
    issuedBy: '中共国网白银供电公司委员会',
    issuedAt: publishedAt,
  })
}

const INTERVIEWERS: Record<AreaCode, string> = {
  PARTY_BUILDING: `公司党委书记 ${LEADERSHIP.leader.displayName}`,
  INTEGRITY: `公司纪委书记 ${LEADERSHIP.disciplineSecretary}`,
  PUBLICITY: `公司党委副书记 ${LEADERSHIP.deputySecretary}`,
}

function interview(
  catalog: Catalog,
  ctx: RoundCtx,
  s: Scored,
  reasons: readonly string[],
  random: Random,
): void {
  const { rows, ids } = catalog
  const area = AREAS.find((a) => a.code === s.area)!
  const date = addDays(ctx.spec.published!, 6 + (s.org.sortOrder % 4))
  const id = ids.take('interview')
  const why = reasons.includes('BELOW_THRESHOLD')
    ? `基础得分${s.score.base}分，低于98分`
    : `总分${s.score.total}分，在${s.category}类党组织中排名末位`
  rows.interview.push({
    id,
    roundId: ctx.id,
    orgId: s.org.id,
    areaId: catalog.areaId[s.area],
    date: dbDate(date),
    interviewer: INTERVIEWERS[s.area],
    interviewee: `${s.org.secretary}（${s.org.shortName}书记）`,
    notes: `${ctx.name}${area.name}考评中，${s.org.name}${why}，进入“蓝榜”。约谈指出问题清单，${s.org.secretary}作表态发言，承诺逐项整改，下季度检查时“回头看”。`,
    createdAt: at(date, '15:00'),
  })
  const own = ctx.findings.filter(
    (f) => f.org.id === s.org.id && f.area === s.area && f.status !== 'WITHDRAWN',
  )
  const contents = [
    ...new Set(own.map((f) => `针对“${f.problem.name}”问题，${f.problem.measure}`)),
  ].slice(0, 2)
  contents.push(
    random.pick([
      '支部书记牵头开展一次党建工作专题自查，形成自查报告',
      '召开专题组织生活会，深入剖析问题根源',
      '制定提升方案，下季度检查前报送整改情况',
    ]),
  )
  contents.forEach((content, i) => {
    const itemId = ids.take('interviewItem')
    rows.interviewItem.push({ id: itemId, interviewId: id, content, sortOrder: i + 1 })
    ctx.interviewItems.push({ id: itemId, org: s.org, content, date })
  })
}

// ---------------------------------------------------------------------------------------------
// Rectifications (R8, R9)

interface OpenedRect extends RectificationCtx {
  source: 'FINDING' | 'INTERVIEW'
}

function openRectifications(catalog: Catalog, ctx: RoundCtx): OpenedRect[] {
  const { rows, ids } = catalog
  const publishedAt = ctx.publishedAt!
  const deadline = defaultDeadline(publishedAt, catalog.ruleSet(ctx.spec.year).rectificationDays)
  const opened: OpenedRect[] = []
  for (const f of ctx.findings) {
    if (f.status !== 'CONFIRMED' && f.status !== 'UPHELD') continue
    const id = ids.take('rectification')
    const title = `${f.problem.name}：${f.description}`
    rows.rectification.push({
      id,
      source: 'FINDING',
      findingId: f.id,
      orgId: f.org.id,
      roundId: ctx.id,
      problemCategoryId: catalog.problemId.get(f.problem.code)!,
      title,
      measure: f.problem.measure,
      responsiblePerson: `${f.org.secretary}（支部书记）`,
      deadline: dbDate(deadline),
      createdAt: publishedAt,
    })
    opened.push({ id, round: ctx, org: f.org, title, defaultDeadline: deadline, source: 'FINDING' })
  }
  {
    for (const item of ctx.interviewItems) {
      const id = ids.take('rectification')
      const itemDeadline = addDays(item.date, 30)
      rows.rectification.push({
        id,
        source: 'INTERVIEW',
        interviewItemId: item.id,
        orgId: item.org.id,
        roundId: ctx.id,
        title: item.content,
        measure: `按约谈清单要求落实：${item.content}`,
        responsiblePerson: `${item.org.secretary}（支部书记）`,
        deadline: dbDate(itemDeadline),
        createdAt: at(item.date, '16:00'),
      })
      opened.push({
        id,
        round: ctx,
        org: item.org,
        title: item.content,
        defaultDeadline: itemDeadline,
        source: 'INTERVIEW',
      })
    }
  }
  return opened
}

type FinalState = 'CLOSED' | 'OVERDUE' | 'DUE_SOON' | 'OPEN' | 'SUBMITTED' | 'RETURNED'
const OPEN_STATES: readonly FinalState[] = ['OVERDUE', 'DUE_SOON', 'SUBMITTED', 'RETURNED', 'OPEN']

/**
 * Older rounds' items were all verified (some after being carried over once); the latest published
 * round's items are spread over every state, with deadlines relative to today so the demo stays
 * current: overdue, due within the warning days, open, submitted for verification, returned.
 */
function settleRectifications(
  catalog: Catalog,
  rounds: RoundCtx[],
  current: RoundCtx,
  items: RectificationCtx[],
  today: string,
  now: Date,
  branchOrg: Org,
  random: Random,
): void {
  const { rows, ids } = catalog
  const latest = rounds[rounds.length - 1]!
  const event = (
    rectificationId: number,
    type: 'CREATED' | 'EDITED' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'CARRIED_OVER',
    when: Date,
    actorId: number,
    note: string,
    roundId?: number,
  ) => {
    rows.rectificationEvent.push({
      id: ids.take('rectificationEvent'),
      rectificationId,
      type,
      roundId,
      note,
      actorId,
      createdAt: when > now ? now : when,
    })
  }
  const verifier = (round: RoundCtx, org: Org) =>
    round.teamOf.get(org.id)?.members[0]?.id ?? catalog.adminId

  // The demo branch org covers every open state first; the rest is drawn.
  const branchQueue: FinalState[] = [
    'OVERDUE',
    'DUE_SOON',
    'SUBMITTED',
    'RETURNED',
    'OPEN',
    'CLOSED',
  ]
  const globalQueue: FinalState[] = [...OPEN_STATES]

  for (const item of items) {
    const row = rows.rectification.find((r) => r.id === item.id)!
    const createdAt = row.createdAt as Date
    event(item.id, 'CREATED', createdAt, catalog.adminId, `整改期限：${item.defaultDeadline}`)
    const submitDay = addDays(item.defaultDeadline, -random.int(2, 12))

    if (item.round !== latest) {
      const next = rounds[item.round.index + 1]!
      const carried = item.round.index + 2 < rounds.length && random.chance(0.06)
      const verifyRound = carried ? rounds[item.round.index + 2]! : next
      if (random.chance(0.1)) {
        event(
          item.id,
          'SUBMITTED',
          at(addDays(submitDay, -7), '10:00'),
          item.org.userId,
          '已完成整改，上传佐证材料。',
        )
        event(
          item.id,
          'RETURNED',
          at(addDays(submitDay, -4), '15:00'),
          catalog.adminId,
          '佐证材料不完整，请补充会议记录和照片。',
        )
      }
      if (carried) {
        const visit = next.visitDay.get(item.org.id) ?? next.spec.start
        const extended = addDays(next.spec.published!, 30)
        event(
          item.id,
          'CARRIED_OVER',
          at(visit, '15:00'),
          verifier(next, item.org),
          `“回头看”：整改尚未到位，结转至下一轮，完成时限调整为${extended}。`,
          next.id,
        )
        row.carryOverCount = 1
        row.deadline = dbDate(extended)
      }
      const lastDeadline = carried ? addDays(next.spec.published!, 30) : item.defaultDeadline
      event(
        item.id,
        'SUBMITTED',
        at(minDay(submitDay, lastDeadline), '10:00'),
        item.org.userId,
        '已按整改措施完成整改，佐证材料已上传。',
      )
      const verifyDay = verifyRound.visitDay.get(item.org.id) ?? verifyRound.spec.start
      event(
        item.id,
        'VERIFIED',
        at(verifyDay, '15:30'),
        verifier(verifyRound, item.org),
        '“回头看”核查：整改到位，同意销号。',
        verifyRound.id,
      )
      row.status = 'CLOSED'
      row.closedAt = at(verifyDay, '15:30')
      row.version = 3
      continue
    }

    let state: FinalState
    if (item.org.id === branchOrg.id && branchQueue.length > 0) state = branchQueue.shift()!
    else if (globalQueue.length > 0 && random.chance(0.5)) state = globalQueue.shift()!
    else
      state = random.weighted([
        ['CLOSED', 55],
        ['OVERDUE', 9],
        ['DUE_SOON', 8],
        ['OPEN', 10],
        ['SUBMITTED', 10],
        ['RETURNED', 8],
      ] as const)

    const extend = (deadline: string) => {
      row.deadline = dbDate(deadline)
      const when = maxDay(addDays(createdAt.toISOString().slice(0, 10), 20), addDays(deadline, -45))
      event(
        item.id,
        'EDITED',
        at(minDay(when, today), '11:00'),
        catalog.adminId,
        `经申请，完成时限调整为${deadline}。`,
      )
    }
    const visit = current.visitDay.get(item.org.id)
    switch (state) {
      case 'CLOSED': {
        const lookBack = visit !== undefined && visit <= today && random.chance(0.4)
        const day = lookBack ? visit : addDays(submitDay, random.int(5, 20))
        event(
          item.id,
          'SUBMITTED',
          at(submitDay, '10:00'),
          item.org.userId,
          '已完成整改，佐证材料已上传。',
        )
        event(
          item.id,
          'VERIFIED',
          at(day, '15:30'),
          lookBack ? verifier(current, item.org) : catalog.adminId,
          lookBack ? '“回头看”核查：整改到位，同意销号。' : '经核查整改到位，同意销号。',
          lookBack ? current.id : undefined,
        )
        row.status = 'CLOSED'
        row.closedAt = at(day, '15:30')
        row.version = 3
        break
      }
      case 'OVERDUE':
        extend(addDays(today, -random.int(3, 20)))
        break
      case 'DUE_SOON':
        extend(addDays(today, random.int(1, 6)))
        break
      case 'OPEN': {
        const deadline = addDays(today, random.int(15, 40))
        if (visit !== undefined && visit <= today) {
          row.deadline = dbDate(deadline)
          row.carryOverCount = 1
          event(
            item.id,
            'CARRIED_OVER',
            at(visit, '15:00'),
            verifier(current, item.org),
            `“回头看”：整改尚未完成，结转跟踪，完成时限调整为${deadline}。`,
            current.id,
          )
        } else {
          extend(deadline)
        }
        break
      }
      case 'SUBMITTED':
        extend(addDays(today, random.int(5, 20)))
        event(
          item.id,
          'SUBMITTED',
          at(addDays(today, -random.int(1, 4)), '10:00'),
          item.org.userId,
          '已完成整改，提交佐证材料，请核查。',
        )
        row.status = 'SUBMITTED'
        row.version = 2
        break
      case 'RETURNED':
        extend(addDays(today, random.int(8, 20)))
        event(
          item.id,
          'SUBMITTED',
          at(addDays(today, -10), '10:00'),
          item.org.userId,
          '已完成整改，提交佐证材料。',
        )
        event(
          item.id,
          'RETURNED',
          at(addDays(today, -7), '15:00'),
          catalog.adminId,
          '佐证材料不能证明整改到位，请补充整改前后对比材料后重新提交。',
        )
        row.status = 'RETURNED'
        row.version = 3
        break
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The round in progress

function chooseBranchOrgs(catalog: Catalog, latest: RoundCtx): [Org, Org] {
  // Team 1 of the current round (led by inspector1) inspects both: not inspector1's own org.
  const homeOrgs = new Set(
    catalog.inspectors.filter((i) => i.username === 'inspector1').map((i) => i.homeOrgId),
  )
  const marks = catalog.rows.assessment.filter(
    (a) =>
      a.roundId === latest.id &&
      a.areaId === catalog.areaId[MAIN_AREA] &&
      a.listMark === 'BLUE' &&
      !homeOrgs.has(a.orgId),
  )
  const last = marks
    .filter((a) => a.category !== 'III')
    .sort((a, b) => (a.category === 'II' ? -1 : 1) - (b.category === 'II' ? -1 : 1))
  const first = last[0] ?? marks[0]
  if (!first)
    throw new Error('The latest round has no blue-list org to give to the demo branch user')
  const second =
    marks.find((a) => a.orgId !== first.orgId && a.category === 'III') ??
    marks.find((a) => a.orgId !== first.orgId)
  if (!second) throw new Error('The latest round has only one blue-list org')
  return [catalog.orgById.get(first.orgId)!, catalog.orgById.get(second.orgId)!]
}

function assessCurrent(
  catalog: Catalog,
  ctx: RoundCtx,
  strengthIn: (org: Org, round: number) => number,
  random: Random,
): void {
  const { rows, ids } = catalog
  for (const area of ctx.areas) {
    for (const org of catalog.orgs) {
      const { id, scheme, category } = createAssessment(catalog, ctx, org, area)
      const visit = ctx.visitDay.get(org.id)
      const team = ctx.teamOf.get(org.id)!
      let status: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' = 'NOT_STARTED'
      if (visit !== undefined) {
        status = random.chance(0.35) ? 'SUBMITTED' : 'IN_PROGRESS'
        const inputs = drawInputs(scheme, org.unitType, strengthIn(org, ctx.index), area, random)
        // An assessment in progress has only part of its inputs.
        const kept = status === 'SUBMITTED' ? inputs : inputs.filter(() => random.chance(0.6))
        for (const input of kept) {
          rows.indicatorInput.push({
            id: ids.take('indicatorInput'),
            assessmentId: id,
            indicatorId: input.indicatorId as number,
            ratingLevel: input.ratingLevel ?? undefined,
            quantityValue: (input.quantityValue as string | undefined) ?? undefined,
            bonusPoints: (input.bonusPoints as string | undefined) ?? undefined,
            updatedAt: at(visit, '16:00'),
          })
        }
      }
      rows.assessment.push({
        id,
        roundId: ctx.id,
        orgId: org.id,
        areaId: catalog.areaId[area],
        schemeId: scheme.id,
        category,
        unitType: org.unitType,
        status,
        updatedById: visit !== undefined ? team.members[0]!.id : undefined,
        version: visit !== undefined ? 2 : 1,
        createdAt: at(ctx.spec.start, '08:30'),
        updatedAt: visit !== undefined ? at(visit, '16:00') : at(ctx.spec.start, '08:30'),
      })
    }
  }
}

// ---------------------------------------------------------------------------------------------
// R10 annual roll-up for the finished years

function annualResults(catalog: Catalog, rounds: RoundCtx[], random: Random): void {
  const { rows, ids } = catalog
  for (const round of rounds) {
    const year = round.spec.year
    const weight = catalog.ruleSet(year).quarterlyWeight
    for (const org of catalog.orgs) {
      const components = ANNUAL_COMPONENTS.map((c) => {
        const points = (85 + random.int(0, 26) / 2).toFixed(2)
        rows.annualComponentScore.push({
          id: ids.take('annualComponentScore'),
          year,
          orgId: org.id,
          code: c.code,
          points,
        })
        return { points, weight: c.weight }
      })
      const totals = rounds
        .filter((r) => r.spec.year === year)
        .map((r) => r.scores.get(key(org.id, MAIN_AREA))!.total)
      const result = annualRollup({ quarterlyTotals: totals, quarterlyWeight: weight, components })
      rows.annualResult.push({
        id: ids.take('annualResult'),
        year,
        orgId: org.id,
        ...result,
        computedAt: at(round.spec.published!, '12:00'),
      })
    }
  }
}
