import { Prisma, type OrgCategory, type Role } from '@redblue/db'
import { PUBLISHED_ROUND_STATUSES, STANDING_FINDING_STATUSES } from '@redblue/scoring'

/**
 * R12 for analytics, as SQL fragments so that every figure is computed set-based inside the one
 * aggregate statement (no per-org checks, no rows loaded only to be dropped):
 *
 * - ADMIN, LEADER: everything.
 * - INSPECTOR: the (round, org) pairs assigned to a team they are on (the workflow's rule too).
 * - BRANCH: their own org.
 *
 * Published totals, ranks and red/blue marks are public to every signed-in user (rankings and the
 * board), as are averages over a whole category; anything else about an org — dimension subtotals,
 * findings, rectifications — goes through `visibleSql`.
 */
export interface Viewer {
  userId: number
  role: Role
  /** BRANCH: their org. */
  orgId: number | null
}

/** Rounds whose results are frozen; analytics read only these. */
export const PUBLISHED_STATUSES = sqlList(PUBLISHED_ROUND_STATUSES)

/** Findings that stand after reconciliation (the ones that cost points and open rectifications). */
export const STANDING_FINDINGS = sqlList(STANDING_FINDING_STATUSES)

/** Constant text, not bind parameters: the statements stay the same text (prepared once). */
function sqlList(values: readonly string[]): Prisma.Sql {
  return Prisma.raw(`(${values.map((v) => `'${v}'`).join(', ')})`)
}

export function seesAll(viewer: Viewer): boolean {
  return viewer.role === 'ADMIN' || viewer.role === 'LEADER'
}

/**
 * A boolean SQL expression: may the viewer read the non-public data of org `orgColumn` in round
 * `roundColumn`? Column arguments are trusted identifiers written in this package, never input.
 */
export function visibleSql(viewer: Viewer, orgColumn: string, roundColumn: string): Prisma.Sql {
  switch (viewer.role) {
    case 'ADMIN':
    case 'LEADER':
      return Prisma.sql`TRUE`
    case 'BRANCH':
      return Prisma.sql`${Prisma.raw(orgColumn)} = ${viewer.orgId ?? -1}`
    case 'INSPECTOR':
      return Prisma.sql`EXISTS (
        SELECT 1 FROM "TeamAssignment" ta
        JOIN "TeamMember" tm ON tm."teamId" = ta."teamId"
        WHERE tm."userId" = ${viewer.userId}
          AND ta."orgId" = ${Prisma.raw(orgColumn)}
          AND ta."roundId" = ${Prisma.raw(roundColumn)})`
  }
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
