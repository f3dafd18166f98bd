import type {
  Prisma,
  Rectification,
  RectificationEventType,
  RectificationStatus,
} from '@redblue/db'
import {
  addDays,
  chinaDate,
  DEFAULT_RULE_SET,
  rectificationWarning,
  type RectificationWarning,
  type WarningColour,
} from '@redblue/scoring'
import { pageOf } from '../../cost'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors'
import { loadScope, rectificationWhere, type Actor } from '../../access'
import { audit } from './audit'
import { fromDbDate, toDbDate, warningDaysByYear } from './rules'
import type { Tx } from './types'

export function warningOf(
  rect: Pick<Rectification, 'deadline' | 'status'>,
  now: Date,
  warningDays = DEFAULT_RULE_SET.warningDays,
): RectificationWarning {
  return rectificationWarning({
    deadline: fromDbDate(rect.deadline),
    today: chinaDate(now),
    closed: rect.status === 'CLOSED',
    warningDays,
  })
}

export async function getRectification(tx: Tx, id: number) {
  const rect = await tx.rectification.findUnique({ where: { id }, include: { round: true } })
  if (!rect) throw new NotFoundError('Rectification', id, '整改事项不存在')
  return rect
}

function rectConflict(current: Rectification): never {
  throw new ConflictError(
    'Rectification',
    current.id,
    current,
    current.version,
    '该整改事项已被他人更新，请刷新后重试',
  )
}

/** Status change under the optimistic lock plus its history event, in one go. */
export async function applyChange(
  tx: Tx,
  actor: Actor,
  before: Rectification,
  args: {
    version: number
    data: Prisma.RectificationUpdateManyMutationInput
    event: RectificationEventType
    note: string
    roundId?: number | null
    action: string
  },
) {
  const { count } = await tx.rectification.updateMany({
    where: { id: before.id, version: args.version },
    data: { ...args.data, version: { increment: 1 } },
  })
  if (count === 0)
    rectConflict(await tx.rectification.findUniqueOrThrow({ where: { id: before.id } }))
  const event = await tx.rectificationEvent.create({
    data: {
      rectificationId: before.id,
      type: args.event,
      roundId: args.roundId ?? null,
      note: args.note,
      actorId: actor.userId,
    },
  })
  const after = await tx.rectification.findUniqueOrThrow({ where: { id: before.id } })
  await audit(tx, actor, `rectification.${args.action}`, 'Rectification', before.id, before, after)
  return { rectification: after, event }
}

function assertBranchOrAdmin(actor: Actor, orgId: number): void {
  if (actor.role === 'ADMIN') return
  if (actor.role === 'BRANCH' && actor.orgId === orgId) return
  throw new ForbiddenError('只能处理本党组织的整改事项')
}

/**
 * Inspectors verify the items of orgs their team inspects: in the round that opened the item or
 * in a later round still under way (the look-back). Admins always may.
 */
export async function assertCanVerify(tx: Tx, actor: Actor, rect: Rectification): Promise<void> {
  if (actor.role === 'ADMIN') return
  if (actor.role === 'INSPECTOR') {
    const hit = await tx.teamAssignment.findFirst({
      where: {
        orgId: rect.orgId,
        team: { members: { some: { userId: actor.userId } } },
        OR: [
          { roundId: rect.roundId },
          { round: { status: { in: ['PLANNING', 'INSPECTING', 'RECONCILING'] } } },
        ],
      },
      select: { id: true },
    })
    if (hit) return
  }
  throw new ForbiddenError('只有负责该党组织的检查组成员或管理员可以核验整改')
}

const EDITABLE: RectificationStatus[] = ['OPEN', 'RETURNED']

/** The org fills in its measure, responsible person and (if needed) deadline while it works. */
export async function updateRectification(
  tx: Tx,
  actor: Actor,
  input: {
    rectificationId: number
    version: number
    measure?: string | null
    responsiblePerson?: string | null
    deadline?: string | null
  },
) {
  const { round: _round, ...before } = await getRectification(tx, input.rectificationId)
  assertBranchOrAdmin(actor, before.orgId)
  if (!EDITABLE.includes(before.status))
    throw new ValidationError('已提交或已销号的整改事项不能修改')
  const data: Prisma.RectificationUpdateManyMutationInput = {}
  const changes: string[] = []
  if (input.measure != null) {
    data.measure = input.measure.trim()
    changes.push('整改措施')
  }
  if (input.responsiblePerson != null) {
    data.responsiblePerson = input.responsiblePerson.trim()
    changes.push('责任人')
  }
  if (input.deadline != null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline)) {
      throw ValidationError.field(['input', 'deadline'], '完成时限格式应为 YYYY-MM-DD')
    }
    data.deadline = toDbDate(input.deadline)
    changes.push(`完成时限 ${input.deadline}`)
  }
  if (changes.length === 0) throw new ValidationError('没有需要保存的修改')
  const { rectification } = await applyChange(tx, actor, before, {
    version: input.version,
    data,
    event: 'EDITED',
    note: `修改了${changes.join('、')}`,
    action: 'edit',
  })
  return rectification
}

/** The org reports progress (with evidence attached to the returned event). */
export async function submitRectification(
  tx: Tx,
  actor: Actor,
  input: { rectificationId: number; version: number; note: string },
) {
  const { round: _round, ...before } = await getRectification(tx, input.rectificationId)
  if (actor.role !== 'BRANCH' || actor.orgId !== before.orgId) {
    throw new ForbiddenError('整改进展由本党组织提交')
  }
  if (!EDITABLE.includes(before.status)) throw new ValidationError('该整改事项已提交或已销号')
  const note = input.note.trim()
  if (!note) throw ValidationError.field(['input', 'note'], '请填写整改进展')
  return applyChange(tx, actor, before, {
    version: input.version,
    data: { status: 'SUBMITTED' },
    event: 'SUBMITTED',
    note,
    action: 'submit',
  })
}

/** 销号: an inspector of the org or an admin verifies a submitted item and closes it. */
export async function verifyRectification(
  tx: Tx,
  actor: Actor,
  input: { rectificationId: number; version: number; note?: string | null; now?: Date },
) {
  const { round: _round, ...before } = await getRectification(tx, input.rectificationId)
  await assertCanVerify(tx, actor, before)
  if (before.status !== 'SUBMITTED') throw new ValidationError('只有已提交的整改事项可以核验销号')
  const { rectification } = await applyChange(tx, actor, before, {
    version: input.version,
    data: { status: 'CLOSED', closedAt: input.now ?? new Date() },
    event: 'VERIFIED',
    note: input.note?.trim() || '核验通过，销号',
    action: 'verify',
  })
  return rectification
}

/** A submission that does not hold up goes back to the org with the reason. */
export async function returnRectification(
  tx: Tx,
  actor: Actor,
  input: { rectificationId: number; version: number; reason: string },
) {
  const { round: _round, ...before } = await getRectification(tx, input.rectificationId)
  await assertCanVerify(tx, actor, before)
  if (before.status !== 'SUBMITTED') throw new ValidationError('只有已提交的整改事项可以退回')
  const reason = input.reason.trim()
  if (!reason) throw ValidationError.field(['input', 'reason'], '请填写退回原因')
  const { rectification } = await applyChange(tx, actor, before, {
    version: input.version,
    data: { status: 'RETURNED' },
    event: 'RETURNED',
    note: reason,
    action: 'return',
  })
  return rectification
}

export interface LedgerFilter {
  orgId?: number | null
  roundId?: number | null
  status?: RectificationStatus | null
  colour?: WarningColour | null
  problemCategoryId?: number | null
  source?: 'FINDING' | 'INTERVIEW' | null
  offset?: number | null
  limit?: number | null
}

/**
 * 整改台账: every item across rounds within the actor's scope, filtered, deadline first. The
 * colour filter is the engine's warning rule as a `where` (`warningWhere`), so a page costs a count
 * and a page of ids (for the caller to load) however many items there are.
 */
export async function ledger(
  tx: Tx,
  actor: Actor,
  filter: LedgerFilter,
  now = new Date(),
): Promise<{ ids: number[]; total: number }> {
  const scope = await loadScope(tx, actor)
  const where: Prisma.RectificationWhereInput = {
    AND: [
      rectificationWhere(scope),
      {
        ...(filter.orgId ? { orgId: filter.orgId } : {}),
        ...(filter.roundId ? { roundId: filter.roundId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.problemCategoryId ? { problemCategoryId: filter.problemCategoryId } : {}),
        ...(filter.source ? { source: filter.source } : {}),
      },
    ],
  }
  // The page bounds live with the query cost, which counts the same page.
  const { take: limit, skip: offset } = pageOf('Query.rectificationLedger', filter)
  // What needs action first: items still open (OPEN, SUBMITTED, RETURNED sort before CLOSED in the
  // enum), newest round first, and within a round the nearest (or most overdue) deadline first.
  const orderBy: Prisma.RectificationOrderByWithRelationInput[] = [
    { status: 'asc' },
    { round: { year: 'desc' } },
    { round: { quarter: 'desc' } },
    { deadline: 'asc' },
    { id: 'asc' },
  ]
  if (filter.colour) {
    where.AND = [
      ...(where.AND as Prisma.RectificationWhereInput[]),
      warningWhere(filter.colour, now, await warningDaysByYear(tx)),
    ]
  }
  const [total, page] = await Promise.all([
    tx.rectification.count({ where }),
    tx.rectification.findMany({
      where,
      orderBy,
      skip: offset,
      take: limit,
      select: { id: true },
    }),
  ])
  return { ids: page.map((r) => r.id), total }
}

/**
 * The items of one warning colour (R8) as a Prisma `where`, so colour filters and counts run in the
 * database instead of loading every item: the engine's rule (`rectificationWarning`) restated on
 * the deadline column — CLOSED when verified; otherwise RED before today (China), YELLOW from today
 * to today + the warning days of the year of the round that opened the item, GREEN after that.
 * Tests check it against `warningOf` item by item.
 */
export function warningWhere(
  colour: WarningColour,
  now: Date,
  warningDays: Map<number, number>,
): Prisma.RectificationWhereInput {
  if (colour === 'CLOSED') return { status: 'CLOSED' }
  const today = chinaDate(now)
  // Not CLOSED, spelled as the other statuses so the (status, deadline) index serves the range.
  const open: Prisma.RectificationWhereInput = { status: { in: ['OPEN', 'SUBMITTED', 'RETURNED'] } }
  if (colour === 'RED') return { ...open, deadline: { lt: toDbDate(today) } }
  const range = (days: number): Prisma.DateTimeFilter =>
    colour === 'YELLOW'
      ? { gte: toDbDate(today), lte: toDbDate(addDays(today, days)) }
      : { gt: toDbDate(addDays(today, days)) }
  // Years grouped by their warning days; years without a rule set use the default.
  const fallback = DEFAULT_RULE_SET.warningDays
  const yearsByDays = new Map<number, number[]>()
  for (const [year, days] of warningDays) {
    if (days !== fallback) yearsByDays.set(days, [...(yearsByDays.get(days) ?? []), year])
  }
  if (yearsByDays.size === 0) return { ...open, deadline: range(fallback) }
  const special = [...yearsByDays.values()].flat()
  return {
    ...open,
    OR: [
      ...[...yearsByDays].map(([days, years]) => ({
        round: { year: { in: years } },
        deadline: range(days),
      })),
      { round: { year: { notIn: special } }, deadline: range(fallback) },
    ],
  }
}
