import type { AdjustmentReason, ListMark, OrgCategory, PrismaClient, RoundStatus } from '@redblue/db'
import { GraphQLError } from 'graphql'
import { requireAdmin, type Actor } from '../../access'
import { getRound, NEXT_STATUS, transitionRound } from './rounds'
import type { Tx } from './types'

export interface PreviewRankingRow {
  orgId: number
  orgName: string
  areaName: string
  category: OrgCategory
  base: string
  total: string
  rank: number | null
  listMark: ListMark | null
}

export interface PreviewAdjustment {
  orgName: string
  areaName: string
  reason: AdjustmentReason
  points: string
}

export interface PreviewOrgArea {
  orgName: string
  areaName: string
}

export interface PreviewFinding {
  id: number
  orgName: string
  areaName: string
  description: string
  deduction: string
}

/** What moving a round one step would do, found by doing it and rolling it back. */
export interface TransitionPreview {
  from: RoundStatus
  to: RoundStatus | null
  /** Why the step is refused now (empty when it may go ahead). */
  blockers: string[]
  /** PLANNING → INSPECTING: score sheets that would be opened. */
  assessmentsOpened: number
  /** RECONCILING → PUBLISHED: the results as they would be frozen. */
  ranking: PreviewRankingRow[]
  adjustments: PreviewAdjustment[]
  interviews: PreviewOrgArea[]
  deemedConfirmed: PreviewFinding[]
  rectifications: number
}

/** Thrown to roll the trial transaction back once its outcome has been read. */
class RollBack extends Error {
  constructor(readonly preview: TransitionPreview) {
    super('preview')
  }
}

/**
 * Runs the next transition of a round in a transaction that is always rolled back, and reports
 * what it did or why it was refused. The step is the very code that later runs for real, so the
 * preview cannot disagree with it (which orgs are blocking, the ranking, the lists, the
 * adjustments, the interviews opened and the findings deemed confirmed). Nothing is written:
 * neither the change nor its audit entry outlives the trial.
 */
export async function previewTransition(
  prisma: PrismaClient,
  actor: Actor,
  roundId: number,
  now: Date,
): Promise<TransitionPreview> {
  requireAdmin(actor)
  const round = await getRound(prisma, roundId)
  const to = NEXT_STATUS[round.status] ?? null
  const empty: TransitionPreview = {
    from: round.status,
    to,
    blockers: [],
    assessmentsOpened: 0,
    ranking: [],
    adjustments: [],
    interviews: [],
    deemedConfirmed: [],
    rectifications: 0,
  }
  if (!to) return empty
  try {
    await prisma.$transaction(
      async (tx) => {
        const pending = to === 'PUBLISHED' ? await pendingFindings(tx, round.id) : []
        await transitionRound(tx, actor, { roundId: round.id, to, now })
        throw new RollBack({ ...empty, ...(await outcome(tx, round.id, to)), deemedConfirmed: pending })
      },
      { timeout: 120_000, maxWait: 30_000 },
    )
  } catch (error) {
    if (error instanceof RollBack) return error.preview
    // Refusals are the service's own typed errors: their message is what blocks the step.
    if (error instanceof GraphQLError) return { ...empty, blockers: [error.message] }
    throw error
  }
  return empty
}

async function pendingFindings(tx: Tx, roundId: number): Promise<PreviewFinding[]> {
  const rows = await tx.finding.findMany({
    where: { roundId, reconciliationStatus: 'PENDING' },
    select: {
      id: true,
      description: true,
      deduction: true,
      org: { select: { name: true } },
      area: { select: { name: true } },
    },
    orderBy: [{ org: { sortOrder: 'asc' } }, { id: 'asc' }],
  })
  return rows.map((f) => ({
    id: f.id,
    orgName: f.org.name,
    areaName: f.area.name,
    description: f.description,
    deduction: f.deduction.toFixed(2),
  }))
}

async function outcome(
  tx: Tx,
  roundId: number,
  to: RoundStatus,
): Promise<Partial<TransitionPreview>> {
  if (to === 'INSPECTING') return { assessmentsOpened: await tx.assessment.count({ where: { roundId } }) }
  if (to !== 'PUBLISHED') return {}
  const [assessments, adjustments, interviews, rectifications] = await Promise.all([
    tx.assessment.findMany({
      where: { roundId },
      select: {
        orgId: true,
        category: true,
        baseScore: true,
        totalScore: true,
        rank: true,
        listMark: true,
        org: { select: { name: true } },
        area: { select: { name: true, sortOrder: true } },
      },
      orderBy: [{ area: { sortOrder: 'asc' } }, { category: 'asc' }, { rank: 'asc' }, { org: { sortOrder: 'asc' } }],
    }),
    tx.performanceAdjustment.findMany({
      where: { roundId },
      select: { reason: true, points: true, org: { select: { name: true } }, area: { select: { name: true } } },
      orderBy: [{ areaId: 'asc' }, { org: { sortOrder: 'asc' } }],
    }),
    tx.interview.findMany({
      where: { roundId },
      select: { org: { select: { name: true } }, area: { select: { name: true } } },
      orderBy: [{ areaId: 'asc' }, { org: { sortOrder: 'asc' } }],
    }),
    tx.rectification.count({ where: { roundId } }),
  ])
  return {
    ranking: assessments.map((a) => ({
      orgId: a.orgId,
      orgName: a.org.name,
      areaName: a.area.name,
      category: a.category,
      base: a.baseScore?.toFixed(2) ?? '0.00',
      total: a.totalScore?.toFixed(2) ?? '0.00',
      rank: a.rank,
      listMark: a.listMark,
    })),
    adjustments: adjustments.map((a) => ({
      orgName: a.org.name,
      areaName: a.area.name,
      reason: a.reason,
      points: a.points.toFixed(2),
    })),
    interviews: interviews.map((i) => ({ orgName: i.org.name, areaName: i.area.name })),
    rectifications,
  }
}
