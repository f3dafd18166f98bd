import type { Prisma } from '@redblue/db'
import type { AuthUser, Context, Db } from './context'
import { AuthenticationError, ForbiddenError } from './errors'

/**
 * Org scope (R12), applied inside Prisma `where` clauses so rows outside a user's scope are never
 * loaded — hiding them in resolvers would still leak through counts, relations and timing.
 *
 * - ADMIN, LEADER: every org.
 * - INSPECTOR: orgs assigned to a team they are a member of (in any round for reads; writes must
 *   also pass `assertInspectorAssigned` for the round in question).
 * - BRANCH: their own org only.
 * Public data (published rankings, the board) does not go through these helpers.
 */

export function requireUser(ctx: Pick<Context, 'user'>): AuthUser {
  if (!ctx.user) throw new AuthenticationError()
  return ctx.user
}

export function canReadAllOrgs(user: AuthUser): boolean {
  return user.role === 'ADMIN' || user.role === 'LEADER'
}

/** `where` on Organization restricting to the orgs whose non-public data the user may read. */
export function orgScopeWhere(ctx: Pick<Context, 'user'>): Prisma.OrganizationWhereInput {
  const user = requireUser(ctx)
  switch (user.role) {
    case 'ADMIN':
    case 'LEADER':
      return {}
    case 'INSPECTOR':
      return { teamAssignments: { some: { team: { members: { some: { userId: user.id } } } } } }
    case 'BRANCH':
      // A BRANCH user without an org sees nothing rather than everything.
      return { id: user.orgId ?? -1 }
  }
}

/**
 * `where` fragment for models with an `orgId` + `org` relation (findings, assessments,
 * rectifications, interviews ...): spread it into the model's where, e.g.
 * `prisma.finding.findMany({ where: { roundId, ...orgScopedWhere(ctx) } })`.
 */
export function orgScopedWhere(ctx: Pick<Context, 'user'>): {
  orgId?: number
  org?: Prisma.OrganizationWhereInput
} {
  const user = requireUser(ctx)
  if (canReadAllOrgs(user)) return {}
  if (user.role === 'BRANCH') return { orgId: user.orgId ?? -1 }
  return { org: orgScopeWhere(ctx) }
}

/**
 * Round-specific inspector scope: a `where` fragment (for models with roundId and orgId) that
 * keeps only rows of orgs assigned to the user's team in the same round. Needs the round id
 * because Prisma cannot correlate two columns of the outer row inside a relation filter.
 */
export function inspectorRoundWhere(
  user: AuthUser,
  roundId: number,
): Prisma.OrganizationWhereInput {
  return {
    teamAssignments: { some: { roundId, team: { members: { some: { userId: user.id } } } } },
  }
}

/** Throws unless the user may read the given org's non-public data. */
export async function assertOrgReadable(
  ctx: Pick<Context, 'user'>,
  db: Db,
  orgId: number,
): Promise<void> {
  const user = requireUser(ctx)
  if (canReadAllOrgs(user)) return
  if (user.role === 'BRANCH') {
    if (user.orgId === orgId) return
    throw new ForbiddenError('只能查看本单位的数据')
  }
  const visible = await db.organization.count({ where: { id: orgId, ...orgScopeWhere(ctx) } })
  if (!visible) throw new ForbiddenError('该党组织未分配给您所在的检查组')
}

/**
 * Throws unless the user may write inspection data for (round, org): admins always; inspectors
 * only when a team they belong to is assigned to that org in that round.
 */
export async function assertInspectorAssigned(
  ctx: Pick<Context, 'user'>,
  db: Db,
  args: { roundId: number; orgId: number },
): Promise<void> {
  const user = requireUser(ctx)
  if (user.role === 'ADMIN') return
  if (user.role !== 'INSPECTOR') throw new ForbiddenError()
  const assigned = await db.teamAssignment.count({
    where: {
      roundId: args.roundId,
      orgId: args.orgId,
      team: { members: { some: { userId: user.id } } },
    },
  })
  if (!assigned) throw new ForbiddenError('该党组织未分配给您所在的检查组')
}

/** Throws unless a BRANCH user belongs to the org (admins pass; others are refused). */
export function assertOwnOrg(ctx: Pick<Context, 'user'>, orgId: number): void {
  const user = requireUser(ctx)
  if (user.role === 'ADMIN') return
  if (user.role === 'BRANCH' && user.orgId === orgId) return
  throw new ForbiddenError('只能操作本单位的数据')
}
