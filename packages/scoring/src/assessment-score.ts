import { formatCents, toCents } from './decimal'
import {
  addDeduction,
  indicatorOutcome,
  indicatorScore,
  prepareIndicator,
  type DeductionTotal,
  type PreparedIndicator,
} from './indicator-score'
import type {
  AssessmentInput,
  AssessmentScore,
  DimensionScore,
  Id,
  IndicatorInputValue,
  IndicatorScore,
  LostPointsEntry,
  SchemeDefinition,
} from './types'

/**
 * A scheme parsed once for scoring many assessments (a round scores every org against the same
 * scheme revision). Treat it as immutable; prepare again after editing the definition.
 */
export interface PreparedScheme {
  readonly kind: 'PreparedScheme'
  readonly definition: SchemeDefinition
  readonly indicators: readonly PreparedIndicator[]
  /** First indicator with each id (validateScheme reports duplicates). */
  readonly indexById: ReadonlyMap<Id, number>
  readonly dimensionIds: readonly Id[]
  /** Per indicator: index into dimensionIds, or -1 for bonus indicators and unknown dimensions. */
  readonly dimensionIndex: readonly number[]
  /** null when the scheme has no overall bonus cap (validateScheme reports it). */
  readonly bonusCapCents: number | null
}

export function prepareScheme(scheme: SchemeDefinition): PreparedScheme {
  const indicators = scheme.indicators.map(prepareIndicator)
  const indexById = new Map<Id, number>()
  indicators.forEach((p, i) => {
    if (!indexById.has(p.id)) indexById.set(p.id, i)
  })
  const dimensionIds = scheme.dimensions.map((d) => d.id)
  const dimensionPosition = new Map<Id, number>()
  dimensionIds.forEach((id, i) => {
    if (!dimensionPosition.has(id)) dimensionPosition.set(id, i)
  })
  const dimensionIndex = indicators.map((p) =>
    p.isBonus || p.dimensionId === null ? -1 : (dimensionPosition.get(p.dimensionId) ?? -1),
  )
  const cap = scheme.bonusCap
  return {
    kind: 'PreparedScheme',
    definition: scheme,
    indicators,
    indexById,
    dimensionIds,
    dimensionIndex,
    bonusCapCents:
      cap === null || cap === undefined || cap === '' ? null : Math.max(0, toCents(cap)),
  }
}

function isPrepared(scheme: SchemeDefinition | PreparedScheme): scheme is PreparedScheme {
  return 'kind' in scheme && scheme.kind === 'PreparedScheme'
}

/**
 * Scores one org's assessment (R2).
 *
 * base = Σ points of the applicable non-bonus indicators (0–100 in a valid scheme);
 * bonusRaw = Σ bonus indicator points, each capped at its indicator max; bonus = min(bonusRaw,
 * scheme bonus cap); total = base + bonus. The method decides what is bonus: a BONUS indicator never
 * counts toward base, even if a (mis-configured) dimension is set on it.
 *
 * Inputs and findings are matched to indicators by id with === (do not mix 5 and '5'); those for
 * indicators outside the scheme are ignored, and of two inputs for one indicator the last wins.
 * Findings only affect DEDUCTION indicators, and only when `counts` is true.
 *
 * lostPoints lists every base indicator that lost points with the reason and, for DEDUCTION, the
 * findings that caused it; their `lost` values sum exactly to baseMax − base (100 − base).
 */
export function scoreAssessment(
  scheme: SchemeDefinition | PreparedScheme,
  input: AssessmentInput,
): AssessmentScore {
  const prepared = isPrepared(scheme) ? scheme : prepareScheme(scheme)
  const { indicators, indexById, dimensionIndex, dimensionIds } = prepared
  const count = indicators.length
  const unitType = input.unitType

  const inputs: (IndicatorInputValue | undefined)[] = new Array<IndicatorInputValue | undefined>(
    count,
  )
  for (const value of input.inputs) {
    const i = indexById.get(value.indicatorId)
    if (i !== undefined) inputs[i] = value
  }

  const deductions: DeductionTotal[] = new Array<DeductionTotal>(count)
  const findingIds: Id[][] = new Array<Id[]>(count)
  for (const finding of input.findings) {
    const i = indexById.get(finding.indicatorId)
    if (i === undefined) continue
    const p = indicators[i]
    if (p === undefined) continue
    if (p.method !== 'DEDUCTION' || (p.restriction !== null && p.restriction !== unitType)) continue
    const total = (deductions[i] ??= { cents: 0, extra: null })
    if (addDeduction(total, finding)) (findingIds[i] ??= []).push(finding.id)
  }

  const dimensionCount = dimensionIds.length
  const dimensionMax = new Array<number>(dimensionCount).fill(0)
  const dimensionPoints = new Array<number>(dimensionCount).fill(0)
  const dimensionLost = new Array<number>(dimensionCount).fill(0)
  const indicatorScores: IndicatorScore[] = new Array<IndicatorScore>(count)
  const lostPoints: LostPointsEntry[] = []
  const noDeductions: DeductionTotal = { cents: 0, extra: null }
  let base = 0
  let baseMax = 0
  let bonusRaw = 0

  for (let i = 0; i < count; i++) {
    // An index loop rather than entries(): this runs per indicator per org, without allocating.
    const p = indicators[i]
    if (p === undefined) throw new Error(`indicator ${i} of ${count} is missing`)
    const outcome = indicatorOutcome(p, unitType, inputs[i], deductions[i] ?? noDeductions)
    const ids = findingIds[i] ?? []
    indicatorScores[i] = indicatorScore(p, outcome, ids)
    if (!outcome.applicable) continue
    if (p.isBonus) {
      bonusRaw += outcome.pointsCents
      continue
    }
    base += outcome.pointsCents
    baseMax += p.maxCents
    const d = dimensionIndex[i] ?? -1
    if (d >= 0) {
      dimensionMax[d] = (dimensionMax[d] ?? 0) + p.maxCents
      dimensionPoints[d] = (dimensionPoints[d] ?? 0) + outcome.pointsCents
      dimensionLost[d] = (dimensionLost[d] ?? 0) + outcome.lostCents
    }
    if (outcome.reason !== null) {
      lostPoints.push({
        indicatorId: p.id,
        dimensionId: p.dimensionId,
        lost: formatCents(outcome.lostCents),
        reason: outcome.reason,
        findingIds: ids,
      })
    }
  }

  const cap = prepared.bonusCapCents
  const bonus = cap === null ? bonusRaw : Math.min(bonusRaw, cap)
  const dimensions: DimensionScore[] = dimensionIds.map((dimensionId, d) => ({
    dimensionId,
    max: formatCents(dimensionMax[d] ?? 0),
    points: formatCents(dimensionPoints[d] ?? 0),
    lost: formatCents(dimensionLost[d] ?? 0),
  }))
  return {
    base: formatCents(base),
    baseMax: formatCents(baseMax),
    bonusRaw: formatCents(bonusRaw),
    bonus: formatCents(bonus),
    total: formatCents(base + bonus),
    dimensions,
    indicators: indicatorScores,
    lostPoints,
  }
}
