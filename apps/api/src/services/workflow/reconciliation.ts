import type { ReconciliationAction, ReconciliationStatus } from '@redblue/db'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors'
import { assertOwnOrg, requireAdmin, type Actor } from '../../access'
import { audit } from './audit'
import { assertRoundStatus } from './round-state'
import type { Tx } from './types'

/**
 * 核对问题清单 (R6): in RECONCILING the org's BRANCH users confirm or dispute each finding (a
 * dispute needs a reason; an org may still drop its dispute and confirm); an admin upholds or
 * withdraws each dispute. Scores follow: CONFIRMED and UPHELD count, WITHDRAWN does not.
 */
const TRANSITIONS: Record<
  ReconciliationAction,
  { from: ReconciliationStatus[]; to: ReconciliationStatus }
> = {
  CONFIRM: { from: ['PENDING', 'DISPUTED'], to: 'CONFIRMED' },
  DISPUTE: { from: ['PENDING'], to: 'DISPUTED' },
  UPHOLD: { from: ['DISPUTED'], to: 'UPHELD' },
  WITHDRAW: { from: ['DISPUTED'], to: 'WITHDRAWN' },
}

const STATUS_LABEL: Record<ReconciliationStatus, string> = {
  PENDING: '待核对',
  CONFIRMED: '已确认',
  DISPUTED: '有异议',
  UPHELD: '维持',
  WITHDRAWN: '已撤销',
}

export async function reconcileFinding(
  tx: Tx,
  actor: Actor,
  input: { findingId: number; action: ReconciliationAction; reason?: string | null },
) {
  const finding = await tx.finding.findUnique({
    where: { id: input.findingId },
    include: { round: true },
  })
  if (!finding) throw new NotFoundError('Finding', input.findingId, '问题不存在')
  const { action } = input
  if (action === 'CONFIRM' || action === 'DISPUTE') {
    if (actor.role !== 'BRANCH') throw new ForbiddenError('问题清单由被检查党组织核对')
    assertOwnOrg(actor, finding.orgId)
  } else {
    requireAdmin(actor)
  }
  assertRoundStatus(finding.round, 'RECONCILING')
  const reason = input.reason?.trim() ?? ''
  if (action !== 'CONFIRM' && !reason) {
    throw ValidationError.field(
      ['input', 'reason'],
      action === 'DISPUTE' ? '请填写异议理由' : '请填写处理意见',
    )
  }
  const rule = TRANSITIONS[action]
  if (!rule.from.includes(finding.reconciliationStatus)) {
    throw new ValidationError(
      `该问题当前为“${STATUS_LABEL[finding.reconciliationStatus]}”，不能执行此操作`,
    )
  }
  const { round: _round, ...before } = finding
  const { count } = await tx.finding.updateMany({
    where: { id: finding.id, reconciliationStatus: finding.reconciliationStatus },
    data: { reconciliationStatus: rule.to, version: { increment: 1 } },
  })
  if (count === 0) {
    const current = await tx.finding.findUniqueOrThrow({ where: { id: finding.id } })
    throw new ConflictError(
      'Finding',
      finding.id,
      current,
      current.version,
      '该问题的核对状态已被他人更改',
    )
  }
  await tx.reconciliationRecord.create({
    data: { findingId: finding.id, action, reason, actorId: actor.userId },
  })
  const after = await tx.finding.findUniqueOrThrow({ where: { id: finding.id } })
  await audit(tx, actor, `finding.${action.toLowerCase()}`, 'Finding', finding.id, before, after)
  return after
}
