import type { DecimalInput, Id, OrgCategory, ScoreString } from './types'

export interface RoundRef {
  id: Id
  year: number
  quarter: number
}

export interface OrgSeries {
  orgId: Id
  /** One value per requested round, null where the org has no score. */
  values: (ScoreString | null)[]
}

export interface CategoryAverageSeries {
  category: OrgCategory
  values: (ScoreString | null)[]
}

export interface FindingCountSeries {
  problemCategoryId: Id
  counts: number[]
  total: number
}

export interface CloseOutRate {
  roundId: Id
  total: number
  closed: number
  /** Percent with two decimals ("75.00"); null when the round has no items. */
  rate: ScoreString | null
}

export interface DimensionAverage {
  dimensionId: Id
  count: number
  averagePoints: ScoreString
  averageLost: ScoreString
}

export function lastRounds<R extends { year: number; quarter: number }>(_rounds: readonly R[], _n = 5): R[] {
  throw new Error('not implemented')
}
export function orgSeries(
  _rows: readonly { roundId: Id; orgId: Id; total: DecimalInput }[],
  _roundIds: readonly Id[],
): OrgSeries[] {
  throw new Error('not implemented')
}
export function categoryAverageSeries(
  _rows: readonly { roundId: Id; category: OrgCategory; total: DecimalInput }[],
  _roundIds: readonly Id[],
): CategoryAverageSeries[] {
  throw new Error('not implemented')
}
export function findingCountsByCategory(
  _findings: readonly { roundId: Id; problemCategoryId: Id }[],
  _roundIds: readonly Id[],
): FindingCountSeries[] {
  throw new Error('not implemented')
}
export function closeOutRate(
  _items: readonly { roundId: Id; closed: boolean }[],
  _roundIds: readonly Id[],
): CloseOutRate[] {
  throw new Error('not implemented')
}
export function dimensionAverages(
  _rows: readonly { dimensionId: Id; points: DecimalInput; lost: DecimalInput }[],
): DimensionAverage[] {
  throw new Error('not implemented')
}
