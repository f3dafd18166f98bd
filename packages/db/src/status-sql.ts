import { PUBLISHED_ROUND_STATUSES, STANDING_FINDING_STATUSES } from '@redblue/scoring'
import { Prisma } from './generated/prisma/client'

/**
 * The engine's status sets (`@redblue/scoring`, statuses.ts) as SQL lists, for raw statements:
 * `r."status" IN ${PUBLISHED_ROUNDS_SQL}`. Constant text, not bind parameters, so each statement
 * keeps one text (prepared once).
 */
export function sqlList(values: readonly string[]): Prisma.Sql {
  return Prisma.raw(`(${values.map((v) => `'${v}'`).join(', ')})`)
}

/** Rounds whose results are frozen. */
export const PUBLISHED_ROUNDS_SQL = sqlList(PUBLISHED_ROUND_STATUSES)

/** Findings that stand after reconciliation. */
export const STANDING_FINDINGS_SQL = sqlList(STANDING_FINDING_STATUSES)
