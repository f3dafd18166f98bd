import Decimal from 'decimal.js'
import type { OrgCategory } from '@/generated/graphql'

export interface AnnualOrg {
  id: number
  name: string
  sortOrder: number
  category: OrgCategory | null
}
export interface AnnualResultLike {
  orgId: number
  quarterlyMean: string
  quarterlyComponent: string
  componentsTotal: string
  total: string
  /** How many quarters the computed result counted (the API's roll-up says; absent in old data). */
  quarterCount?: number
}
export interface ComponentScoreLike {
  orgId: number
  code: string
  points: string
  version: number
}
/** One published quarter: the org ids with a frozen total, and that total. */
export interface QuarterTotals {
  quarter: number
  totals: ReadonlyMap<number, string>
}

export interface AnnualRow {
  orgId: number
  orgName: string
  category: OrgCategory | null
  /** Per published quarter of the year: the org's total, or null when that quarter did not count. */
  quarters: Record<number, string | null>
  counted: number
  components: Record<string, { points: string | null; version: number | null }>
  result: AnnualResultLike | null
}

/**
 * The roll-up's table: every assessed org of the year, by category then tree order, with the
 * quarters that count (a published total in the area), the entered components and the computed
 * result. Orgs without a category this year are kept last: they have no quarters to count.
 */
export function annualRows(
  orgs: readonly AnnualOrg[],
  componentCodes: readonly string[],
  scores: readonly ComponentScoreLike[],
  results: readonly AnnualResultLike[],
  quarters: readonly QuarterTotals[],
): AnnualRow[] {
  const order: Record<string, number> = { I: 0, II: 1, III: 2 }
  return [...orgs]
    .sort((a, b) => (order[a.category ?? ''] ?? 9) - (order[b.category ?? ''] ?? 9) || a.sortOrder - b.sortOrder)
    .map((org) => {
      const q: Record<number, string | null> = {}
      let counted = 0
      for (const quarter of quarters) {
        const total = quarter.totals.get(org.id) ?? null
        q[quarter.quarter] = total
        if (total !== null) counted += 1
      }
      const components: AnnualRow['components'] = {}
      for (const code of componentCodes) {
        const score = scores.find((s) => s.orgId === org.id && s.code === code)
        components[code] = { points: score?.points ?? null, version: score?.version ?? null }
      }
      const result = results.find((r) => r.orgId === org.id) ?? null
      return {
        orgId: org.id,
        orgName: org.name,
        category: org.category,
        quarters: q,
        // Once computed, the count is the roll-up's own: the quarters its mean really took.
        counted: result?.quarterCount ?? counted,
        components,
        result,
      }
    })
}

export type PointsProblem = 'required' | 'number' | 'negative' | 'places' | 'tooLarge'

/** The API's rule for a component's points (0–9999, two decimals), checked before sending. */
export function pointsProblem(value: string): PointsProblem | null {
  const text = value.trim()
  if (text === '') return 'required'
  if (!/^-?\d+(\.\d+)?$/.test(text)) return 'number'
  const points = new Decimal(text)
  if (points.isNegative()) return 'negative'
  if (points.decimalPlaces() > 2) return 'places'
  if (points.greaterThan(9999)) return 'tooLarge'
  return null
}

/** Points as the product shows every score: two decimals ("85.5" → "85.50"). */
export function pointsText(points: string): string {
  return new Decimal(points).toFixed(2)
}

/** The weight as a share ("0.30" → "30%"). */
export function percent(weight: string): string {
  return `${new Decimal(weight).times(100).toDecimalPlaces(2).toString()}%`
}
