import { Decimal } from '@redblue/db'
import { toFixed2, type DecimalInput, type ScoreString } from '@redblue/scoring'

/**
 * Aggregates come out of SQL as exact sums and counts (Postgres numeric → Prisma Decimal); these
 * turn them into the two-decimal strings the API serves, with the engine's half-up rounding
 * (`toFixed2`). Nothing here passes through a binary float.
 */

export function fixed2(value: DecimalInput): ScoreString
export function fixed2(value: DecimalInput | null | undefined): ScoreString | null
export function fixed2(value: DecimalInput | null | undefined): ScoreString | null {
  return value === null || value === undefined ? null : toFixed2(value)
}

/**
 * Mean of `count` values whose exact sum is `sum`, rounded half-up to two decimals: the same
 * figure as the engine's `meanScore` over the values themselves (asserted in the tests), without
 * shipping every value out of the database.
 */
export function meanOf(sum: DecimalInput | null, count: number): ScoreString | null {
  if (sum === null || count === 0) return null
  return toFixed2(new Decimal(toFixed2Exact(sum)).div(count))
}

/** part / whole as a percent with two decimals (the engine's closeOutRate figure); null for 0/0. */
export function percentOf(part: number, whole: number): ScoreString | null {
  if (whole === 0) return null
  return toFixed2(new Decimal(part).times(100).div(whole))
}

/** A DecimalInput as plain decimal text, without rounding. */
function toFixed2Exact(value: DecimalInput): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return value.toFixed()
}

/** SQL count(*) is bigint; the queries cast to int, but be lenient with drivers. */
export function int(value: number | bigint | string | null | undefined): number {
  if (value === null || value === undefined) return 0
  return typeof value === 'number' ? value : Number(value)
}
