import type { Prisma } from '@redblue/db'
import { ForbiddenError, ValidationError } from '../../errors'
import { assertCanInspect, loadScope, type Actor } from '../../access'
import { applyChange, getRectification } from './rectifications'
import { assertRoundStatus, getRound } from './round-state'
import { toDbDate } from './rules'
import type { Tx } from './types'

/**
 * 回头看 (R8, R9): while a round is inspecting, its teams re-check every still-open item of the
 * orgs they inspect — items opened by any earlier round, from findings or interviews — and either
 * verify it (销号) or carry it over (carryOverCount + 1, event CARRIED_OVER tagged with this round).
 */
export async function lookBackWhere(
  tx: Tx,
  actor: Actor,
  roundId: number,
  orgId?: number | null,
): Promise<Prisma.RectificationWhereInput> {
  const round = await getRound(tx, roundId)
  let orgIds: number[]
  if (actor.role === 'INSPECTOR') {
    const scope = await loadScope(tx, actor)
    orgIds = scope.pairs.filter((p) => p.roundId === round.id).map((p) => p.orgId)
  } else if (actor.role === 'BRANCH') {
    orgIds = actor.orgId === null ? [] : [actor.orgId]
  } else {
    const assignments = await tx.teamAssignment.findMany({
      where: { roundId: round.id },
      select: { orgId: true },
    })
    orgIds = assignments.map((a) => a.orgId)
  }
  if (orgId) orgIds = orgIds.filter((id) => id === orgId)
  return {
    orgId: { in: orgIds },
    status: { not: 'CLOSED' },
    round: {
      OR: [{ year: { lt: round.year } }, { year: round.year, quarter: { lt: round.quarter } }],
    },
  }
}

async function loadForLookBack(tx: Tx, actor: Actor, rectificationId: number, roundId: number) {
  const { round: opened, ...rect } = await getRectification(tx, rectificationId)
  const round = await getRound(tx, roundId)
  assertRoundStatus(round, 'INSPECTING')
  if (actor.role !== 'ADMIN' && actor.role !== 'INSPECTOR')
    throw new ForbiddenError('回头看由检查组开展')
  await assertCanInspect(tx, actor, round.id, rect.orgId)
  const earlier =
    opened.year < round.year || (opened.year === round.year && opened.quarter < round.quarter)
  if (!earlier) throw new ValidationError('只能对以往轮次的整改事项开展回头看')
  if (rect.status === 'CLOSED') throw new ValidationError('该整改事项已销号')
  return { rect, round }
}

export async function lookBackVerify(
  tx: Tx,
  actor: Actor,
  input: {
    rectificationId: number
    roundId: number
    version: number
    note?: string | null
    now?: Date
  },
) {
  const { rect, round } = await loadForLookBack(tx, actor, input.rectificationId, input.roundId)
  const { rectification } = await applyChange(tx, actor, rect, {
    version: input.version,
    data: { status: 'CLOSED', closedAt: input.now ?? new Date() },
    event: 'VERIFIED',
    roundId: round.id,
    note: input.note?.trim() || `${round.name}回头看：整改到位，销号`,
    action: 'lookBackVerify',
  })
  return rectification
}

export async function carryOver(
  tx: Tx,
  actor: Actor,
  input: {
    rectificationId: number
    roundId: number
    version: number
    note: string
    newDeadline?: string | null
  },
) {
  const { rect, round } = await loadForLookBack(tx, actor, input.rectificationId, input.roundId)
  const already = await tx.rectificationEvent.findFirst({
    where: { rectificationId: rect.id, type: 'CARRIED_OVER', roundId: round.id },
  })
  if (already) throw new ValidationError('该整改事项本轮已结转')
  const note = input.note.trim()
  if (!note) throw ValidationError.field(['input', 'note'], '请填写结转原因')
  if (input.newDeadline != null && !/^\d{4}-\d{2}-\d{2}$/.test(input.newDeadline)) {
    throw ValidationError.field(['input', 'newDeadline'], '完成时限格式应为 YYYY-MM-DD')
  }
  const { rectification } = await applyChange(tx, actor, rect, {
    version: input.version,
    data: {
      carryOverCount: { increment: 1 },
      // A submission that did not hold up in the look-back goes back to the org.
      ...(rect.status === 'SUBMITTED' ? { status: 'RETURNED' as const } : {}),
      ...(input.newDeadline ? { deadline: toDbDate(input.newDeadline) } : {}),
    },
    event: 'CARRIED_OVER',
    roundId: round.id,
    note,
    action: 'carryOver',
  })
  return rectification
}
