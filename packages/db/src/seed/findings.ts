/** Findings of the demo rounds: who had which problem, on which form, and how it was reconciled. */

import { findRepeats, required } from '@redblue/scoring'
import type { CheckMethod } from '../generated/prisma/enums'
import { type Catalog, type Org } from './catalog'
import { PROBLEMS } from './problems'
import type { Random } from './random'
import { MAIN_AREA, type AreaCode } from './schemes'
import { addDays, at } from './time'
import { type RoundSpec, type RawFinding, type FindingCtx, type RoundCtx } from './context'

export function drawFindings(
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
export function ensureEveryCategory(raw: RawFinding[][]): void {
  const all = raw.flat()
  for (const problem of PROBLEMS) {
    if (all.some((f) => f.problem.code === problem.code)) continue
    const counts = new Map<string, number>()
    for (const f of all) counts.set(f.problem.code, (counts.get(f.problem.code) ?? 0) + 1)
    const donor = all
      .filter((f) => f.area === problem.area)
      .sort(
        (a, b) =>
          required(counts.get(b.problem.code), `the count of problem ${b.problem.code}`) -
          required(counts.get(a.problem.code), `the count of problem ${a.problem.code}`),
      )[0]
    if (!donor) throw new Error(`No finding in area ${problem.area} to turn into ${problem.code}`)
    donor.problem = problem
  }
}

export function drawCurrentFindings(
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
          ? required(before[0], 'an earlier finding').problem
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

export function recordFindings(
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
    const slot = Math.min(
      orgForms.length - 1,
      Math.floor((ofOrg.indexOf(f) * orgForms.length) / ofOrg.length),
    )
    const formId = required(orgForms[slot], `feedback form ${slot} of org ${f.org.code}`)
    perForm.set(formId, (perForm.get(formId) ?? 0) + 1)
    const team = required(ctx.teamOf.get(f.org.id), `the team of org ${f.org.code}`)
    const visit = required(ctx.visitDay.get(f.org.id), `the visit day of org ${f.org.code}`)
    const method: CheckMethod = random.pick(f.problem.methods)
    rows.finding.push({
      id: f.id,
      roundId: ctx.id,
      orgId: f.org.id,
      areaId: catalog.areaId[f.area],
      assessmentId: 0, // set when the assessment exists (scoreAndPublish / assessCurrent)
      indicatorId: 0,
      problemCategoryId: required(
        catalog.problemId.get(f.problem.code),
        `problem category ${f.problem.code}`,
      ),
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
    const n = perForm.get(required(form.id, 'the id of a written feedback form')) ?? 0
    form.summary =
      n === 0
        ? '经走访座谈、查阅资料、现场查看，未发现明显问题，党建工作开展规范。'
        : `经走访座谈、查阅资料、现场查看，共发现问题${n}条，已现场反馈，请对照问题清单核对确认并抓好整改。`
  }
  return found
}

/** The org confirms most findings; disputed ones are upheld or withdrawn by the admin. */
export function reconcile(catalog: Catalog, ctx: RoundCtx, random: Random): void {
  const { rows, ids } = catalog
  const day = addDays(ctx.spec.end, 4)
  ctx.findings.forEach((f, i) => {
    const row = required(
      rows.finding.find((r) => r.id === f.id),
      `finding row ${f.id}`,
    )
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
