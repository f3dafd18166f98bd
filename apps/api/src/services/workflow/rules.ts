import type { RuleSet as DbRuleSet } from '@redblue/db'
import { DEFAULT_RULE_SET, type ChinaDateString, type RuleSet } from '@redblue/scoring'
import type { Tx } from './types'

/** The year's rule set (R4, R5, R8, R10) in the engine's shape; the source's defaults if none. */
export async function rulesFor(
  tx: Tx,
  year: number,
): Promise<{ rules: RuleSet; row: DbRuleSet | null }> {
  const row = await tx.ruleSet.findUnique({ where: { year } })
  if (!row) return { rules: DEFAULT_RULE_SET, row: null }
  return {
    row,
    rules: {
      redCategories: row.redCategories,
      blueLastCategories: row.blueLastCategories,
      baseThresholdCategories: row.baseThresholdCategories,
      baseThreshold: row.baseThreshold,
      redPoints: row.redPoints,
      bluePoints: row.bluePoints,
      thresholdPoints: row.thresholdPoints,
      quarterlyWeight: row.quarterlyWeight,
      warningDays: row.warningDays,
      rectificationDays: row.rectificationDays,
    },
  }
}

/**
 * `@db.Date` columns hold a China calendar day. Prisma reads and writes them as UTC midnight of
 * that day, so the conversion is plain string slicing, independent of the server's time zone.
 */
export function toDbDate(day: ChinaDateString): Date {
  return new Date(`${day}T00:00:00.000Z`)
}

export function fromDbDate(date: Date): ChinaDateString {
  return date.toISOString().slice(0, 10)
}
