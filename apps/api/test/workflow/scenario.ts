/**
 * Drives one quarter through the service layer with the fixture's numbers:
 *
 *   org  cat  findings (deduction → reconciliation)          rating  bonus  base    total
 *   A1   I    —                                              好      1      100.00  101.00
 *   A2   I    1.00 confirmed                                  好      2       99.00  101.00  (tie)
 *   A3   I    4.00 confirmed, 10.00 disputed → withdrawn      好      0       96.00   96.00
 *   A4   I    10.00 disputed → upheld                         好      0       90.00   90.00
 *   B1   II   1.00 left pending (deemed confirmed at publish) 好      0       99.00   99.00
 *   B2   II   —                                              较好    0       92.00   92.00
 *   C1   III  2.00 confirmed                                  好      0       98.00   98.00
 *   C2   III  2.01 confirmed                                  好      0       97.99   97.99
 *   C3   III  3.00 confirmed                                  好      3       97.00  100.00
 */
import type { PrismaClient } from '@redblue/db'
import * as wf from '../../src/services/workflow'
import type { Actor } from '../../src/access'
import type { FaultHooks, Tx } from '../../src/services/workflow/types'
import { YEAR, type Fixture, type OrgCode } from './fixtures'

export type Run = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>

export function runner(prisma: PrismaClient): Run {
  return (fn) => prisma.$transaction((tx) => fn(tx), { timeout: 60_000, maxWait: 30_000 })
}

/** 2026-03-31 16:30 UTC is already 2026-04-01 in China: the month of publication is April. */
export const PUBLISH_AT = new Date('2026-03-31T16:30:00Z')

export interface PlannedRound {
  roundId: number
  team1: number
  team2: number
}

/** Round in PLANNING with two teams: team 2 (insp2) takes A1 — insp1's home org — team 1 the rest. */
export async function planRound(
  run: Run,
  fx: Fixture,
  quarter = 1,
  year = YEAR,
): Promise<PlannedRound> {
  const round = await run((tx) =>
    wf.createRound(tx, fx.admin, { year, quarter, areaIds: [fx.areaId] }),
  )
  const team1 = await run((tx) =>
    wf.createTeam(tx, fx.admin, { roundId: round.id, name: '第一检查组' }),
  )
  const team2 = await run((tx) =>
    wf.createTeam(tx, fx.admin, { roundId: round.id, name: '第二检查组' }),
  )
  await run((tx) =>
    wf.addTeamMember(tx, fx.admin, { teamId: team1.id, userId: fx.insp1.userId, isLeader: true }),
  )
  await run((tx) =>
    wf.addTeamMember(tx, fx.admin, { teamId: team2.id, userId: fx.insp2.userId, isLeader: true }),
  )
  await run((tx) =>
    wf.addTrainingRecord(tx, fx.admin, {
      teamId: team1.id,
      date: new Date('2026-03-02'),
      topic: '评价标准培训',
    }),
  )
  for (const [code, orgId] of Object.entries(fx.orgs)) {
    await run((tx) =>
      wf.assignTeam(tx, fx.admin, {
        roundId: round.id,
        teamId: code === 'A1' ? team2.id : team1.id,
        orgId,
      }),
    )
  }
  return { roundId: round.id, team1: team1.id, team2: team2.id }
}

export function inspectorFor(fx: Fixture, code: OrgCode): Actor {
  return code === 'A1' ? fx.insp2 : fx.insp1
}

export async function assessmentOf(prisma: PrismaClient, roundId: number, orgId: number) {
  return prisma.assessment.findFirstOrThrow({ where: { roundId, orgId } })
}

interface OrgPlan {
  rating: string
  bonus?: string
  findings: {
    deduction: string
    reaction: 'confirm' | 'withdraw' | 'uphold' | 'pending'
    category?: number
  }[]
}

export const PLAN: Record<OrgCode, OrgPlan> = {
  A1: { rating: '好', bonus: '1', findings: [] },
  A2: { rating: '好', bonus: '2', findings: [{ deduction: '1.00', reaction: 'confirm' }] },
  A3: {
    rating: '好',
    findings: [
      { deduction: '4.00', reaction: 'confirm' },
      { deduction: '10.00', reaction: 'withdraw', category: 1 },
    ],
  },
  A4: { rating: '好', findings: [{ deduction: '10.00', reaction: 'uphold' }] },
  B1: { rating: '好', findings: [{ deduction: '1.00', reaction: 'pending' }] },
  B2: { rating: '较好', findings: [] },
  C1: { rating: '好', findings: [{ deduction: '2.00', reaction: 'confirm' }] },
  C2: { rating: '好', findings: [{ deduction: '2.01', reaction: 'confirm' }] },
  C3: {
    rating: '好',
    bonus: '3',
    findings: [{ deduction: '3.00', reaction: 'confirm', category: 2 }],
  },
}

/** PLANNING → INSPECTING, every org scored and submitted with its findings (see table above). */
export async function inspect(run: Run, prisma: PrismaClient, fx: Fixture, roundId: number) {
  await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' }))
  const findingIds: Record<string, number[]> = {}
  for (const [code, plan] of Object.entries(PLAN) as [OrgCode, OrgPlan][]) {
    const inspector = inspectorFor(fx, code)
    const assessment = await assessmentOf(prisma, roundId, fx.orgs[code])
    const scheme = Object.values(fx.schemes).find((s) => s.id === assessment.schemeId)!
    const form = await run((tx) =>
      wf.createFeedbackForm(tx, inspector, {
        roundId,
        orgId: fx.orgs[code],
        visitDate: new Date('2026-03-10'),
      }),
    )
    findingIds[code] = []
    for (const f of plan.findings) {
      const finding = await run((tx) =>
        wf.createFinding(tx, inspector, {
          assessmentId: assessment.id,
          indicatorId: scheme.i1,
          problemCategoryId: fx.problemCategories[f.category ?? 0]!,
          description: `${code} 问题 ${f.deduction}`,
          checkMethod: 'DOCUMENT_REVIEW',
          deduction: f.deduction,
          feedbackFormId: form.id,
        }),
      )
      findingIds[code].push(finding.id)
    }
    const current = await assessmentOf(prisma, roundId, fx.orgs[code])
    await run((tx) =>
      wf.saveAssessmentInputs(tx, inspector, {
        assessmentId: current.id,
        version: current.version,
        inputs: [
          { indicatorId: scheme.i2, ratingLevel: plan.rating },
          { indicatorId: scheme.i3, bonusPoints: plan.bonus ?? null },
        ],
      }),
    )
    const saved = await assessmentOf(prisma, roundId, fx.orgs[code])
    await run((tx) =>
      wf.submitAssessment(tx, inspector, { assessmentId: saved.id, version: saved.version }),
    )
  }
  return findingIds
}

/** INSPECTING → RECONCILING with the orgs' reactions and the admin's rulings. */
export async function reconcile(
  run: Run,
  fx: Fixture,
  roundId: number,
  findingIds: Record<string, number[]>,
) {
  await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'RECONCILING' }))
  for (const [code, plan] of Object.entries(PLAN) as [OrgCode, OrgPlan][]) {
    for (const [i, f] of plan.findings.entries()) {
      const findingId = findingIds[code]![i]!
      if (f.reaction === 'pending') continue
      const action = f.reaction === 'confirm' ? 'CONFIRM' : 'DISPUTE'
      await run((tx) =>
        wf.reconcileFinding(tx, fx.branch[code], {
          findingId,
          action,
          reason: action === 'DISPUTE' ? '材料齐全' : null,
        }),
      )
    }
  }
}

export async function resolveDisputes(run: Run, fx: Fixture, findingIds: Record<string, number[]>) {
  for (const [code, plan] of Object.entries(PLAN) as [OrgCode, OrgPlan][]) {
    for (const [i, f] of plan.findings.entries()) {
      if (f.reaction !== 'withdraw' && f.reaction !== 'uphold') continue
      await run((tx) =>
        wf.reconcileFinding(tx, fx.admin, {
          findingId: findingIds[code]![i]!,
          action: f.reaction === 'withdraw' ? 'WITHDRAW' : 'UPHOLD',
          reason: f.reaction === 'withdraw' ? '经复核材料齐全' : '经复核问题属实',
        }),
      )
    }
  }
}

export async function publish(
  run: Run,
  fx: Fixture,
  roundId: number,
  hooks: FaultHooks = {},
  now = PUBLISH_AT,
) {
  return run((tx) => wf.publishRound(tx, fx.admin, { roundId, now }, hooks))
}

/** The whole quarter up to publication; returns the ids the later steps need. */
export async function runQuarter(run: Run, prisma: PrismaClient, fx: Fixture) {
  const planned = await planRound(run, fx)
  const findingIds = await inspect(run, prisma, fx, planned.roundId)
  await reconcile(run, fx, planned.roundId, findingIds)
  await resolveDisputes(run, fx, findingIds)
  await publish(run, fx, planned.roundId)
  return { ...planned, findingIds }
}
