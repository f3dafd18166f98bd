import { Prisma, type OrgCategory } from '@redblue/db'
import { PUBLISHED_ROUND_STATUSES, STANDING_FINDING_STATUSES } from '@redblue/scoring'

/**
 * SQL pieces the analytics statements share. Who may see which org's figures (R12) is not here:
 * `visibleSql` in src/access.ts derives it from the one statement of the rules.
 */

/** Rounds whose results are frozen; analytics read only these. */
export const PUBLISHED_STATUSES = sqlList(PUBLISHED_ROUND_STATUSES)

/** Findings that stand after reconciliation (the ones that cost points and open rectifications). */
export const STANDING_FINDINGS = sqlList(STANDING_FINDING_STATUSES)

/** Constant text, not bind parameters: the statements stay the same text (prepared once). */
function sqlList(values: readonly string[]): Prisma.Sql {
  return Prisma.raw(`(${values.map((v) => `'${v}'`).join(', ')})`)
}

/** Joins the Assessment of a finding or item only when a category filter needs it. */
export function categoryFilterSql(
  category: OrgCategory | null | undefined,
  join: { alias: string; on: Prisma.Sql },
): { join: Prisma.Sql; where: Prisma.Sql } {
  if (!category) return { join: Prisma.empty, where: Prisma.sql`TRUE` }
  return {
    join: Prisma.sql`JOIN "Assessment" ${Prisma.raw(join.alias)} ON ${join.on}`,
    where: Prisma.sql`${Prisma.raw(join.alias)}."category" = ${category}::"OrgCategory"`,
  }
}
