import type { OrgCategory } from '@redblue/scoring'

interface OrgSeries {
  categories: readonly (OrgCategory | null)[]
  totals: readonly (string | null)[]
  ranks: readonly (number | null)[]
  marks: readonly ('RED' | 'BLUE' | null)[]
}

/**
 * The org's latest published result in a trend window: the last round where it has a total, with
 * the category it was ranked in there (its category can change from year to year).
 */
export function latestResult<R extends { id: number }>(rounds: readonly R[], series: OrgSeries | null | undefined) {
  if (!series) return null
  for (let i = rounds.length - 1; i >= 0; i--) {
    const total = series.totals[i]
    const round = rounds[i]
    if (total !== null && total !== undefined && round !== undefined) {
      return {
        round,
        index: i,
        total,
        rank: series.ranks[i] ?? null,
        mark: series.marks[i] ?? null,
        category: series.categories[i] ?? null,
      }
    }
  }
  return null
}
