import { NotFoundError, ValidationError } from '../../errors'
import { assertCanInspect, type Actor } from '../../access'
import { audit } from './audit'
import { assertRoundStatus, getRound } from './round-state'
import type { Tx } from './types'

/**
 * 现场反馈表: one per visit, grouping the findings handed to the org at the end of it. Numbered
 * `<year>Q<quarter>-<org code>-<n>` so the paper copy and the record match.
 */
export async function createFeedbackForm(
  tx: Tx,
  actor: Actor,
  input: { roundId: number; orgId: number; visitDate: Date; summary?: string | null },
) {
  const round = await getRound(tx, input.roundId)
  await assertCanInspect(tx, actor, round.id, input.orgId)
  assertRoundStatus(round, 'INSPECTING')
  const assignment = await tx.teamAssignment.findUnique({
    where: { roundId_orgId: { roundId: round.id, orgId: input.orgId } },
    include: { org: true },
  })
  if (!assignment) throw new ValidationError('该党组织未分配检查组')
  const prefix = `${round.year}Q${round.quarter}-${assignment.org.code}-`
  const existing = await tx.feedbackForm.findMany({
    where: { formNo: { startsWith: prefix } },
    select: { formNo: true },
  })
  const used = existing.map((f) => Number(f.formNo.slice(prefix.length))).filter(Number.isFinite)
  const formNo = `${prefix}${String(Math.max(0, ...used) + 1).padStart(2, '0')}`
  const form = await tx.feedbackForm.create({
    data: {
      roundId: round.id,
      orgId: input.orgId,
      teamId: assignment.teamId,
      formNo,
      visitDate: input.visitDate,
      summary: input.summary?.trim() ?? '',
      createdById: actor.userId,
    },
  })
  await audit(tx, actor, 'feedbackForm.create', 'FeedbackForm', form.id, null, form)
  return form
}

async function loadForWrite(tx: Tx, actor: Actor, formId: number) {
  const form = await tx.feedbackForm.findUnique({ where: { id: formId }, include: { round: true } })
  if (!form) throw new NotFoundError('FeedbackForm', formId, '反馈表不存在')
  await assertCanInspect(tx, actor, form.roundId, form.orgId)
  assertRoundStatus(form.round, 'INSPECTING')
  const { round: _round, ...rest } = form
  return rest
}

export async function updateFeedbackForm(
  tx: Tx,
  actor: Actor,
  input: { feedbackFormId: number; visitDate?: Date | null; summary?: string | null },
) {
  const before = await loadForWrite(tx, actor, input.feedbackFormId)
  const after = await tx.feedbackForm.update({
    where: { id: before.id },
    data: {
      ...(input.visitDate ? { visitDate: input.visitDate } : {}),
      ...(input.summary != null ? { summary: input.summary.trim() } : {}),
    },
  })
  await audit(tx, actor, 'feedbackForm.update', 'FeedbackForm', before.id, before, after)
  return after
}

/** Removing a form keeps its findings (they are detached, not deleted). */
export async function deleteFeedbackForm(tx: Tx, actor: Actor, feedbackFormId: number) {
  const before = await loadForWrite(tx, actor, feedbackFormId)
  await tx.finding.updateMany({
    where: { feedbackFormId: before.id },
    data: { feedbackFormId: null },
  })
  await tx.feedbackForm.delete({ where: { id: before.id } })
  await audit(tx, actor, 'feedbackForm.delete', 'FeedbackForm', before.id, before, null)
  return before
}
