/**
 * Scores travel as exact two-decimal strings; a chart only draws them, so a float is fine here
 * (every comparison that matters happened in the engine). A missing value stays a gap.
 */
export function chartNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

/** Tooltip text of a plotted score: two decimals, a dash for a gap. */
export function formatScore(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : '—'
}
