/**
 * Which stored rule set a year uses: its own if saved, else the latest earlier year's (a new year
 * carries last year's rules forward until an admin saves its own), else none — the engine's
 * DEFAULT_RULE_SET. The API, its exports and the SPA all resolve a year through this one function
 * so that a year never answers with one rule set in one place and another elsewhere.
 */
export function ruleSetYearFor(storedYears: Iterable<number>, year: number): number | null {
  let best: number | null = null
  for (const stored of storedYears) {
    if (stored <= year && (best === null || stored > best)) best = stored
  }
  return best
}

/**
 * A per-year value (e.g. warning days) under the same inheritance: the value of the rule set that
 * `ruleSetYearFor` picks, else `fallback`.
 */
export function ruleValueFor<T>(byStoredYear: ReadonlyMap<number, T>, year: number, fallback: T): T {
  const source = ruleSetYearFor(byStoredYear.keys(), year)
  return source === null ? fallback : (byStoredYear.get(source) as T)
}
