import { toFixed2 } from '@redblue/scoring'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** The scheme editor's own labels for the fields the API's diff names (`maxPoints`, `bonusCap`, …). */
const FIELD_LABELS: Record<string, string> = {
  name: 'scheme.name',
  bonusCap: 'scheme.bonusCap',
  maxPoints: 'scheme.maxPoints',
  dimensionCode: 'scheme.dimension',
  method: 'scheme.method',
  unitTypeRestriction: 'scheme.unitRestriction',
  ratingLevels: 'scheme.ratingLevels',
  target: 'scheme.target',
  targetUnit: 'scheme.targetUnit',
  defaultDeduction: 'scheme.defaultDeduction',
  evaluationStandard: 'scheme.evaluationStandard',
  scoringGuide: 'scheme.scoringGuide',
}

/** Points and other decimals: shown with two places, as everywhere else in the app (R2). */
const DECIMAL_FIELDS = new Set(['bonusCap', 'maxPoints', 'target', 'defaultDeduction'])

export function diffFieldLabel(field: string, t: Translate): string {
  const key = FIELD_LABELS[field]
  return key ? t(key) : field
}

function isDecimal(value: unknown): value is string | number {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()))
}

/** One side of a changed field as a person reads it: decimals to two places, enums in words, levels as "好 100%". */
export function diffFieldValue(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—'
  if (DECIMAL_FIELDS.has(field) && isDecimal(value)) return toFixed2(value)
  if (field === 'method' && typeof value === 'string') return t(`enums.method.${value}`)
  if (field === 'unitTypeRestriction' && typeof value === 'string') return t(`enums.unitType.${value}`)
  if (field === 'ratingLevels' && Array.isArray(value)) {
    return value
      .map((level: { label?: unknown; percent?: unknown }) => `${String(level.label)} ${String(level.percent)}%`)
      .join('、')
  }
  return typeof value === 'string' ? value : JSON.stringify(value)
}
