import { Prisma, type Role } from '@redblue/db'
import { FINDINGS_VISIBLE_ROUND_STATUSES } from '@redblue/scoring'
import type { AuthUser, Context, Db } from './context'
import { AuthenticationError, ForbiddenError } from './errors'
import { assertNotOwnOrg } from './services/workflow/conflict-of-interest'

/**
 * Who sees what (R12 in docs/domain.md), stated once. The resolvers' checks, the services' checks,
 * the Prisma `where` fragments and the analytics' SQL fragments below are all derived from the
 * `REACH` table, so a change of rule is a change of one row.
 *
 * Scope is applied inside the queries (never by hiding rows afterwards): rows outside it would
 * otherwise still leak through counts, relations and timing. Published totals, ranks and red/blue
 * marks, the board and whole-category averages are public to every signed-in user and do not go
 * through this module.
 */

/** The signed-in user, reduced to what the rules look at. */
export interface Actor {
  userId: number
  role: Role
  /** BRANCH: the org they belong to; INSPECTOR: their home org (conflict of interest, R6). */
  orgId: number | null
  /** Client address, recorded in the audit log when known. */
  ip?: string | null
}

/**
 * How far a role reaches into an org's non-public data (scores, findings, rectifications ...):
 * - `all`: every org.
 * - `assigned`: orgs assigned to a team the user is on. Data of one round (scores, findings,
 *   feedback forms, analytics figures) only for the rounds the org was assigned in; an org's
 *   history across rounds (rectifications, interviews, the org itself) for any round it was
 *   assigned in, because an inspector verifies the items the previous rounds left open (look-back).
 * - `own`: the user's own org; its round data once findings are shown (from RECONCILING on).
 */
export type Reach = 'all' | 'assigned' | 'own'

/** What each role may do. `inspect`: score, record findings and verify rectifications. */
export const REACH: Record<
  Role,
  { read: Reach; inspect: 'all' | 'assigned' | 'none'; admin: boolean }
> = {
  ADMIN: { read: 'all', inspect: 'all', admin: true },
  LEADER: { read: 'all', inspect: 'none', admin: false },
  INSPECTOR: { read: 'assigned', inspect: 'assigned', admin: false },
  BRANCH: { read: 'own', inspect: 'none', admin: false },
}

/** Rounds from which a BRANCH user may see its own findings and scores. */
export const RESULTS_VISIBLE = FINDINGS_VISIBLE_ROUND_STATUSES

/** The signed-in user of a request (refused when there is none). */
export function actorOf(ctx: Pick<Context, 'user'> & { ip?: string }): Actor {
  if (!ctx.user) throw new AuthenticationError()
  return fromSession(ctx.user, ctx.ip)
}

/** The actor of a session's user (routes outside GraphQL hold the session's user directly). */
export function fromSession(
  user: Pick<AuthUser, 'id' | 'role' | 'orgId'>,
  ip?: string | null,
): Actor {
  return {
    userId: user.id,
    role: user.role,
    orgId: user.orgId,
    ...(ip === undefined ? {} : { ip }),
  }
}

/** May the actor read every org's non-public data? */
export function seesAll(actor: Pick<Actor, 'role'>): boolean {
  return REACH[actor.role].read === 'all'
}

/** The rule itself, on plain facts: the base of every fragment below and of its table test. */
export function mayRead(
  actor: Actor,
  target: {
    orgId: number
    /** Round data (scores, findings ...): its round; org history (rectifications ...): null. */
    round: { id: number; status: string } | null
  },
  /** The (round, org) pairs assigned to the actor's teams. */
  assigned: readonly { roundId: number; orgId: number }[],
): boolean {
  switch (REACH[actor.role].read) {
    case 'all':
      return true
    case 'own':
      return (
        actor.orgId === target.orgId &&
        (target.round === null ||
          (RESULTS_VISIBLE as readonly string[]).includes(target.round.status))
      )
    case 'assigned':
      return assigned.some(
        (a) => a.orgId === target.orgId && (target.round === null || a.roundId === target.round.id),
      )
  }
}

/** May the actor write inspection data (scores, findings, verification) for (round, org)? */
export function mayInspect(
  actor: Actor,
  target: { roundId: number; orgId: number },
  assigned: readonly { roundId: number; orgId: number }[],
): boolean {
  switch (REACH[actor.role].inspect) {
    case 'all':
      return true
    case 'none':
      return false
    case 'assigned':
      return assigned.some((a) => a.roundId === target.roundId && a.orgId === target.orgId)
  }
}

// ---- Prisma fragments (workflow services and resolvers) ----

/**
 * The actor with the facts the fragments need: for an INSPECTOR the (round, org) pairs assigned
 * to their teams (a handful), loaded once per request. Prisma cannot correlate a row's round with
 * the assignment's round inside a relation filter, so the pairs become an OR.
 */
export interface Scope {
  actor: Actor
  /** INSPECTOR only: (roundId, orgId) pairs assigned to the inspector's teams. */
  pairs: { roundId: number; orgId: number }[]
}

const NOTHING = { id: -1 } as const

const memberOf = (actor: Actor) => ({ members: { some: { userId: actor.userId } } })

export async function loadScope(db: Db, actor: Actor): Promise<Scope> {
  if (REACH[actor.role].read !== 'assigned') return { actor, pairs: [] }
  const assignments = await db.teamAssignment.findMany({
    where: { team: memberOf(actor) },
    select: { roundId: true, orgId: true },
  })
  return { actor, pairs: assignments }
}

function ownOrg(actor: Actor): number {
  // A BRANCH user without an org sees nothing rather than everything.
  return actor.orgId ?? -1
}

/** `where` for rows of one round and one org (assessments, findings, feedback forms). */
function roundDataWhere(scope: Scope) {
  switch (REACH[scope.actor.role].read) {
    case 'all':
      return {}
    case 'assigned':
      return scope.pairs.length
        ? { OR: scope.pairs.map((p) => ({ roundId: p.roundId, orgId: p.orgId })) }
        : NOTHING
    case 'own':
      return { orgId: ownOrg(scope.actor), round: { status: { in: RESULTS_VISIBLE } } }
  }
}

/** `where` for an org's history across rounds (rectifications, interviews). */
function orgHistoryWhere(scope: Scope) {
  switch (REACH[scope.actor.role].read) {
    case 'all':
      return {}
    case 'assigned': {
      const orgIds = [...new Set(scope.pairs.map((p) => p.orgId))]
      return orgIds.length ? { orgId: { in: orgIds } } : NOTHING
    }
    case 'own':
      return { orgId: ownOrg(scope.actor) }
  }
}

export function assessmentWhere(scope: Scope): Prisma.AssessmentWhereInput {
  return roundDataWhere(scope)
}

export function findingWhere(scope: Scope): Prisma.FindingWhereInput {
  return roundDataWhere(scope)
}

export function feedbackFormWhere(scope: Scope): Prisma.FeedbackFormWhereInput {
  return roundDataWhere(scope)
}

export function rectificationWhere(scope: Scope): Prisma.RectificationWhereInput {
  return orgHistoryWhere(scope)
}

export function interviewWhere(scope: Scope): Prisma.InterviewWhereInput {
  return orgHistoryWhere(scope)
}

/** Evidence is visible to whoever may see the finding or the rectification it belongs to. */
export function evidenceWhere(scope: Scope): Prisma.EvidenceFileWhereInput {
  if (seesAll(scope.actor)) return {}
  return {
    OR: [
      { finding: findingWhere(scope) },
      { rectificationEvent: { rectification: rectificationWhere(scope) } },
    ],
  }
}

/** `where` on Organization: the orgs whose history the signed-in user may read. */
export function orgScopeWhere(ctx: Pick<Context, 'user'>): Prisma.OrganizationWhereInput {
  const actor = actorOf(ctx)
  switch (REACH[actor.role].read) {
    case 'all':
      return {}
    case 'assigned':
      return { teamAssignments: { some: { team: memberOf(actor) } } }
    case 'own':
      return { id: ownOrg(actor) }
  }
}

/** `where` fragment for models with an `orgId` + `org` relation, scoped like `orgScopeWhere`. */
export function orgScopedWhere(ctx: Pick<Context, 'user'>): {
  orgId?: number
  org?: Prisma.OrganizationWhereInput
} {
  const actor = actorOf(ctx)
  switch (REACH[actor.role].read) {
    case 'all':
      return {}
    case 'own':
      return { orgId: ownOrg(actor) }
    case 'assigned':
      return { org: orgScopeWhere(ctx) }
  }
}

/** `where` on Organization: the orgs assigned to the user's teams in one round. */
export function inspectorRoundWhere(
  user: Pick<AuthUser, 'id'>,
  roundId: number,
): Prisma.OrganizationWhereInput {
  return {
    teamAssignments: { some: { roundId, team: { members: { some: { userId: user.id } } } } },
  }
}

// ---- SQL fragments (analytics) ----

/**
 * A boolean SQL expression: may the actor read the non-public data of org `orgColumn` in round
 * `roundColumn`? Analytics read published rounds only, so the BRANCH status condition of
 * `mayRead` always holds there and is left out. Column arguments are trusted identifiers written
 * in this code base, never input.
 */
export function visibleSql(actor: Actor, orgColumn: string, roundColumn: string): Prisma.Sql {
  switch (REACH[actor.role].read) {
    case 'all':
      return Prisma.sql`TRUE`
    case 'own':
      return Prisma.sql`${Prisma.raw(orgColumn)} = ${ownOrg(actor)}`
    case 'assigned':
      return Prisma.sql`EXISTS (
        SELECT 1 FROM "TeamAssignment" ta
        JOIN "TeamMember" tm ON tm."teamId" = ta."teamId"
        WHERE tm."userId" = ${actor.userId}
          AND ta."orgId" = ${Prisma.raw(orgColumn)}
          AND ta."roundId" = ${Prisma.raw(roundColumn)})`
  }
}

// ---- Checks (throw when the rule says no) ----

export function requireAdmin(actor: Actor): void {
  if (!REACH[actor.role].admin) throw new ForbiddenError('仅党建部管理员可以执行此操作')
}

export async function isAssignedInspector(
  db: Db,
  actor: Actor,
  roundId: number,
  orgId: number,
): Promise<boolean> {
  if (REACH[actor.role].inspect !== 'assigned') return false
  const hit = await db.teamAssignment.findFirst({
    where: { roundId, orgId, team: memberOf(actor) },
    select: { id: true },
  })
  return hit !== null
}

/** An inspector writes only for orgs assigned to their team in that round, never their own org. */
export async function assertCanInspect(
  db: Db,
  actor: Actor,
  roundId: number,
  orgId: number,
): Promise<void> {
  if (REACH[actor.role].inspect === 'all') return
  if (await isAssignedInspector(db, actor, roundId, orgId)) {
    await assertNotOwnOrg(db, actor, roundId, orgId)
    return
  }
  throw new ForbiddenError('该党组织未分配给您所在的检查组')
}

/** A branch acts (reconciliation, rectification) only for its own org. */
export function assertOwnOrg(actor: Actor, orgId: number): void {
  if (REACH[actor.role].read !== 'own' || actor.orgId !== orgId) {
    throw new ForbiddenError('只能处理本党组织的事项')
  }
}
