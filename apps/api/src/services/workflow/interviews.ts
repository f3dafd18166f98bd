import { PUBLISHED_ROUND_STATUSES, defaultDeadline } from '@redblue/scoring'
import { ConflictError, NotFoundError, ValidationError } from '../../errors'
import { requireAdmin, type Actor } from '../../access'
import { audit } from './audit'
import { assertRoundStatus, getRound } from './round-state'
import { rulesOfRound, toDbDate } from './rules'
import type { Tx } from './types'

/**
 * 清单式约谈 (R9). Publication opens one interview per blue-list org and area; admins record it
 * and its itemized list. Each item opens a rectification (source INTERVIEW) that follows R8 and is
 * looked back on in the next round like any other.
 */
async function getInterview(tx: Tx, id: number) {
  const interview = await tx.interview.findUnique({ where: { id }, include: { round: true } })
  if (!interview) throw new NotFoundError('Interview', id, '约谈记录不存在')
  return interview
}

/** An extra interview beyond the blue list (the committee may talk to any org after publication). */
export async function createInterview(
  tx: Tx,
  actor: Actor,
  input: { roundId: number; orgId: number; areaId: number },
) {
  requireAdmin(actor)
  const round = await getRound(tx, input.roundId)
  assertRoundStatus(round, ...PUBLISHED_ROUND_STATUSES)
  const exists = await tx.interview.findUnique({
    where: {
      roundId_orgId_areaId: { roundId: round.id, orgId: input.orgId, areaId: input.areaId },
    },
  })
  if (exists) throw new ValidationError('该党组织本轮该专业已有约谈记录')
  const interview = await tx.interview.create({
    data: { roundId: round.id, orgId: input.orgId, areaId: input.areaId, interviewer: '公司党委' },
  })
  await audit(tx, actor, 'interview.create', 'Interview', interview.id, null, interview)
  return interview
}

export async function updateInterview(
  tx: Tx,
  actor: Actor,
  input: {
    interviewId: number
    version: number
    date?: Date | null
    interviewer?: string | null
    interviewee?: string | null
    notes?: string | null
  },
) {
  requireAdmin(actor)
  const { round: _round, ...before } = await getInterview(tx, input.interviewId)
  const { count } = await tx.interview.updateMany({
    where: { id: before.id, version: input.version },
    data: {
      ...(input.date !== undefined ? { date: input.date } : {}),
      ...(input.interviewer != null ? { interviewer: input.interviewer.trim() } : {}),
      ...(input.interviewee != null ? { interviewee: input.interviewee.trim() } : {}),
      ...(input.notes != null ? { notes: input.notes.trim() } : {}),
      version: { increment: 1 },
    },
  })
  if (count === 0) {
    const current = await tx.interview.findUniqueOrThrow({ where: { id: before.id } })
    throw new ConflictError('Interview', before.id, current, current.version)
  }
  const after = await tx.interview.findUniqueOrThrow({ where: { id: before.id } })
  await audit(tx, actor, 'interview.update', 'Interview', before.id, before, after)
  return after
}

export async function addInterviewItem(
  tx: Tx,
  actor: Actor,
  input: {
    interviewId: number
    content: string
    measure?: string | null
    responsiblePerson?: string | null
    deadline?: string | null
    now?: Date
  },
) {
  requireAdmin(actor)
  const interview = await getInterview(tx, input.interviewId)
  const content = input.content.trim()
  if (!content) throw ValidationError.field(['input', 'content'], '请填写整改事项内容')
  if (input.deadline != null && !/^\d{4}-\d{2}-\d{2}$/.test(input.deadline)) {
    throw ValidationError.field(['input', 'deadline'], '完成时限格式应为 YYYY-MM-DD')
  }
  const { rules } = await rulesOfRound(tx, interview.round)
  const now = input.now ?? new Date()
  const count = await tx.interviewItem.count({ where: { interviewId: interview.id } })
  const item = await tx.interviewItem.create({
    data: { interviewId: interview.id, content, sortOrder: count + 1 },
  })
  const rect = await tx.rectification.create({
    data: {
      source: 'INTERVIEW',
      interviewItemId: item.id,
      orgId: interview.orgId,
      roundId: interview.roundId,
      title: content.length > 200 ? `${content.slice(0, 199)}…` : content,
      measure: input.measure?.trim() ?? '',
      responsiblePerson: input.responsiblePerson?.trim() || interview.interviewee,
      deadline: toDbDate(input.deadline ?? defaultDeadline(now, rules.rectificationDays)),
      events: {
        create: {
          type: 'CREATED',
          note: '约谈整改事项',
          actorId: actor.userId,
        },
      },
    },
  })
  await audit(tx, actor, 'interview.addItem', 'InterviewItem', item.id, null, {
    item,
    rectification: rect,
  })
  return item
}

export async function updateInterviewItem(
  tx: Tx,
  actor: Actor,
  input: { itemId: number; content: string },
) {
  requireAdmin(actor)
  const before = await tx.interviewItem.findUnique({
    where: { id: input.itemId },
    include: { rectification: true },
  })
  if (!before) throw new NotFoundError('InterviewItem', input.itemId, '约谈事项不存在')
  const content = input.content.trim()
  if (!content) throw ValidationError.field(['input', 'content'], '请填写整改事项内容')
  const after = await tx.interviewItem.update({ where: { id: before.id }, data: { content } })
  if (before.rectification && before.rectification.status !== 'CLOSED') {
    await tx.rectification.update({
      where: { id: before.rectification.id },
      data: {
        title: content.length > 200 ? `${content.slice(0, 199)}…` : content,
        version: { increment: 1 },
      },
    })
  }
  await audit(tx, actor, 'interview.updateItem', 'InterviewItem', before.id, before, after)
  return after
}

/** Only an item nobody has worked on yet can be removed (its rectification goes with it). */
export async function removeInterviewItem(tx: Tx, actor: Actor, itemId: number) {
  requireAdmin(actor)
  const before = await tx.interviewItem.findUnique({
    where: { id: itemId },
    include: { rectification: { include: { events: true } } },
  })
  if (!before) throw new NotFoundError('InterviewItem', itemId, '约谈事项不存在')
  const worked = before.rectification?.events.some(
    (e) => e.type !== 'CREATED' && e.type !== 'EDITED',
  )
  if (worked) throw new ValidationError('该事项已有整改进展，不能删除')
  await tx.interviewItem.delete({ where: { id: before.id } })
  await audit(tx, actor, 'interview.removeItem', 'InterviewItem', before.id, before, null)
  return before
}
