import type { Decimal } from 'decimal.js'
import { D, decimalToFixed2, meanScore, toDecimal, toFixed2 } from './decimal'
import type { DecimalInput, Id, OrgCategory, ScoreString } from './types'

/**
 * Series for the dashboards' trend charts. Every series is aligned with the `roundIds` passed in
 * (oldest first, typically from lastRounds), so a chart can use them directly as its x axis; rows of
 * other rounds are ignored.
 */

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

const CATEGORY_ORDER: readonly OrgCategory[] = ['I', 'II', 'III']

function roundPositions(roundIds: readonly Id[]): Map<Id, number> {
  const positions = new Map<Id, number>()
  roundIds.forEach((id, i) => positions.set(id, i))
  return positions
}

/** The last n rounds in chronological order (by year, then quarter), whatever the input order. */
export function lastRounds<R extends { year: number; quarter: number }>(
  rounds: readonly R[],
  n = 5,
): R[] {
  const sorted = [...rounds].sort((a, b) => a.year - b.year || a.quarter - b.quarter)
  return n <= 0 ? [] : sorted.slice(-n)
}

/** Each org's totals across the rounds, orgs in order of first appearance. */
export function orgSeries(
  rows: readonly { roundId: Id; orgId: Id; total: DecimalInput }[],
  roundIds: readonly Id[],
): OrgSeries[] {
  const positions = roundPositions(roundIds)
  const byOrg = new Map<Id, OrgSeries>()
  for (const row of rows) {
    const position = positions.get(row.roundId)
    if (position === undefined) continue
    let series = byOrg.get(row.orgId)
    if (!series) {
      series = { orgId: row.orgId, values: roundIds.map(() => null) }
      byOrg.set(row.orgId, series)
    }
    series.values[position] = toFixed2(row.total)
  }
  return [...byOrg.values()]
}

/** Mean total per category and round (half-up, two decimals); categories I, II, III that occur. */
export function categoryAverageSeries(
  rows: readonly { roundId: Id; category: OrgCategory; total: DecimalInput }[],
  roundIds: readonly Id[],
): CategoryAverageSeries[] {
  const positions = roundPositions(roundIds)
  const totals = new Map<OrgCategory, DecimalInput[][]>()
  for (const row of rows) {
    const position = positions.get(row.roundId)
    if (position === undefined) continue
    let perRound = totals.get(row.category)
    if (!perRound) {
      perRound = roundIds.map(() => [])
      totals.set(row.category, perRound)
    }
    perRound[position]?.push(row.total)
  }
  return CATEGORY_ORDER.flatMap((category) => {
    const perRound = totals.get(category)
    return perRound ? [{ category, values: perRound.map((xs) => meanScore(xs)) }] : []
  })
}

/** Findings per problem category and round, most frequent categories first (ties by first seen). */
export function findingCountsByCategory(
  findings: readonly { roundId: Id; problemCategoryId: Id }[],
  roundIds: readonly Id[],
): FindingCountSeries[] {
  const positions = roundPositions(roundIds)
  const byCategory = new Map<Id, FindingCountSeries>()
  for (const f of findings) {
    const position = positions.get(f.roundId)
    if (position === undefined) continue
    let series = byCategory.get(f.problemCategoryId)
    if (!series) {
      series = { problemCategoryId: f.problemCategoryId, counts: roundIds.map(() => 0), total: 0 }
      byCategory.set(f.problemCategoryId, series)
    }
    series.counts[position] = (series.counts[position] ?? 0) + 1
    series.total += 1
  }
  return [...byCategory.values()].sort((a, b) => b.total - a.total)
}

/** Share of rectification items closed (销号) per round, as a percent with two decimals. */
export function closeOutRate(
  items: readonly { roundId: Id; closed: boolean }[],
  roundIds: readonly Id[],
): CloseOutRate[] {
  const positions = roundPositions(roundIds)
  const rates: CloseOutRate[] = roundIds.map((roundId) => ({
    roundId,
    total: 0,
    closed: 0,
    rate: null,
  }))
  for (const item of items) {
    const position = positions.get(item.roundId)
    if (position === undefined) continue
    const rate = rates[position]
    if (rate === undefined) continue
    rate.total += 1
    if (item.closed) rate.closed += 1
  }
  for (const rate of rates) {
    if (rate.total > 0) rate.rate = decimalToFixed2(new D(rate.closed).times(100).div(rate.total))
  }
  return rates
}

/** Mean points and mean lost points per dimension over the given dimension scores. */
export function dimensionAverages(
  rows: readonly { dimensionId: Id; points: DecimalInput; lost: DecimalInput }[],
): DimensionAverage[] {
  const sums = new Map<Id, { count: number; points: Decimal; lost: Decimal }>()
  for (const row of rows) {
    let sum = sums.get(row.dimensionId)
    if (!sum) {
      sum = { count: 0, points: new D(0), lost: new D(0) }
      sums.set(row.dimensionId, sum)
    }
    sum.count += 1
    sum.points = sum.points.plus(toDecimal(row.points))
    sum.lost = sum.lost.plus(toDecimal(row.lost))
  }
  return [...sums].map(([dimensionId, sum]) => ({
    dimensionId,
    count: sum.count,
    averagePoints: decimalToFixed2(sum.points.div(sum.count)),
    averageLost: decimalToFixed2(sum.lost.div(sum.count)),
  }))
}
