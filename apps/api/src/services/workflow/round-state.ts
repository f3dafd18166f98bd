import type { InspectionRound, RoundStatus } from '@redblue/db'
import { ConflictError, NotFoundError, ValidationError } from '../../errors'
import { audit } from './audit'
import type { Tx } from './types'
import type { Actor } from '../../access'

/**
 * A round's state (docs/domain.md R6): reading it, checking it and recording a transition. Its own
 * module so that the steps of the workflow (publication among them) and `rounds.ts`, which moves a
 * round along, both use it without importing each other.
 */

export const ROUND_STATUS_LABEL: Record<RoundStatus, string> = {
  PLANNING: '筹备',
  INSPECTING: '检查中',
  RECONCILING: '核对中',
  PUBLISHED: '已发布',
  CLOSED: '已关闭',
}

export async function getRound(tx: Tx, roundId: number): Promise<InspectionRound> {
  const round = await tx.inspectionRound.findUnique({ where: { id: roundId } })
  if (!round) throw new NotFoundError('InspectionRound', roundId, '检查轮次不存在')
  return round
}

export function assertRoundStatus(round: InspectionRound, ...allowed: RoundStatus[]): void {
  if (!allowed.includes(round.status)) {
    const want = allowed.map((s) => ROUND_STATUS_LABEL[s]).join('或')
    throw new ValidationError(
      `检查轮次当前为“${ROUND_STATUS_LABEL[round.status]}”阶段，此操作仅在“${want}”阶段可用`,
    )
  }
}

/**
 * Flips the status only if nobody else moved it meanwhile, and records who and when (R6).
 * Publication calls it itself, after its own checks.
 */
export async function recordTransition(
  tx: Tx,
  actor: Actor,
  round: InspectionRound,
  to: RoundStatus,
  note: string | null,
  now: Date,
) {
  const stamp =
    to === 'INSPECTING'
      ? { startedAt: now }
      : to === 'PUBLISHED'
        ? { publishedAt: now }
        : to === 'CLOSED'
          ? { closedAt: now }
          : {}
  const { count } = await tx.inspectionRound.updateMany({
    where: { id: round.id, status: round.status },
    data: { status: to, version: { increment: 1 }, ...stamp },
  })
  if (count === 0) {
    const current = await getRound(tx, round.id)
    throw new ConflictError(
      'InspectionRound',
      round.id,
      current,
      current.version,
      '检查轮次状态已被他人更改，请刷新后重试',
    )
  }
  await tx.roundStatusChange.create({
    data: {
      roundId: round.id,
      fromStatus: round.status,
      toStatus: to,
      actorId: actor.userId,
      note,
      at: now,
    },
  })
  const after = await getRound(tx, round.id)
  await audit(tx, actor, `round.${to.toLowerCase()}`, 'InspectionRound', round.id, round, after)
  return after
}
