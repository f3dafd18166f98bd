import type {
  IndicatorDefinition,
  SchemeDefinition,
  ScoringMethod,
  UnitType,
} from '@redblue/scoring'

export interface DraftRatingLevel {
  label: string
  percent: string
}

/** A dimension as edited in the browser; `key` is stable for new rows that have no id yet. */
export interface DraftDimension {
  key: string
  id: string | null
  code: string
  name: string
  maxPoints: string
}

export interface DraftIndicator {
  key: string
  id: string | null
  /** The dimension's key; null for bonus indicators (outside the 100). */
  dimensionKey: string | null
  code: string
  name: string
  method: ScoringMethod
  maxPoints: string
  unitTypeRestriction: UnitType | null
  ratingLevels: DraftRatingLevel[]
  target: string | null
  targetUnit: string | null
  defaultDeduction: string | null
  evaluationStandard: string
  scoringGuide: string
  /** Set for the five standardizations: their definition is shared by all categories. */
  sharedIndicatorId: string | null
}

export interface SchemeDraft {
  bonusCap: string
  dimensions: DraftDimension[]
  indicators: DraftIndicator[]
}

let seq = 0
export const newKey = (prefix: string) => `${prefix}-new-${++seq}`

/**
 * The draft in the scoring engine's shape. Arrays keep the draft's order, so a problem's path
 * (`['indicators', 3, 'maxPoints']`) points straight back at the field being edited.
 */
export function toSchemeDefinition(draft: SchemeDraft): SchemeDefinition {
  return {
    bonusCap: draft.bonusCap.trim() === '' ? null : draft.bonusCap.trim(),
    dimensions: draft.dimensions.map((d) => ({
      id: d.key,
      code: d.code,
      name: d.name,
      maxPoints: d.maxPoints.trim(),
    })),
    indicators: draft.indicators.map(
      (i): IndicatorDefinition => ({
        id: i.key,
        code: i.code,
        name: i.name,
        dimensionId: i.dimensionKey,
        method: i.method,
        maxPoints: i.maxPoints.trim(),
        unitTypeRestriction: i.unitTypeRestriction,
        ratingLevels: i.method === 'RATING' ? i.ratingLevels.map((l) => ({ ...l })) : null,
        target: i.method === 'QUANTITY' ? (i.target?.trim() || null) : null,
      }),
    ),
  }
}

export function cloneDraft(draft: SchemeDraft): SchemeDraft {
  return {
    bonusCap: draft.bonusCap,
    dimensions: draft.dimensions.map((d) => ({ ...d })),
    indicators: draft.indicators.map((i) => ({
      ...i,
      ratingLevels: i.ratingLevels.map((l) => ({ ...l })),
    })),
  }
}

export function newDimension(draft: SchemeDraft): DraftDimension {
  return {
    key: newKey('dim'),
    id: null,
    code: `D${draft.dimensions.length + 1}`,
    name: '',
    maxPoints: '0.00',
  }
}

export function newIndicator(draft: SchemeDraft, dimensionKey: string | null): DraftIndicator {
  const bonus = dimensionKey === null
  return {
    key: newKey('ind'),
    id: null,
    dimensionKey,
    code: `${bonus ? 'B' : 'I'}${draft.indicators.length + 1}`,
    name: '',
    method: bonus ? 'BONUS' : 'DEDUCTION',
    maxPoints: '0.00',
    unitTypeRestriction: null,
    ratingLevels: [],
    target: null,
    targetUnit: null,
    defaultDeduction: null,
    evaluationStandard: '',
    scoringGuide: '',
    sharedIndicatorId: null,
  }
}

/** Indicators of one dimension (or the bonus indicators) with their index in the flat list. */
export function indicatorsOf(draft: SchemeDraft, dimensionKey: string | null) {
  return draft.indicators
    .map((indicator, index) => ({ indicator, index }))
    .filter(({ indicator }) => indicator.dimensionKey === dimensionKey)
}
