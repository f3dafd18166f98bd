import { compareScores, exactCents } from './decimal'

/**
 * R3: sorts by total, descending, and gives standard competition ranks: equal totals share a rank and
 * the next rank skips (1, 1, 3). Totals are compared exactly, so 97.99 ranks below 98.00 and "98.0"
 * ties with "98.00". `secondary` only orders entries that share a total (e.g. by org sort order);
 * it never changes a rank. Without it, tied entries keep their input order. Call it once per
 * (round, area, category); the input array is not modified.
 */
export function rankEntries<T extends { total: string }>(
  entries: readonly T[],
  secondary?: (a: T, b: T) => number,
): (T & { rank: number })[] {
  const keyed = entries.map((entry) => ({ entry, cents: exactCents(entry.total) }))
  const allExact = keyed.every((k) => k.cents !== null)
  keyed.sort((a, b) => {
    // Integer hundredths compare exactly; totals with more decimals fall back to decimal.js.
    const byTotal =
      allExact && a.cents !== null && b.cents !== null
        ? b.cents - a.cents
        : compareScores(b.entry.total, a.entry.total)
    if (byTotal !== 0) return byTotal
    return secondary ? secondary(a.entry, b.entry) : 0
  })
  const ranked: (T & { rank: number })[] = []
  let rank = 0
  let previous: (typeof keyed)[number] | undefined
  for (const [i, current] of keyed.entries()) {
    const tied =
      previous !== undefined &&
      (allExact
        ? previous.cents === current.cents
        : compareScores(previous.entry.total, current.entry.total) === 0)
    if (!tied) rank = i + 1
    ranked.push({ ...current.entry, rank })
    previous = current
  }
  return ranked
}
