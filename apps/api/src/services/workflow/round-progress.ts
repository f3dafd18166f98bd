import type { AssessmentStatus, PrismaClient } from '@redblue/db'
import { FINDINGS_VISIBLE_ROUND_STATUSES } from '@redblue/scoring'
import { getRound } from './rounds'

/** Where one org's score sheet for one area stands in the round's workflow. */
export type ProgressStage = AssessmentStatus | 'RECONCILED'

export interface RoundProgressRow {
  orgId: number
  orgName: string
  teamId: number | null
  teamName: string | null
  /** Null while the round is planning: score sheets open when inspection starts. */
  assessmentId: number | null
  areaName: string | null
  stage: ProgressStage
  findings: number
  /** Findings the org has not yet confirmed or disputed. */
  pending: number
  /** Disputes an administrator has yet to resolve. */
  disputed: number
}

/**
 * Progress of a round per org (and area once inspection started), with the team that inspects it:
 * the page an administrator runs the round from. An assessment is reconciled once it is
 * submitted, the round has reached reconciliation and none of its findings is pending or disputed.
 */
export async function roundProgress(prisma: PrismaClient, roundId: number): Promise<RoundProgressRow[]> {
  const round = await getRound(prisma, roundId)
  const [assignments, assessments, counts] = await Promise.all([
    prisma.teamAssignment.findMany({ where: { roundId }, select: { orgId: true, team: { select: { id: true, name: true } } } }),
    prisma.assessment.findMany({
      where: { roundId },
      select: { id: true, orgId: true, status: true, org: { select: { name: true } }, area: { select: { name: true } } },
      orderBy: [{ org: { sortOrder: 'asc' } }, { orgId: 'asc' }, { area: { sortOrder: 'asc' } }],
    }),
    prisma.finding.groupBy({
      by: ['assessmentId', 'reconciliationStatus'],
      where: { roundId },
      _count: { _all: true },
    }),
  ])
  const teamOf = new Map(assignments.map((a) => [a.orgId, a.team]))
  // From reconciliation on, findings are out and the progress counts their answers.
  const reconciling = FINDINGS_VISIBLE_ROUND_STATUSES.includes(round.status)
  if (assessments.length === 0) {
    // Planning: the orgs this round will assess, each with its team (or none yet).
    const orgs = await prisma.organization.findMany({
      where: { active: true, assessed: true, categoryAssignments: { some: { year: round.year } } },
      select: { id: true, name: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    })
    return orgs.map((org) => ({
      orgId: org.id,
      orgName: org.name,
      teamId: teamOf.get(org.id)?.id ?? null,
      teamName: teamOf.get(org.id)?.name ?? null,
      assessmentId: null,
      areaName: null,
      stage: 'NOT_STARTED',
      findings: 0,
      pending: 0,
      disputed: 0,
    }))
  }
  const tally = new Map<number, { findings: number; pending: number; disputed: number }>()
  for (const row of counts) {
    const t = tally.get(row.assessmentId) ?? { findings: 0, pending: 0, disputed: 0 }
    t.findings += row._count._all
    if (row.reconciliationStatus === 'PENDING') t.pending += row._count._all
    if (row.reconciliationStatus === 'DISPUTED') t.disputed += row._count._all
    tally.set(row.assessmentId, t)
  }
  return assessments.map((a) => {
    const t = tally.get(a.id) ?? { findings: 0, pending: 0, disputed: 0 }
    const reconciled = reconciling && a.status === 'SUBMITTED' && t.pending === 0 && t.disputed === 0
    return {
      orgId: a.orgId,
      orgName: a.org.name,
      teamId: teamOf.get(a.orgId)?.id ?? null,
      teamName: teamOf.get(a.orgId)?.name ?? null,
      assessmentId: a.id,
      areaName: a.area.name,
      stage: reconciled ? 'RECONCILED' : a.status,
      ...t,
    }
  })
}
