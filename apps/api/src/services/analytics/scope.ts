import { Prisma, PUBLISHED_ROUNDS_SQL, STANDING_FINDINGS_SQL, type OrgCategory } from '@redblue/db'

/**
 * SQL pieces the analytics statements share. Who may see which org's figures (R12) is not here:
 * `visibleSql` in src/access.ts derives it from the one statement of the rules.
 */

/** Rounds whose results are frozen; analytics read only these. */
export const PUBLISHED_STATUSES = PUBLISHED_ROUNDS_SQL

/** Findings that stand after reconciliation (the ones that cost points and open rectifications). */
export const STANDING_FINDINGS = STANDING_FINDINGS_SQL

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
