import type { Decimal } from 'decimal.js'
import { D, toDecimal } from './decimal'
import {
  SCHEME_PROBLEM_MESSAGES_EN,
  SCHEME_PROBLEM_MESSAGES_ZH,
  formatSchemeMessage,
} from './scheme-messages'
import type {
  DecimalInput,
  Id,
  IndicatorDefinition,
  SchemeDefinition,
  SchemeProblem,
  SchemeProblemCode,
} from './types'

type Path = (string | number)[]

const HUNDRED = new D(100)

function isBlank(x: unknown): x is null | undefined | '' {
  return x === null || x === undefined || x === ''
}

function text(x: unknown): string {
  if (typeof x === 'string') return x
  if (typeof x === 'number') return String(x)
  if (x && typeof x === 'object' && 'toFixed' in x && typeof x.toFixed === 'function') {
    return (x as { toFixed(): string }).toFixed()
  }
  return JSON.stringify(x) ?? 'undefined'
}

function indicatorLabel(indicator: IndicatorDefinition): string {
  return indicator.name ? `${indicator.code} ${indicator.name}` : indicator.code
}

/**
 * R1: everything that makes a scheme unfit to publish. The checks are exact (decimal.js), so a
 * scheme that is off by 0.01 is caught. An empty list means the scheme is valid: dimension maxima
 * total 100, each dimension's base indicators total its max, bonus indicators sit outside the
 * dimensions with a cap each, and the scheme has an overall bonus cap.
 *
 * A unit-type restriction is only allowed on bonus indicators (贡献度 / 融合度): on a base indicator it
 * would leave the other unit type's base short of 100.
 */
export function validateScheme(scheme: SchemeDefinition): SchemeProblem[] {
  const problems: SchemeProblem[] = []
  const report = (path: Path, code: SchemeProblemCode, params?: Record<string, string>): void => {
    problems.push({
      path,
      code,
      message: formatSchemeMessage(SCHEME_PROBLEM_MESSAGES_ZH[code], params),
      messageEn: formatSchemeMessage(SCHEME_PROBLEM_MESSAGES_EN[code], params),
      ...(params ? { params } : {}),
    })
  }

  /** An amount of points: finite, not negative, at most two decimals. null when unusable. */
  const amount = (value: DecimalInput, path: Path): Decimal | null => {
    let d: Decimal
    try {
      d = toDecimal(value)
    } catch {
      report(path, 'INVALID_NUMBER', { value: text(value) })
      return null
    }
    if (d.isNegative() && !d.isZero()) {
      report(path, 'NEGATIVE_MAX', { value: d.toFixed() })
      return null
    }
    if (d.decimalPlaces() > 2) {
      report(path, 'TOO_MANY_DECIMALS', { value: d.toFixed() })
      return null
    }
    return d
  }

  const duplicates = (items: readonly { id: Id; code: string }[], collection: string): void => {
    const ids = new Set<Id>()
    const codes = new Set<string>()
    items.forEach((item, i) => {
      if (ids.has(item.id)) report([collection, i, 'id'], 'DUPLICATE_ID', { id: String(item.id) })
      if (codes.has(item.code))
        report([collection, i, 'code'], 'DUPLICATE_CODE', { code: item.code })
      ids.add(item.id)
      codes.add(item.code)
    })
  }

  if (isBlank(scheme.bonusCap)) report(['bonusCap'], 'SCHEME_BONUS_CAP_MISSING')
  else amount(scheme.bonusCap, ['bonusCap'])

  // Dimensions and their total.
  duplicates(scheme.dimensions, 'dimensions')
  const dimensionMax = scheme.dimensions.map((d, i) =>
    amount(d.maxPoints, ['dimensions', i, 'maxPoints']),
  )
  if (dimensionMax.every((m) => m !== null)) {
    const total = dimensionMax.reduce((sum: Decimal, m) => sum.plus(m), new D(0))
    if (!total.eq(HUNDRED))
      report(['dimensions'], 'DIMENSION_TOTAL_NOT_100', { total: total.toFixed(2) })
  }
  const dimensionPosition = new Map<Id, number>()
  scheme.dimensions.forEach((d, i) => {
    if (!dimensionPosition.has(d.id)) dimensionPosition.set(d.id, i)
  })

  // Indicators, summing base maxima per dimension.
  duplicates(scheme.indicators, 'indicators')
  const indicatorTotals = scheme.dimensions.map(() => new D(0))
  const totalUsable = scheme.dimensions.map(() => true)
  scheme.indicators.forEach((indicator, i) => {
    const at = (...rest: Path): Path => ['indicators', i, ...rest]
    const label = { indicator: indicatorLabel(indicator), code: indicator.code }
    const isBonus = indicator.method === 'BONUS'
    const blankMax = isBlank(indicator.maxPoints)
    let max: Decimal | null = null
    if (isBonus && blankMax) report(at('maxPoints'), 'BONUS_WITHOUT_CAP', label)
    else {
      max = amount(indicator.maxPoints, at('maxPoints'))
      if (isBonus && max?.isZero()) report(at('maxPoints'), 'BONUS_WITHOUT_CAP', label)
    }

    if (isBonus) {
      if (indicator.dimensionId !== null && indicator.dimensionId !== undefined) {
        report(at('dimensionId'), 'BONUS_IN_DIMENSION', label)
      }
    } else {
      if (indicator.unitTypeRestriction)
        report(at('unitTypeRestriction'), 'RESTRICTED_BASE_INDICATOR', label)
      if (indicator.dimensionId === null || indicator.dimensionId === undefined) {
        report(at('dimensionId'), 'NON_BONUS_WITHOUT_DIMENSION', label)
      } else {
        const d = dimensionPosition.get(indicator.dimensionId)
        if (d === undefined) report(at('dimensionId'), 'UNKNOWN_DIMENSION', label)
        else if (max === null) totalUsable[d] = false
        else indicatorTotals[d] = (indicatorTotals[d] ?? new D(0)).plus(max)
      }
    }

    if (indicator.method === 'RATING') validateRatingLevels(indicator, at, label, report)
    if (indicator.method === 'QUANTITY') {
      const target = indicator.target
      if (isBlank(target)) report(at('target'), 'QUANTITY_TARGET_MISSING', label)
      else {
        const t = amount(target, at('target'))
        if (t?.isZero()) report(at('target'), 'QUANTITY_TARGET_MISSING', label)
      }
    }
  })

  scheme.dimensions.forEach((dimension, d) => {
    const max = dimensionMax[d]
    if (max === null || max === undefined || !totalUsable[d]) return
    const total = indicatorTotals[d] ?? new D(0)
    if (!total.eq(max)) {
      report(['dimensions', d, 'maxPoints'], 'INDICATOR_TOTAL_MISMATCH', {
        dimension: dimension.name || dimension.code,
        indicatorTotal: total.toFixed(2),
        dimensionMax: max.toFixed(2),
      })
    }
  })

  return problems
}

function validateRatingLevels(
  indicator: IndicatorDefinition,
  at: (...rest: Path) => Path,
  label: Record<string, string>,
  report: (path: Path, code: SchemeProblemCode, params?: Record<string, string>) => void,
): void {
  const levels = indicator.ratingLevels
  if (!levels || levels.length === 0) {
    report(at('ratingLevels'), 'RATING_LEVELS_MISSING', label)
    return
  }
  const labels = new Set<string>()
  levels.forEach((level, j) => {
    if (labels.has(level.label))
      report(at('ratingLevels', j, 'label'), 'RATING_LABEL_DUPLICATE', { level: level.label })
    labels.add(level.label)
    let percent: Decimal
    try {
      percent = toDecimal(level.percent)
    } catch {
      report(at('ratingLevels', j, 'percent'), 'INVALID_NUMBER', { value: text(level.percent) })
      return
    }
    if (percent.lt(0) || percent.gt(HUNDRED)) {
      report(at('ratingLevels', j, 'percent'), 'RATING_PERCENT_OUT_OF_RANGE', {
        level: level.label,
        percent: percent.toFixed(),
      })
    }
  })
}
