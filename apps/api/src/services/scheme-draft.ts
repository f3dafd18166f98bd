import {
  Prisma,
  type Decimal,
  type RatingLevel,
  type SchemeWithParts,
  type ScoringMethod,
  type UnitType,
} from '@redblue/db'
import type { Db } from '../context'
import { ValidationError, type FieldProblem } from '../errors'

/**
 * Saving a draft scheme as a whole document. The client sends every dimension and indicator in
 * display order; rows carrying an `id` are updated in place (ids stay stable for the editor),
 * rows without one are created, and rows left out are deleted. Indicators point at dimensions by
 * code because new dimensions have no id yet. Sums are NOT enforced here (a draft may be
 * incomplete); `validateScheme`/`publishScheme` run the engine's checks.
 */

export interface DimensionDraft {
  id?: number | null
  code: string
  name: string
  maxPoints: Decimal
}

export interface IndicatorDraft {
  id?: number | null
  code: string
  name: string
  dimensionCode?: string | null
  sharedIndicatorId?: number | null
  evaluationStandard?: string | null
  scoringGuide?: string | null
  method: ScoringMethod
  maxPoints: Decimal
  unitTypeRestriction?: UnitType | null
  ratingLevels?: { label: string; percent: Decimal }[] | null
  target?: Decimal | null
  targetUnit?: string | null
  defaultDeduction?: Decimal | null
}

export interface SchemeDraft {
  name: string
  bonusCap: Decimal
  dimensions: DimensionDraft[]
  indicators: IndicatorDraft[]
}

/** Column limits of Decimal(6,2): two places, |x| < 10000. */
function checkPoints(problems: FieldProblem[], path: string[], value: Decimal | null | undefined) {
  if (value == null) return
  if (value.decimalPlaces() > 2)
    problems.push({ path, message: '最多两位小数', code: 'TOO_MANY_DECIMALS' })
  if (value.isNegative()) problems.push({ path, message: '不能为负数', code: 'NEGATIVE' })
  if (value.abs().gte(10000)) problems.push({ path, message: '数值过大', code: 'OUT_OF_RANGE' })
}

function duplicates(codes: string[]): Set<string> {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const c of codes) (seen.has(c) ? dup : seen).add(c)
  return dup
}

export async function saveSchemeDraft(
  db: Db,
  scheme: SchemeWithParts,
  draft: SchemeDraft,
): Promise<void> {
  const problems: FieldProblem[] = []
  const p = (...path: (string | number)[]) => ['input', ...path.map(String)]

  if (!draft.name.trim())
    problems.push({ path: p('name'), message: '请填写方案名称', code: 'required' })
  checkPoints(problems, p('bonusCap'), draft.bonusCap)

  // Shared indicators must belong to the scheme's (year, area); their definition wins.
  const sharedIds = [
    ...new Set(draft.indicators.flatMap((i) => (i.sharedIndicatorId ? [i.sharedIndicatorId] : []))),
  ]
  const shared = sharedIds.length
    ? await db.sharedIndicator.findMany({ where: { id: { in: sharedIds } } })
    : []
  const sharedById = new Map(shared.map((s) => [s.id, s]))

  const dimIds = new Set(scheme.dimensions.map((d) => d.id))
  const indIds = new Set(scheme.indicators.map((i) => i.id))
  draft.dimensions.forEach((d, n) => {
    if (d.id != null && !dimIds.has(d.id))
      problems.push({
        path: p('dimensions', n, 'id'),
        message: '维度不属于该方案',
        code: 'not_found',
      })
    if (!d.code.trim())
      problems.push({ path: p('dimensions', n, 'code'), message: '请填写编码', code: 'required' })
    if (!d.name.trim())
      problems.push({ path: p('dimensions', n, 'name'), message: '请填写名称', code: 'required' })
    checkPoints(problems, p('dimensions', n, 'maxPoints'), d.maxPoints)
  })
  const dimCodes = draft.dimensions.map((d) => d.code.trim())
  const dupDims = duplicates(dimCodes)
  draft.dimensions.forEach((d, n) => {
    if (dupDims.has(d.code.trim()))
      problems.push({
        path: p('dimensions', n, 'code'),
        message: `维度编码 ${d.code} 重复`,
        code: 'DUPLICATE_CODE',
      })
  })
  const dimCodeSet = new Set(dimCodes)

  const resolved = draft.indicators.map((i, n) => {
    const s = i.sharedIndicatorId ? sharedById.get(i.sharedIndicatorId) : undefined
    if (i.id != null && !indIds.has(i.id))
      problems.push({
        path: p('indicators', n, 'id'),
        message: '指标不属于该方案',
        code: 'not_found',
      })
    if (i.sharedIndicatorId && (!s || s.year !== scheme.year || s.areaId !== scheme.areaId)) {
      problems.push({
        path: p('indicators', n, 'sharedIndicatorId'),
        message: '共享指标不属于本年度本专业',
        code: 'not_found',
      })
    }
    if (i.dimensionCode && !dimCodeSet.has(i.dimensionCode.trim())) {
      problems.push({
        path: p('indicators', n, 'dimensionCode'),
        message: `维度 ${i.dimensionCode} 不存在`,
        code: 'UNKNOWN_DIMENSION',
      })
    }
    checkPoints(problems, p('indicators', n, 'maxPoints'), i.maxPoints)
    checkPoints(problems, p('indicators', n, 'defaultDeduction'), i.defaultDeduction)
    if (i.target && (i.target.decimalPlaces() > 2 || i.target.abs().gte(1e10))) {
      problems.push({
        path: p('indicators', n, 'target'),
        message: '目标值超出范围',
        code: 'OUT_OF_RANGE',
      })
    }
    const levels: RatingLevel[] | null = s
      ? (s.ratingLevels as RatingLevel[] | null)
      : (i.ratingLevels?.map((l) => ({ label: l.label, percent: l.percent.toFixed() })) ?? null)
    const code = (s?.code ?? i.code).trim()
    if (!code)
      problems.push({ path: p('indicators', n, 'code'), message: '请填写编码', code: 'required' })
    if (!(s?.name ?? i.name).trim())
      problems.push({ path: p('indicators', n, 'name'), message: '请填写名称', code: 'required' })
    return {
      id: i.id ?? null,
      code,
      name: (s?.name ?? i.name).trim(),
      dimensionCode: i.dimensionCode?.trim() || null,
      sharedIndicatorId: s ? s.id : null,
      evaluationStandard: s?.evaluationStandard ?? i.evaluationStandard ?? '',
      scoringGuide: s?.scoringGuide ?? i.scoringGuide ?? '',
      method: s?.method ?? i.method,
      maxPoints: i.maxPoints,
      unitTypeRestriction: i.unitTypeRestriction ?? null,
      ratingLevels: levels,
      target: i.target ?? null,
      targetUnit: i.targetUnit?.trim() || null,
      defaultDeduction: i.defaultDeduction ?? null,
      sortOrder: n,
    }
  })
  const dupInd = duplicates(resolved.map((i) => i.code))
  resolved.forEach((i, n) => {
    if (dupInd.has(i.code))
      problems.push({
        path: p('indicators', n, 'code'),
        message: `指标编码 ${i.code} 重复`,
        code: 'DUPLICATE_CODE',
      })
  })
  const keptDimIds = draft.dimensions.flatMap((d) => (d.id != null ? [d.id] : []))
  const keptIndIds = resolved.flatMap((i) => (i.id != null ? [i.id] : []))
  if (duplicates(keptDimIds.map(String)).size)
    problems.push({ path: p('dimensions'), message: '维度重复', code: 'DUPLICATE_ID' })
  if (duplicates(keptIndIds.map(String)).size)
    problems.push({ path: p('indicators'), message: '指标重复', code: 'DUPLICATE_ID' })
  const [first] = problems
  if (first) throw new ValidationError(first.message, problems)

  // Indicators the draft drops go first. Codes are unique per scheme, so every dimension that is
  // dropped or renamed, and every kept indicator that is renamed, is parked on a temporary code
  // before the final codes are written (a swap of two codes must not trip the index half-way).
  // Dropped dimensions are deleted last, after kept indicators have moved off them (the
  // relation cascades).
  await db.indicator.deleteMany({ where: { schemeId: scheme.id, id: { notIn: keptIndIds } } })
  const finalDimCode = new Map(
    draft.dimensions.flatMap((d) => (d.id != null ? [[d.id, d.code.trim()]] : [])),
  )
  for (const old of scheme.dimensions) {
    if (finalDimCode.get(old.id) !== old.code) {
      await db.dimension.update({ where: { id: old.id }, data: { code: `~${old.id}` } })
    }
  }
  for (const i of resolved) {
    const old = i.id != null ? scheme.indicators.find((x) => x.id === i.id) : undefined
    if (old && old.code !== i.code)
      await db.indicator.update({ where: { id: old.id }, data: { code: `~${old.id}` } })
  }

  const dimIdByCode = new Map<string, number>()
  for (const [n, d] of draft.dimensions.entries()) {
    const data = { code: d.code.trim(), name: d.name.trim(), maxPoints: d.maxPoints, sortOrder: n }
    const row =
      d.id != null
        ? await db.dimension.update({ where: { id: d.id }, data })
        : await db.dimension.create({ data: { ...data, schemeId: scheme.id } })
    dimIdByCode.set(row.code, row.id)
  }

  const toCreate: Prisma.IndicatorCreateManyInput[] = []
  for (const i of resolved) {
    const { id, dimensionCode, ratingLevels, ...rest } = i
    const data = {
      ...rest,
      ratingLevels: (ratingLevels ?? undefined) as Prisma.InputJsonValue | undefined,
      dimensionId: dimensionCode ? (dimIdByCode.get(dimensionCode) ?? null) : null,
    }
    if (id != null) {
      await db.indicator.update({
        where: { id },
        data: { ...data, ratingLevels: data.ratingLevels ?? Prisma.DbNull },
      })
    } else {
      toCreate.push({ ...data, schemeId: scheme.id })
    }
  }
  if (toCreate.length) await db.indicator.createMany({ data: toCreate })
  const droppedDimIds = scheme.dimensions.map((d) => d.id).filter((id) => !keptDimIds.includes(id))
  if (droppedDimIds.length) await db.dimension.deleteMany({ where: { id: { in: droppedDimIds } } })
}
