import type { Decimal } from 'decimal.js'
import { indicatorApplies } from './applicability'
import {
  D,
  decimalToCents,
  divideRoundHalfUp,
  exactCents,
  formatCents,
  toCents,
  toDecimal,
} from './decimal'
import type {
  FindingInput,
  Id,
  IndicatorDefinition,
  IndicatorInputValue,
  IndicatorScore,
  LossReason,
  ScoringMethod,
  UnitType,
} from './types'

/**
 * Scoring of one indicator (R2). Decisions the rules leave open:
 * - Maxima are rounded half-up to two decimals first (validateScheme rejects more decimals), so
 *   points and lost always add up to the max shown.
 * - DEDUCTION: only counted findings with a positive deduction reduce the max; a negative deduction
 *   would add points, which R2 does not allow, so it is ignored. Points never go below 0, so
 *   deductions beyond the max are lost only up to the max. Findings linked to a non-DEDUCTION
 *   indicator do not change its score (the inspector's rating or measurement already covers them).
 * - RATING: a missing or unknown level means "not rated": 0 points, reason NOT_RATED, so an
 *   unfinished assessment can never look better than a finished one.
 * - QUANTITY: value / target × max, capped at max and floored at 0; a missing value is NOT_RATED;
 *   a missing or non-positive target (flagged by validateScheme) scores 0, NOT_RATED.
 * - BONUS: claimed points clamped to 0…indicator max; never a loss (lost is 0, reason null).
 * - An indicator restricted to the other unit type is not applicable: 0 points, 0 lost, and its max
 *   is left out of every total.
 * Each indicator's points are rounded half-up to two decimals before anything is summed.
 */

export interface PreparedIndicator {
  readonly definition: IndicatorDefinition
  readonly id: Id
  readonly dimensionId: Id | null
  readonly method: ScoringMethod
  readonly isBonus: boolean
  readonly restriction: UnitType | null
  readonly maxCents: number
  readonly maxText: string
  /** RATING: level label → points in cents, computed once per scheme. */
  readonly ratingCents: ReadonlyMap<string, number> | null
  /** QUANTITY: a positive target as exact cents, when it has at most two decimals. */
  readonly targetCents: number | null
  /** QUANTITY: a positive target, or null when missing or not positive. */
  readonly target: Decimal | null
}

export function prepareIndicator(definition: IndicatorDefinition): PreparedIndicator {
  const maxCents = Math.max(0, toCents(definition.maxPoints))
  let ratingCents: Map<string, number> | null = null
  if (definition.method === 'RATING') {
    ratingCents = new Map()
    const max = new D(maxCents).div(100)
    for (const level of definition.ratingLevels ?? []) {
      if (ratingCents.has(level.label)) continue
      const cents = decimalToCents(max.times(toDecimal(level.percent)).div(100))
      ratingCents.set(level.label, Math.min(maxCents, Math.max(0, cents)))
    }
  }
  let target: Decimal | null = null
  if (definition.method === 'QUANTITY' && definition.target != null && definition.target !== '') {
    const t = toDecimal(definition.target)
    if (t.isPositive() && !t.isZero()) target = t
  }
  return {
    definition,
    id: definition.id,
    dimensionId: definition.dimensionId,
    method: definition.method,
    isBonus: definition.method === 'BONUS',
    restriction: definition.unitTypeRestriction ?? null,
    maxCents,
    maxText: formatCents(maxCents),
    ratingCents,
    targetCents: target === null ? null : exactCents(target),
    target,
  }
}

/** Deductions of one indicator's counted findings: exact cents plus any finer-grained remainder. */
export interface DeductionTotal {
  cents: number
  extra: Decimal | null
}

export interface IndicatorOutcome {
  applicable: boolean
  pointsCents: number
  lostCents: number
  reason: LossReason | null
}

const NOT_APPLICABLE: IndicatorOutcome = {
  applicable: false,
  pointsCents: 0,
  lostCents: 0,
  reason: null,
}

function isMissing(x: unknown): x is null | undefined | '' {
  return x === null || x === undefined || x === ''
}

function deductionPoints(p: PreparedIndicator, deductions: DeductionTotal): number {
  if (deductions.extra === null) return Math.max(0, p.maxCents - deductions.cents)
  const points = new D(p.maxCents - deductions.cents).div(100).minus(deductions.extra)
  return points.isNegative() ? 0 : decimalToCents(points)
}

function quantityPoints(p: PreparedIndicator, value: IndicatorInputValue['quantityValue']): number {
  if (isMissing(value) || p.target === null) return 0
  const valueCents = exactCents(value)
  const t = p.targetCents
  if (valueCents !== null && t !== null) {
    if (valueCents <= 0) return 0
    if (valueCents >= t) return p.maxCents
    // valueCents < t, so the product stays below t × max: exact while that is a safe integer.
    if (t * p.maxCents <= Number.MAX_SAFE_INTEGER) {
      return divideRoundHalfUp(valueCents * p.maxCents, t)
    }
  }
  const v = toDecimal(value)
  if (!v.isPositive() || v.isZero()) return 0
  if (v.gte(p.target)) return p.maxCents
  // Exact half-up of a quotient: integer division plus a remainder test, no rounded division.
  const numerator = v.times(p.maxCents)
  const quotient = numerator.divToInt(p.target)
  const remainder = numerator.minus(quotient.times(p.target))
  return quotient.toNumber() + (remainder.times(2).gte(p.target) ? 1 : 0)
}

/** The score of a prepared indicator; `deductions` are only read for DEDUCTION indicators. */
export function indicatorOutcome(
  p: PreparedIndicator,
  unitType: UnitType,
  input: IndicatorInputValue | undefined,
  deductions: DeductionTotal,
): IndicatorOutcome {
  if (p.restriction !== null && p.restriction !== unitType) return NOT_APPLICABLE
  let points: number
  let notRated = false
  switch (p.method) {
    case 'DEDUCTION':
      points = deductionPoints(p, deductions)
      break
    case 'RATING': {
      const level = input?.ratingLevel
      const cents = isMissing(level) ? undefined : p.ratingCents?.get(level)
      notRated = cents === undefined
      points = cents ?? 0
      break
    }
    case 'QUANTITY':
      notRated = isMissing(input?.quantityValue) || p.target === null
      points = quantityPoints(p, input?.quantityValue)
      break
    case 'BONUS': {
      const claimed = input?.bonusPoints
      points = isMissing(claimed) ? 0 : Math.min(p.maxCents, Math.max(0, toCents(claimed)))
      return { applicable: true, pointsCents: points, lostCents: 0, reason: null }
    }
  }
  const lost = p.maxCents - points
  let reason: LossReason | null = null
  if (lost > 0) {
    reason = notRated
      ? 'NOT_RATED'
      : p.method === 'DEDUCTION'
        ? 'FINDINGS'
        : p.method === 'RATING'
          ? 'RATING'
          : 'QUANTITY'
  }
  return { applicable: true, pointsCents: points, lostCents: lost, reason }
}

export function indicatorScore(
  p: PreparedIndicator,
  outcome: IndicatorOutcome,
  findingIds: Id[],
): IndicatorScore {
  return {
    indicatorId: p.id,
    dimensionId: p.dimensionId,
    method: p.method,
    max: p.maxText,
    points: formatCents(outcome.pointsCents),
    lost: formatCents(outcome.lostCents),
    applicable: outcome.applicable,
    reason: outcome.reason,
    findingIds,
  }
}

/** Adds one finding's deduction; returns false when it does not count (not counted, ≤ 0). */
export function addDeduction(total: DeductionTotal, finding: FindingInput): boolean {
  if (!finding.counts) return false
  const cents = exactCents(finding.deduction)
  if (cents !== null) {
    if (cents <= 0) return false
    total.cents += cents
    return true
  }
  const d = toDecimal(finding.deduction)
  if (!d.isPositive() || d.isZero()) return false
  total.extra = total.extra === null ? d : total.extra.plus(d)
  return true
}

export interface ScoreIndicatorArgs {
  indicator: IndicatorDefinition
  unitType: UnitType
  input?: IndicatorInputValue | null
  /** Findings; those of other indicators are ignored. */
  findings?: readonly FindingInput[]
}

/** Scores one indicator on its own (scoreAssessment does the same for a whole scheme). */
export function scoreIndicator({
  indicator,
  unitType,
  input,
  findings = [],
}: ScoreIndicatorArgs): IndicatorScore {
  const p = prepareIndicator(indicator)
  const deductions: DeductionTotal = { cents: 0, extra: null }
  const findingIds: Id[] = []
  const applicable = indicatorApplies(p.restriction, unitType)
  if (p.method === 'DEDUCTION' && applicable) {
    for (const f of findings) {
      if (f.indicatorId === indicator.id && addDeduction(deductions, f)) findingIds.push(f.id)
    }
  }
  return indicatorScore(
    p,
    indicatorOutcome(p, unitType, input ?? undefined, deductions),
    findingIds,
  )
}
