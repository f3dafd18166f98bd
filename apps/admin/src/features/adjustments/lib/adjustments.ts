import Decimal from 'decimal.js'
import type { AdjustmentReason } from '@/generated/graphql'

export interface AdjustmentLike {
  month: string
  reason: AdjustmentReason
  points: string
}

/** The months that have adjustments, newest first (YYYY-MM, China time as the API stores them). */
export function monthsOf(rows: readonly { month: string }[]): string[] {
  return [...new Set(rows.map((r) => r.month))].sort().reverse()
}

/** A month picker's value is YYYY-MM or nothing; anything else is not sent. */
export function validMonth(value: string | null | undefined): string | null {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null
}

export interface AdjustmentTotals {
  count: number
  added: string
  deducted: string
  net: string
}

/** Sums exactly (decimal strings, two places): what payroll will see in the export. */
export function adjustmentTotals(rows: readonly AdjustmentLike[]): AdjustmentTotals {
  let added = new Decimal(0)
  let deducted = new Decimal(0)
  for (const row of rows) {
    const points = new Decimal(row.points)
    if (points.isNegative()) deducted = deducted.plus(points)
    else added = added.plus(points)
  }
  return {
    count: rows.length,
    added: added.toFixed(2),
    deducted: deducted.toFixed(2),
    net: added.plus(deducted).toFixed(2),
  }
}

/** Points as payroll writes them: a sign on every non-zero figure. */
export function signedPoints(points: string): string {
  const value = new Decimal(points)
  return value.isPositive() && !value.isZero() ? `+${value.toFixed(2)}` : value.toFixed(2)
}
