import { Prisma, type CheckMethod } from '@redblue/db'
import { findRepeats, takesFindings } from '@redblue/scoring'
import { ConflictError, NotFoundError, ValidationError } from '../../errors'
import { assertCanInspect, type Actor } from '../../access'
import { appliesTo, notApplicable } from './applicability'
import { audit } from './audit'
import { assertRoundStatus } from './round-state'
import type { Tx } from './types'

/**
 * A finding's description is printed on the feedback sheet and read in the ledger: a few
 * paragraphs at most. Typed in the workbench or imported from Excel, the same bound applies.
 */
export const FINDING_DESCRIPTION_MAX_CHARS = 2000

export interface FindingFields {
  indicatorId: number
  problemCategoryId: number
  description: string
  checkMethod: CheckMethod
  /** Defaults to the indicator's suggested deduction. */
  deduction?: Prisma.Decimal | string | null
  feedbackFormId?: number | null
}

/**
 * 屡查屡犯 (R7): same org and problem category in the previous round. Withdrawn findings did not
 * stand, so they do not make a later one a repeat.
 */
async function isRepeat(
  tx: Tx,
  previousRoundId: number | null,
  orgId: number,
  problemCategoryId: number,
): Promise<boolean> {
  if (previousRoundId === null) return false
  const previous = await tx.finding.findMany({
    where: { roundId: previousRoundId, orgId, reconciliationStatus: { not: 'WITHDRAWN' } },
    select: { orgId: true, problemCategoryId: true },
  })
  return findRepeats([{ id: 0, orgId, problemCategoryId }], previous).has(0)
}

function parseDeduction(value: Prisma.Decimal | string, max: Prisma.Decimal): Prisma.Decimal {
  let d: Prisma.Decimal
  try {
    d = new Prisma.Decimal(value)
  } catch {
    throw ValidationError.field(['input', 'deduction'], '扣分必须是数值', 'INVALID_NUMBER')
  }
  if (!d.isFinite() || d.isNegative()) {
    throw ValidationError.field(['input', 'deduction'], '扣分不能为负数', 'INVALID_NUMBER')
  }
  if (d.decimalPlaces() > 2) {
    throw ValidationError.field(['input', 'deduction'], '扣分最多两位小数', 'TOO_MANY_DECIMALS')
  }
  if (d.greaterThan(max)) {
    throw ValidationError.field(
      ['input', 'deduction'],
      `扣分不能超过指标分值 ${max.toFixed(2)}`,
      'TOO_LARGE',
    )
  }
  return d
}

async function resolveFields(
  tx: Tx,
  assessment: {
    id: number
    schemeId: number
    roundId: number
    orgId: number
    unitType: 'GRASSROOTS' | 'HEADQUARTERS'
  },
  fields: FindingFields,
) {
  const indicator = await tx.indicator.findUnique({ where: { id: fields.indicatorId } })
  if (!indicator || indicator.schemeId !== assessment.schemeId) {
    throw ValidationError.field(['input', 'indicatorId'], '指标不属于该党组织使用的考核方案')
  }
  if (!takesFindings(indicator.method)) {
    throw ValidationError.field(['input', 'indicatorId'], '加分项不能记录问题扣分')
  }
  // A deduction on an indicator that does not apply would never count: refused like an input.
  if (!appliesTo(indicator, assessment.unitType)) {
    const problem = notApplicable(['input'], indicator.name, assessment.unitType)
    throw new ValidationError(problem.message, [problem])
  }
  const category = await tx.problemCategory.findUnique({ where: { id: fields.problemCategoryId } })
  if (!category?.active)
    throw ValidationError.field(['input', 'problemCategoryId'], '问题类别不存在或已停用')
  const description = fields.description.trim()
  if (!description) throw ValidationError.field(['input', 'description'], '请填写问题描述')
  if (description.length > FINDING_DESCRIPTION_MAX_CHARS) {
    throw ValidationError.field(
      ['input', 'description'],
      `问题描述不超过 ${FINDING_DESCRIPTION_MAX_CHARS} 字`,
      'too_big',
    )
  }
  const raw = fields.deduction ?? indicator.defaultDeduction
  if (raw === null || raw === '') throw ValidationError.field(['input', 'deduction'], '请填写扣分')
  const deduction = parseDeduction(raw, indicator.maxPoints)
  if (fields.feedbackFormId != null) {
    const form = await tx.feedbackForm.findUnique({ where: { id: fields.feedbackFormId } })
    if (!form || form.roundId !== assessment.roundId || form.orgId !== assessment.orgId) {
      throw ValidationError.field(['input', 'feedbackFormId'], '反馈表不属于该党组织本轮检查')
    }
  }
  return { indicatorId: indicator.id, problemCategoryId: category.id, description, deduction }
}

export async function createFinding(
  tx: Tx,
  actor: Actor,
  input: FindingFields & { assessmentId: number },
) {
  const assessment = await tx.assessment.findUnique({
    where: { id: input.assessmentId },
    include: { round: true },
  })
  if (!assessment) throw new NotFoundError('Assessment', input.assessmentId, '评分记录不存在')
  await assertCanInspect(tx, actor, assessment.roundId, assessment.orgId)
  assertRoundStatus(assessment.round, 'INSPECTING')
  if (assessment.status === 'SUBMITTED')
    throw new ValidationError('评分已提交，请先撤回提交再记录问题')
  const fields = await resolveFields(tx, assessment, input)
  const finding = await tx.finding.create({
    data: {
      ...fields,
      roundId: assessment.roundId,
      orgId: assessment.orgId,
      areaId: assessment.areaId,
      assessmentId: assessment.id,
      feedbackFormId: input.feedbackFormId ?? null,
      checkMethod: input.checkMethod,
      isRepeat: await isRepeat(
        tx,
        assessment.round.previousRoundId,
        assessment.orgId,
        fields.problemCategoryId,
      ),
      createdById: actor.userId,
    },
  })
  await tx.assessment.update({
    where: { id: assessment.id },
    data: { status: 'IN_PROGRESS', updatedById: actor.userId },
  })
  await audit(tx, actor, 'finding.create', 'Finding', finding.id, null, finding)
  return finding
}

async function loadFindingForWrite(tx: Tx, actor: Actor, findingId: number) {
  const finding = await tx.finding.findUnique({
    where: { id: findingId },
    include: { round: true, assessment: true },
  })
  if (!finding) throw new NotFoundError('Finding', findingId, '问题不存在')
  await assertCanInspect(tx, actor, finding.roundId, finding.orgId)
  assertRoundStatus(finding.round, 'INSPECTING')
  if (finding.assessment.status === 'SUBMITTED') {
    throw new ValidationError('评分已提交，请先撤回提交再修改问题')
  }
  return finding
}

function findingConflict(current: { id: number; version: number }): never {
  throw new ConflictError(
    'Finding',
    current.id,
    current,
    current.version,
    '该问题已被他人修改，请刷新后重试',
  )
}

export async function updateFinding(
  tx: Tx,
  actor: Actor,
  input: Partial<FindingFields> & { findingId: number; version: number },
) {
  const finding = await loadFindingForWrite(tx, actor, input.findingId)
  const { round, assessment, ...before } = finding
  const merged: FindingFields = {
    indicatorId: input.indicatorId ?? before.indicatorId,
    problemCategoryId: input.problemCategoryId ?? before.problemCategoryId,
    description: input.description ?? before.description,
    checkMethod: input.checkMethod ?? before.checkMethod,
    deduction: input.deduction ?? before.deduction,
    feedbackFormId:
      input.feedbackFormId === undefined ? before.feedbackFormId : input.feedbackFormId,
  }
  const fields = await resolveFields(tx, assessment, merged)
  const { count } = await tx.finding.updateMany({
    where: { id: before.id, version: input.version },
    data: {
      ...fields,
      checkMethod: merged.checkMethod,
      feedbackFormId: merged.feedbackFormId ?? null,
      isRepeat: await isRepeat(tx, round.previousRoundId, before.orgId, fields.problemCategoryId),
      version: { increment: 1 },
    },
  })
  if (count === 0) findingConflict(before)
  await tx.assessment.update({
    where: { id: assessment.id },
    data: { updatedById: actor.userId },
  })
  const after = await tx.finding.findUniqueOrThrow({ where: { id: before.id } })
  await audit(tx, actor, 'finding.update', 'Finding', before.id, before, after)
  return after
}

/** Deletes a finding; returns the stored names of its evidence so the caller removes the files. */
export async function deleteFinding(
  tx: Tx,
  actor: Actor,
  input: { findingId: number; version: number },
) {
  const finding = await loadFindingForWrite(tx, actor, input.findingId)
  const { round: _round, assessment, ...before } = finding
  if (before.version !== input.version) findingConflict(before)
  const evidence = await tx.evidenceFile.findMany({
    where: { findingId: before.id },
    select: { storedName: true },
  })
  const { count } = await tx.finding.deleteMany({
    where: { id: before.id, version: input.version },
  })
  if (count === 0) findingConflict(before)
  await tx.assessment.update({
    where: { id: assessment.id },
    data: { updatedById: actor.userId },
  })
  await audit(tx, actor, 'finding.delete', 'Finding', before.id, before, null)
  return { finding: before, removedFiles: evidence.map((e) => e.storedName) }
}
