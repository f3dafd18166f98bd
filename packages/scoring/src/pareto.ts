import { D, decimalToFixed2 } from './decimal'
import type { ScoreString } from './types'

/**
 * Problem categories most frequent first with each one's share of all findings and the running
 * share down the list (the 80/20 line of a Pareto chart). Categories without findings are left
 * out; ties keep the input order, so the caller's order (e.g. the categories' sort order) decides.
 * Shares are exact percents rounded half-up to two decimals; the last running share is "100.00".
 */
export function paretoShares<T extends { count: number }>(
  categories: readonly T[],
): (T & { share: ScoreString; cumulativeShare: ScoreString })[] {
  const rows = categories
    .filter((c) => c.count > 0)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.count - a.c.count || a.i - b.i)
    .map(({ c }) => c)
  const total = rows.reduce((sum, c) => sum + c.count, 0)
  const percent = (part: number) => decimalToFixed2(new D(part).times(100).div(total))
  let running = 0
  return rows.map((c) => {
    running += c.count
    return { ...c, share: percent(c.count), cumulativeShare: percent(running) }
  })
}
