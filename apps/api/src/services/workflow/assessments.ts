import { Prisma, ratingLevelsOf } from '@redblue/db'
import type { AssessmentScore } from '@redblue/scoring'
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors'
import { assertCanInspect, type Actor } from '../../access'
import { audit } from './audit'
import { appliesTo, carriesValue, notApplicable } from './applicability'
import { assertRoundStatus } from './round-state'
import { liveScore, SchemeCache } from './scoring'
import type { Tx } from './types'

export interface IndicatorInputChange {
  indicatorId: number
  ratingLevel?: string | null
  quantityValue?: Prisma.Decimal | string | null
  bonusPoints?: Prisma.Decimal | string | null
  note?: string | null
}

export interface SaveInputsArgs {
  assessmentId: number
  /** The version the inspector's form was loaded with. */
  version: number
  inputs: IndicatorInputChange[]
}

const currentInclude = {
  inputs: { orderBy: { indicatorId: 'asc' } },
} satisfies Prisma.AssessmentInclude

/** Loads an assessment for writing: the round must be inspecting and the actor assigned. */
async function loadForWrite(tx: Tx, actor: Actor, assessmentId: number) {
  const assessment = await tx.assessment.findUnique({
    where: { id: assessmentId },
    include: { round: true },
  })
  if (!assessment) throw new NotFoundError('Assessment', assessmentId, '评分记录不存在')
  await assertCanInspect(tx, actor, assessment.roundId, assessment.orgId)
  assertRoundStatus(assessment.round, 'INSPECTING')
  return assessment
}

async function conflict(tx: Tx, assessmentId: number): Promise<never> {
  const current = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    include: currentInclude,
  })
  throw new ConflictError(
    'Assessment',
    assessmentId,
    current,
    current.version,
    '该评分已被他人保存，请查看最新内容后重新提交修改',
  )
}

function decimalOrNull(
  value: Prisma.Decimal | string | null | undefined,
  path: string[],
  problems: FieldProblem[],
  /** The column's largest value (bonusPoints Decimal(6,2), quantityValue Decimal(12,2)). */
  max: string,
): Prisma.Decimal | null {
  if (value === null || value === undefined || value === '') return null
  try {
    const d = new Prisma.Decimal(value)
    if (!d.isFinite() || d.isNegative()) throw new Error('negative')
    if (d.greaterThan(max)) {
      problems.push({ path, message: `数值不能超过 ${max}`, code: 'TOO_LARGE' })
      return null
    }
    if (d.decimalPlaces() > 2) {
      problems.push({ path, message: '最多两位小数', code: 'TOO_MANY_DECIMALS' })
    }
    return d
  } catch {
    problems.push({ path, message: '请输入不小于 0 的数值', code: 'INVALID_NUMBER' })
    return null
  }
}

/**
 * Saves indicator inputs under the optimistic lock on Assessment.version: a save made from an
 * out-of-date form gets ConflictError carrying the current inputs, and nothing is written.
 * Returns the assessment and its live score from the scoring engine.
 */
export async function saveAssessmentInputs(
  tx: Tx,
  actor: Actor,
  args: SaveInputsArgs,
): Promise<{ assessmentId: number; score: AssessmentScore }> {
  const assessment = await loadForWrite(tx, actor, args.assessmentId)
  if (assessment.status === 'SUBMITTED') {
    throw new ValidationError('评分已提交，请先撤回提交再修改')
  }
  const { scheme } = await new SchemeCache(tx).get(assessment.schemeId)
  const indicators = new Map(scheme.indicators.map((i) => [i.id, i]))
  const problems: FieldProblem[] = []
  const seen = new Set<number>()
  const rows = args.inputs.map((change, index) => {
    const path = ['inputs', String(index)]
    const indicator = indicators.get(change.indicatorId)
    // One value per indicator: a list repeating an indicator (10k times, say) was written row by row.
    if (seen.has(change.indicatorId)) {
      problems.push({
        path: [...path, 'indicatorId'],
        message: '同一指标只能出现一次',
        code: 'DUPLICATE_INDICATOR',
      })
      return null
    }
    seen.add(change.indicatorId)
    if (!indicator) {
      problems.push({
        path: [...path, 'indicatorId'],
        message: '指标不属于该考核方案',
        code: 'UNKNOWN_INDICATOR',
      })
      return null
    }
    if (carriesValue(change) && !appliesTo(indicator, assessment.unitType)) {
      problems.push(notApplicable(path, indicator.name, assessment.unitType))
      return null
    }
    let ratingLevel: string | null = null
    let quantityValue: Prisma.Decimal | null = null
    let bonusPoints: Prisma.Decimal | null = null
    if (indicator.method === 'RATING' && change.ratingLevel) {
      const labels = (ratingLevelsOf(indicator.ratingLevels) ?? []).map((l) => l.label)
      if (!labels.includes(change.ratingLevel)) {
        problems.push({
          path: [...path, 'ratingLevel'],
          message: `“${indicator.name}”的评价等级应为：${labels.join('、')}`,
          code: 'UNKNOWN_RATING_LEVEL',
        })
      }
      ratingLevel = change.ratingLevel
    }
    // Numbers are checked even where the method ignores them: a negative bonus sent for a
    // deduction indicator used to be saved as a successful (audited) change.
    const quantity = decimalOrNull(
      change.quantityValue,
      [...path, 'quantityValue'],
      problems,
      '9999999999.99',
    )
    const bonus = decimalOrNull(change.bonusPoints, [...path, 'bonusPoints'], problems, '9999.99')
    if (indicator.method === 'QUANTITY') quantityValue = quantity
    if (indicator.method === 'BONUS') bonusPoints = bonus
    return {
      indicatorId: indicator.id,
      ratingLevel,
      quantityValue,
      bonusPoints,
      note: change.note ?? null,
    }
  })
  if (problems.length) throw new ValidationError('评分输入有误', problems)

  const { count } = await tx.assessment.updateMany({
    where: { id: assessment.id, version: args.version },
    data: { version: { increment: 1 }, status: 'IN_PROGRESS', updatedById: actor.userId },
  })
  if (count === 0) return conflict(tx, assessment.id)

  const before = await tx.indicatorInput.findMany({ where: { assessmentId: assessment.id } })
  for (const row of rows) {
    if (!row) continue
    const data = {
      ratingLevel: row.ratingLevel,
      quantityValue: row.quantityValue,
      bonusPoints: row.bonusPoints,
      note: row.note,
    }
    await tx.indicatorInput.upsert({
      where: {
        assessmentId_indicatorId: { assessmentId: assessment.id, indicatorId: row.indicatorId },
      },
      create: { assessmentId: assessment.id, indicatorId: row.indicatorId, ...data },
      update: { ...data, version: { increment: 1 } },
    })
  }
  const after = await tx.indicatorInput.findMany({ where: { assessmentId: assessment.id } })
  await audit(tx, actor, 'assessment.saveInputs', 'Assessment', assessment.id, before, after)
  return { assessmentId: assessment.id, score: await liveScore(tx, assessment.id) }
}

/** The inspector marks the assessment finished; every applicable rated item must have a value. */
export async function submitAssessment(
  tx: Tx,
  actor: Actor,
  args: { assessmentId: number; version: number },
) {
  const assessment = await loadForWrite(tx, actor, args.assessmentId)
  const cache = new SchemeCache(tx)
  const { scheme } = await cache.get(assessment.schemeId)
  const score = await liveScore(tx, assessment.id, cache)
  const unrated = score.indicators.filter((i) => i.applicable && i.reason === 'NOT_RATED')
  if (unrated.length) {
    const names = unrated.map((i) => scheme.indicators.find((x) => x.id === i.indicatorId)?.name)
    throw new ValidationError(`以下指标尚未评分：${names.join('、')}`)
  }
  const { count } = await tx.assessment.updateMany({
    where: { id: assessment.id, version: args.version },
    data: { version: { increment: 1 }, status: 'SUBMITTED', updatedById: actor.userId },
  })
  if (count === 0) return conflict(tx, assessment.id)
  const after = await tx.assessment.findUniqueOrThrow({ where: { id: assessment.id } })
  await audit(tx, actor, 'assessment.submit', 'Assessment', assessment.id, assessment, after)
  return after
}

/** Takes a submitted assessment back for corrections while the round is still inspecting. */
export async function reopenAssessment(
  tx: Tx,
  actor: Actor,
  args: { assessmentId: number; version: number; reason?: string | null },
) {
  const assessment = await loadForWrite(tx, actor, args.assessmentId)
  if (assessment.status !== 'SUBMITTED') throw new ValidationError('评分尚未提交')
  const { count } = await tx.assessment.updateMany({
    where: { id: assessment.id, version: args.version },
    data: { version: { increment: 1 }, status: 'IN_PROGRESS', updatedById: actor.userId },
  })
  if (count === 0) return conflict(tx, assessment.id)
  const after = await tx.assessment.findUniqueOrThrow({ where: { id: assessment.id } })
  const reason = args.reason?.trim() || null
  await audit(tx, actor, 'assessment.reopen', 'Assessment', assessment.id, assessment, { ...after, reason })
  return after
}
