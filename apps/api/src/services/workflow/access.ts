import type { Prisma, RoundStatus } from '@redblue/db'
import { FINDINGS_VISIBLE_ROUND_STATUSES } from '@redblue/scoring'
import { ForbiddenError } from '../../errors'
import { assertNotOwnOrg } from './conflict-of-interest'
import type { Actor, Tx } from './types'

/**
 * Org scope of R12, expressed as Prisma `where` fragments so a user cannot even load rows outside
 * it. INSPECTOR scope is "orgs assigned to a team I am on, in that round": Prisma cannot correlate
 * an assessment's round with the assignment's round, so the (round, org) pairs are loaded first
 * (an inspector has a handful) and turned into an OR.
 */
export interface Scope {
  actor: Actor
  /** INSPECTOR only: (roundId, orgId) pairs assigned to the inspector's teams. */
  pairs: { roundId: number; orgId: number }[]
}

/** Rounds from which a BRANCH user may see its own findings and scores. */
export const RESULTS_VISIBLE: RoundStatus[] = FINDINGS_VISIBLE_ROUND_STATUSES

const NOTHING = { id: -1 } as const

export async function loadScope(tx: Tx, actor: Actor): Promise<Scope> {
  if (actor.role !== 'INSPECTOR') return { actor, pairs: [] }
  const assignments = await tx.teamAssignment.findMany({
    where: { team: { members: { some: { userId: actor.userId } } } },
    select: { roundId: true, orgId: true },
  })
  return { actor, pairs: assignments }
}

function pairsWhere(scope: Scope): { roundId: number; orgId: number }[] | null {
  return scope.pairs.length
    ? scope.pairs.map((p) => ({ roundId: p.roundId, orgId: p.orgId }))
    : null
}

function ownOrg(actor: Actor): number {
  return actor.orgId ?? -1
}

export function assessmentWhere(scope: Scope): Prisma.AssessmentWhereInput {
  const { actor } = scope
  switch (actor.role) {
    case 'ADMIN':
    case 'LEADER':
      return {}
    case 'INSPECTOR': {
      const pairs = pairsWhere(scope)
      return pairs ? { OR: pairs } : NOTHING
    }
    case 'BRANCH':
      return { orgId: ownOrg(actor), round: { status: { in: RESULTS_VISIBLE } } }
  }
}

export function findingWhere(scope: Scope): Prisma.FindingWhereInput {
  const { actor } = scope
  switch (actor.role) {
    case 'ADMIN':
    case 'LEADER':
      return {}
    case 'INSPECTOR': {
      const pairs = pairsWhere(scope)
      return pairs ? { OR: pairs } : NOTHING
    }
    case 'BRANCH':
      return { orgId: ownOrg(actor), round: { status: { in: RESULTS_VISIBLE } } }
  }
}

export function feedbackFormWhere(scope: Scope): Prisma.FeedbackFormWhereInput {
  const { actor } = scope
  switch (actor.role) {
    case 'ADMIN':
    case 'LEADER':
      return {}
    case 'INSPECTOR': {
      const pairs = pairsWhere(scope)
      return pairs ? { OR: pairs } : NOTHING
    }
    case 'BRANCH':
      return { orgId: ownOrg(actor), round: { status: { in: RESULTS_VISIBLE } } }
  }
}

/** Inspectors see the rectifications of every org they inspect(ed), across rounds (look-back). */
export function rectificationWhere(scope: Scope): Prisma.RectificationWhereInput {
  const { actor } = scope
  switch (actor.role) {
    case 'ADMIN':
    case 'LEADER':
      return {}
    case 'INSPECTOR': {
      const orgIds = [...new Set(scope.pairs.map((p) => p.orgId))]
      return orgIds.length ? { orgId: { in: orgIds } } : NOTHING
    }
    case 'BRANCH':
      return { orgId: ownOrg(actor) }
  }
}

export function interviewWhere(scope: Scope): Prisma.InterviewWhereInput {
  const { actor } = scope
  switch (actor.role) {
    case 'ADMIN':
    case 'LEADER':
      return {}
    case 'INSPECTOR': {
      const orgIds = [...new Set(scope.pairs.map((p) => p.orgId))]
      return orgIds.length ? { orgId: { in: orgIds } } : NOTHING
    }
    case 'BRANCH':
      return { orgId: ownOrg(actor) }
  }
}

/** Evidence is visible to whoever may see the finding or the rectification it belongs to. */
export function evidenceWhere(scope: Scope): Prisma.EvidenceFileWhereInput {
  if (scope.actor.role === 'ADMIN' || scope.actor.role === 'LEADER') return {}
  return {
    OR: [
      { finding: findingWhere(scope) },
      { rectificationEvent: { rectification: rectificationWhere(scope) } },
    ],
  }
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('仅党建部管理员可以执行此操作')
}

export async function isAssignedInspector(
  tx: Tx,
  actor: Actor,
  roundId: number,
  orgId: number,
): Promise<boolean> {
  if (actor.role !== 'INSPECTOR') return false
  const hit = await tx.teamAssignment.findFirst({
    where: { roundId, orgId, team: { members: { some: { userId: actor.userId } } } },
    select: { id: true },
  })
  return hit !== null
}

/** R12: an inspector writes only for orgs assigned to their team in that round; admins always. */
export async function assertCanInspect(
  tx: Tx,
  actor: Actor,
  roundId: number,
  orgId: number,
): Promise<void> {
  if (actor.role === 'ADMIN') return
  if (await isAssignedInspector(tx, actor, roundId, orgId)) {
    await assertNotOwnOrg(tx, actor, roundId, orgId)
    return
  }
  throw new ForbiddenError('该党组织未分配给您所在的检查组')
}

export function assertOwnOrg(actor: Actor, orgId: number): void {
  if (actor.role !== 'BRANCH' || actor.orgId !== orgId) {
    throw new ForbiddenError('只能处理本党组织的事项')
  }
}
