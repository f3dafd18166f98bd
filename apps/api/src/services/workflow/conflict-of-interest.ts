import type { RoundStatus } from '@redblue/db'
import { ConflictOfInterestError } from '../../errors'
import type { Tx } from './types'

/**
 * R6 — an inspector never inspects their own org — in one place, for every route that could break
 * it: a user's org changing (updateUser), a member joining a team (addTeamMember), a team being
 * assigned to an org (assignTeam), the round starting, and every inspector write (scores, findings,
 * feedback forms, evidence, look-back verification, through assertCanInspect). Each check reads the
 * database as it is now, so whatever order the changes came in, the one that would create the
 * conflict is refused, and one that slipped in anyway is caught at start and at save.
 */

/** Rounds in which a team still inspects: assignments there must stay free of conflicts. */
const LIVE: RoundStatus[] = ['PLANNING', 'INSPECTING', 'RECONCILING']

interface Clash {
  userId: number
  userName: string
  orgId: number
  orgName: string
  roundId: number
  roundName: string
}

/**
 * Every (member, assigned org) pair in live rounds where the member's home org is the assigned org,
 * narrowed by the arguments. `homeOrgOf` overrides a user's home org (the change being checked).
 */
async function findClashes(
  tx: Tx,
  where: { roundId?: number; teamId?: number; userId?: number; orgId?: number },
  homeOrgOf?: { userId: number; orgId: number | null },
): Promise<Clash[]> {
  const assignments = await tx.teamAssignment.findMany({
    where: {
      ...(where.roundId !== undefined ? { roundId: where.roundId } : {}),
      ...(where.teamId !== undefined ? { teamId: where.teamId } : {}),
      ...(where.orgId !== undefined ? { orgId: where.orgId } : {}),
      round: { status: { in: LIVE } },
      ...(where.userId !== undefined ? { team: { members: { some: { userId: where.userId } } } } : {}),
    },
    select: {
      orgId: true,
      org: { select: { name: true } },
      round: { select: { id: true, name: true } },
      team: {
        select: {
          members: {
            select: { user: { select: { id: true, displayName: true, orgId: true } } },
          },
        },
      },
    },
    orderBy: [{ roundId: 'asc' }, { orgId: 'asc' }],
  })
  const clashes: Clash[] = []
  for (const a of assignments) {
    for (const { user } of a.team.members) {
      if (where.userId !== undefined && user.id !== where.userId) continue
      const home = homeOrgOf?.userId === user.id ? homeOrgOf.orgId : user.orgId
      if (home !== a.orgId) continue
      clashes.push({
        userId: user.id,
        userName: user.displayName,
        orgId: a.orgId,
        orgName: a.org.name,
        roundId: a.round.id,
        roundName: a.round.name,
      })
    }
  }
  return clashes
}

function refuse(clashes: Clash[]): void {
  if (clashes[0]) throw new ConflictOfInterestError(clashes[0])
}

/** updateUser: the user's new home org must not be an org their teams inspect in a live round. */
export async function assertUserOrgChange(
  tx: Tx,
  userId: number,
  nextOrgId: number | null,
): Promise<void> {
  if (nextOrgId === null) return
  refuse(await findClashes(tx, { userId, orgId: nextOrgId }, { userId, orgId: nextOrgId }))
}

/** addTeamMember: the newcomer's home org must not be one the team inspects. */
export async function assertMemberJoin(
  tx: Tx,
  team: { id: number; roundId: number; roundName: string },
  user: { id: number; displayName: string; orgId: number | null },
): Promise<void> {
  if (user.orgId === null) return
  const own = await tx.teamAssignment.findFirst({
    where: { teamId: team.id, orgId: user.orgId },
    select: { org: { select: { id: true, name: true } } },
  })
  if (own) {
    throw new ConflictOfInterestError({
      userId: user.id,
      userName: user.displayName,
      orgId: own.org.id,
      orgName: own.org.name,
      roundId: team.roundId,
      roundName: team.roundName,
    })
  }
}

/** assignTeam: no member of the team may come from the org. */
export async function assertAssignment(
  tx: Tx,
  round: { id: number; name: string },
  teamId: number,
  org: { id: number; name: string },
): Promise<void> {
  const member = await tx.teamMember.findFirst({
    where: { teamId, user: { orgId: org.id } },
    select: { user: { select: { id: true, displayName: true } } },
    orderBy: { id: 'asc' },
  })
  if (member) {
    throw new ConflictOfInterestError({
      userId: member.user.id,
      userName: member.user.displayName,
      orgId: org.id,
      orgName: org.name,
      roundId: round.id,
      roundName: round.name,
    })
  }
}

/** Start of a round: no assignment of it may put a member on their own org. */
export async function assertRoundFree(tx: Tx, roundId: number): Promise<void> {
  refuse(await findClashes(tx, { roundId }))
}

/**
 * An inspector's write for (round, org): refused when the org is the inspector's home org. The
 * actor's org is read with the session on every request, so a move made after the assignment is
 * seen at once; no query unless there is a conflict to name.
 */
export async function assertNotOwnOrg(
  tx: Tx,
  actor: { userId: number; role: string; orgId: number | null },
  roundId: number,
  orgId: number,
): Promise<void> {
  if (actor.role !== 'INSPECTOR' || actor.orgId !== orgId) return
  const [user, org, round] = await Promise.all([
    tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } }),
    tx.organization.findUnique({ where: { id: orgId }, select: { name: true } }),
    tx.inspectionRound.findUnique({ where: { id: roundId }, select: { name: true } }),
  ])
  throw new ConflictOfInterestError({
    userId: actor.userId,
    userName: user?.displayName ?? String(actor.userId),
    orgId,
    orgName: org?.name ?? String(orgId),
    roundId,
    roundName: round?.name ?? String(roundId),
  })
}
