/**
 * The inspection history of the demo: five published rounds (2021–2025, Q4 each year) whose
 * figures match the source — 161 feedback forms, 286 findings in 33 problem categories — and the
 * 2026 Q4 round in progress. Every score, rank, list mark and adjustment is computed by
 * @redblue/scoring from the generated inputs and findings.
 */

import { required } from '@redblue/scoring'
import { type Catalog, type Inspector, type Org } from './catalog'
import { LEADERSHIP } from './people'
import type { Random } from './random'
import { AREAS, MAIN_AREA } from './schemes'
import { addDays, at, chinaDate, dbDate, minDay } from './time'
import {
  type RoundSpec,
  QUARTER_NAMES,
  roundName,
  type Team,
  type RawFinding,
  type RoundCtx,
  type RectificationCtx,
  type RoundsResult,
} from './context'
import {
  drawFindings,
  ensureEveryCategory,
  drawCurrentFindings,
  recordFindings,
  reconcile,
} from './findings'
import { scoreAndPublish, assessCurrent, annualResults } from './assessments'
import { openRectifications, settleRectifications } from './rectifications'

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
    return required(strength.get(k), 'the strength of an org')
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
    const found = recordFindings(
      catalog,
      ctx,
      required(raw[r], `the raw findings of round ${r}`),
      forms,
      previous,
      random,
    )
    ctx.findings = found
    reconcile(catalog, ctx, random)
    scoreAndPublish(catalog, ctx, strengthIn, random)
    rectifications.push(...openRectifications(catalog, ctx))
    rounds.push(ctx)
    previous = ctx
  })

  const latest = required(rounds[rounds.length - 1], 'the latest round')
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
      ;[pool[slot], pool[i]] = [
        required(pool[i], `inspection pool slot ${i}`),
        required(pool[slot], `inspection pool slot ${slot}`),
      ]
    }
    // Team 1's other members must not come from the demo branch orgs (conflict of interest).
    const fromBranch = (x: Inspector) => branchOrgs.some((o) => o.id === x.homeOrgId)
    for (const slot of [1, 2]) {
      if (!fromBranch(required(pool[slot], `inspection pool slot ${slot}`))) continue
      const i = pool.findIndex((x, j) => j >= 6 && !fromBranch(x))
      ;[pool[slot], pool[i]] = [
        required(pool[i], `inspection pool slot ${i}`),
        required(pool[slot], `inspection pool slot ${slot}`),
      ]
    }
  }
  const teams: Team[] = []
  for (let t = 0; t < 4; t++) {
    const teamId = ids.take('inspectionTeam')
    const name = `第${required(QUARTER_NAMES[t], `the name of quarter ${t + 1}`)}检查组`
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
      if (!canInspect(required(teams[0], 'team 1'), org))
        throw new Error(`Team 1 cannot inspect ${org.code}`)
      assign(required(teams[0], 'team 1'), org)
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
      visits.push({
        org,
        team,
        day: required(days[Math.min(days.length - 1, Math.floor(i / 2))], 'a visit day'),
      })
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
      createdById: required(team.members[0], 'the first member of a team').id,
      createdAt: at(day, second ? '16:30' : '11:30'),
    })
    forms.set(org.id, [...(forms.get(org.id) ?? []), id])
  }
  for (const { org, team, day } of visits) {
    ctx.visitDay.set(org.id, day)
    addForm(org, team, day, false)
  }
  for (const code of ctx.spec.secondVisits) {
    const org = required(catalog.orgByCode.get(code), `org ${code}`)
    const day = minDay(
      addDays(required(ctx.visitDay.get(org.id), `the visit day of org ${org.code}`), 2),
      ctx.spec.end,
    )
    addForm(org, required(ctx.teamOf.get(org.id), `the team of org ${org.code}`), day, true)
  }
  return forms
}

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
  return [
    required(catalog.orgById.get(first.orgId), `org ${first.orgId}`),
    required(catalog.orgById.get(second.orgId), `org ${second.orgId}`),
  ]
}
