import type { Decimal } from 'decimal.js'

/**
 * Public types of the scoring engine. Shapes mirror the Prisma schema (packages/db) but are
 * declared here so the engine stays free of database imports.
 */

/** Database ids are ints, GraphQL ids are strings; compare like with like (=== semantics). */
export type Id = number | string

/** Anything with a plain-notation `toFixed()`: decimal.js / Prisma `Decimal`. */
export interface DecimalLike {
  toFixed(): string
}

/**
 * A decimal amount. Callers should pass strings ("97.50") or Prisma/decimal.js `Decimal`s; numbers
 * are accepted for convenience and read through their shortest decimal form (0.1 → "0.1"), which
 * is exact for literals but not for the result of float arithmetic.
 */
export type DecimalInput = string | number | Decimal | DecimalLike

/** A score rendered with exactly two decimals, e.g. "97.50" or "-1.50". */
export type ScoreString = string

/** 'YYYY-MM-DD', a calendar day in China Standard Time. */
export type ChinaDateString = string

/** 'YYYY-MM', a calendar month in China Standard Time. */
export type ChinaMonthString = string

export type UnitType = 'GRASSROOTS' | 'HEADQUARTERS'
export type OrgCategory = 'I' | 'II' | 'III'
export type ScoringMethod = 'DEDUCTION' | 'RATING' | 'QUANTITY' | 'BONUS'

// ---------------------------------------------------------------------------------------------
// Schemes (R1)

export interface RatingLevelDefinition {
  label: string
  /** Share of the indicator's max earned at this level, 0–100 (e.g. "80" for 较好). */
  percent: DecimalInput
}

export interface DimensionDefinition {
  id: Id
  code: string
  name: string
  maxPoints: DecimalInput
}

export interface IndicatorDefinition {
  id: Id
  code: string
  name: string
  /** null for bonus indicators, which sit outside the 100. */
  dimensionId: Id | null
  method: ScoringMethod
  /** For BONUS this is the indicator's cap. */
  maxPoints: DecimalInput
  unitTypeRestriction?: UnitType | null
  /** RATING only. */
  ratingLevels?: readonly RatingLevelDefinition[] | null
  /** QUANTITY only: the measured value that earns full points. */
  target?: DecimalInput | null
}

export interface SchemeDefinition {
  /** Cap on the sum of all bonus indicators. */
  bonusCap: DecimalInput | null
  dimensions: readonly DimensionDefinition[]
  indicators: readonly IndicatorDefinition[]
}

export type SchemeProblemCode =
  | 'DIMENSION_TOTAL_NOT_100'
  | 'INDICATOR_TOTAL_MISMATCH'
  | 'DUPLICATE_CODE'
  | 'DUPLICATE_ID'
  | 'BONUS_WITHOUT_CAP'
  | 'NON_BONUS_WITHOUT_DIMENSION'
  | 'BONUS_IN_DIMENSION'
  | 'UNKNOWN_DIMENSION'
  | 'RESTRICTED_BASE_INDICATOR'
  | 'RATING_LEVELS_MISSING'
  | 'RATING_PERCENT_OUT_OF_RANGE'
  | 'RATING_LABEL_DUPLICATE'
  | 'QUANTITY_TARGET_MISSING'
  | 'NEGATIVE_MAX'
  | 'TOO_MANY_DECIMALS'
  | 'INVALID_NUMBER'
  | 'SCHEME_BONUS_CAP_MISSING'

export interface SchemeProblem {
  /** Where in the SchemeDefinition, e.g. ['dimensions', 2, 'maxPoints']; [] for the scheme. */
  path: (string | number)[]
  code: SchemeProblemCode
  /** Chinese message for the admin UI. */
  message: string
  /** English message (same params). */
  messageEn: string
  params?: Record<string, string>
}

// ---------------------------------------------------------------------------------------------
// Assessment inputs and scores (R2)

export interface IndicatorInputValue {
  indicatorId: Id
  /** RATING: the chosen level's label. */
  ratingLevel?: string | null
  /** QUANTITY: the measured value. */
  quantityValue?: DecimalInput | null
  /** BONUS: points claimed before the indicator cap. */
  bonusPoints?: DecimalInput | null
}

export interface FindingInput {
  id: Id
  indicatorId: Id
  deduction: DecimalInput
  /** CONFIRMED or UPHELD findings count; PENDING/DISPUTED/WITHDRAWN do not (caller decides). */
  counts: boolean
}

export interface AssessmentInput {
  unitType: UnitType
  inputs: readonly IndicatorInputValue[]
  findings: readonly FindingInput[]
}

/** Why a base indicator did not earn its max. */
export type LossReason = 'FINDINGS' | 'RATING' | 'QUANTITY' | 'NOT_RATED'

export interface IndicatorScore {
  indicatorId: Id
  dimensionId: Id | null
  method: ScoringMethod
  max: ScoreString
  points: ScoreString
  /** max − points for base indicators; "0.00" for BONUS and not-applicable indicators. */
  lost: ScoreString
  /** false when restricted to the other unit type: it scores 0 and its max is excluded. */
  applicable: boolean
  /** null when nothing was lost. */
  reason: LossReason | null
  /** DEDUCTION: the counted findings with a positive deduction. */
  findingIds: Id[]
}

export interface DimensionScore {
  dimensionId: Id
  /** Sum of the applicable indicator maxima (equals the dimension's max in a valid scheme). */
  max: ScoreString
  points: ScoreString
  lost: ScoreString
}

export interface LostPointsEntry {
  indicatorId: Id
  /** null only in a mis-configured scheme (a base indicator without a dimension). */
  dimensionId: Id | null
  lost: ScoreString
  reason: LossReason
  findingIds: Id[]
}

export interface AssessmentScore {
  /** Sum of the applicable base indicators' points, 0–100. */
  base: ScoreString
  /** Sum of the applicable base indicators' maxima: 100 in a valid scheme. */
  baseMax: ScoreString
  /** Sum of the bonus indicators' points, each already capped at its indicator max. */
  bonusRaw: ScoreString
  /** bonusRaw capped by the scheme's bonus cap. */
  bonus: ScoreString
  total: ScoreString
  dimensions: DimensionScore[]
  indicators: IndicatorScore[]
  /** Base indicators that lost points; their `lost` sums to baseMax − base. */
  lostPoints: LostPointsEntry[]
}

// ---------------------------------------------------------------------------------------------
// Lists and adjustments (R3–R5)

export interface RuleSet {
  redCategories: readonly OrgCategory[]
  blueLastCategories: readonly OrgCategory[]
  baseThresholdCategories: readonly OrgCategory[]
  baseThreshold: DecimalInput
  redPoints: DecimalInput
  bluePoints: DecimalInput
  thresholdPoints: DecimalInput
  quarterlyWeight: DecimalInput
  warningDays: number
  rectificationDays: number
}

export interface ListRow {
  orgId: Id
  category: OrgCategory
  base: DecimalInput
  total: DecimalInput
  /** Rank within the category, as from rankEntries. */
  rank: number
}

export type ListMark = 'RED' | 'BLUE'
export type ListReason = 'FIRST_IN_CATEGORY' | 'LAST_IN_CATEGORY' | 'BELOW_THRESHOLD'
export type AdjustmentReason = 'RED_LIST' | 'BLUE_LIST' | 'BELOW_THRESHOLD'

export interface ListMarkEntry {
  orgId: Id
  category: OrgCategory
  mark: ListMark
  reasons: ListReason[]
}

export interface AdjustmentEntry {
  orgId: Id
  category: OrgCategory
  reason: AdjustmentReason
  points: ScoreString
}

export interface ListsResult {
  marks: ListMarkEntry[]
  adjustments: AdjustmentEntry[]
}

// ---------------------------------------------------------------------------------------------
// Rectification (R8)

export type WarningColour = 'GREEN' | 'YELLOW' | 'RED' | 'CLOSED'

export interface RectificationWarningInput {
  deadline: ChinaDateString
  today: ChinaDateString
  closed: boolean
  /** Defaults to 7 (DEFAULT_RULE_SET.warningDays). */
  warningDays?: number
}

export interface RectificationWarning {
  colour: WarningColour
  overdue: boolean
  /** Calendar days from today to the deadline: 0 on the deadline day, negative once past. */
  daysLeft: number
}

// ---------------------------------------------------------------------------------------------
// Annual roll-up (R10)

export interface AnnualComponentInput {
  points: DecimalInput
  weight: DecimalInput
}

/** One published quarter's total of an org in the area the roll-up takes. */
export interface QuarterlyTotal {
  /** 1–4 */
  quarter: number
  total: DecimalInput
}

export interface AnnualRollupInput {
  quarterlyTotals: readonly QuarterlyTotal[]
  quarterlyWeight: DecimalInput
  components: readonly AnnualComponentInput[]
}

export interface AnnualRollup {
  /** The quarters (1–4, ascending, each once) whose totals the mean counted. */
  quarters: number[]
  quarterlyMean: ScoreString
  quarterlyComponent: ScoreString
  componentsTotal: ScoreString
  total: ScoreString
}
