import { Decimal, type Prisma } from '@redblue/db'
import { NotFoundError, ValidationError } from '../../errors'
import { requireAdmin, type Actor } from '../../access'
import { assertNoLookalike } from '../../text'
import { audit } from './audit'
import { assertAssignment, assertMemberJoin } from './conflict-of-interest'
import { assertRoundStatus, getRound } from './round-state'
import type { Tx } from './types'

/** Names are in a unique index, which PostgreSQL limits to about 2.7 kB per entry. */
const TEAM_NAME_MAX = 100

async function getTeam(tx: Tx, teamId: number) {
  const team = await tx.inspectionTeam.findUnique({
    where: { id: teamId },
    include: { round: true },
  })
  if (!team) throw new NotFoundError('InspectionTeam', teamId, '检查组不存在')
  return team
}

function teamNames(tx: Tx, roundId: number) {
  return tx.inspectionTeam.findMany({ where: { roundId }, select: { id: true, name: true } })
}

export async function createTeam(tx: Tx, actor: Actor, input: { roundId: number; name: string }) {
  requireAdmin(actor)
  const round = await getRound(tx, input.roundId)
  assertRoundStatus(round, 'PLANNING', 'INSPECTING')
  const name = input.name.trim()
  if (!name) throw new ValidationError('请填写检查组名称')
  if (name.length > TEAM_NAME_MAX)
    throw new ValidationError(`检查组名称不超过 ${TEAM_NAME_MAX} 个字`)
  // Within a round, a name that only looks like another team's (full-width, case, spacing) is
  // refused as well as an exact duplicate: both would read as one team on every list.
  assertNoLookalike(await teamNames(tx, round.id), { name }, ['name'], undefined, [])
  const team = await tx.inspectionTeam.create({ data: { roundId: round.id, name } })
  await audit(tx, actor, 'team.create', 'InspectionTeam', team.id, null, team)
  return team
}

export async function renameTeam(tx: Tx, actor: Actor, input: { teamId: number; name: string }) {
  requireAdmin(actor)
  const team = await getTeam(tx, input.teamId)
  const name = input.name.trim()
  if (!name) throw new ValidationError('请填写检查组名称')
  if (name.length > TEAM_NAME_MAX)
    throw new ValidationError(`检查组名称不超过 ${TEAM_NAME_MAX} 个字`)
  assertNoLookalike(await teamNames(tx, team.roundId), { name }, ['name'], team.id, [])
  const after = await tx.inspectionTeam.update({ where: { id: team.id }, data: { name } })
  await audit(tx, actor, 'team.rename', 'InspectionTeam', team.id, { name: team.name }, { name })
  return after
}

export async function deleteTeam(tx: Tx, actor: Actor, teamId: number) {
  requireAdmin(actor)
  const team = await getTeam(tx, teamId)
  assertRoundStatus(team.round, 'PLANNING')
  await tx.inspectionTeam.delete({ where: { id: team.id } })
  const { round: _round, ...before } = team
  await audit(tx, actor, 'team.delete', 'InspectionTeam', team.id, before, null)
  return before
}

/** Members are inspectors; one whose home org the team already inspects is refused (R6). */
export async function addTeamMember(
  tx: Tx,
  actor: Actor,
  input: { teamId: number; userId: number; isLeader?: boolean | null },
) {
  requireAdmin(actor)
  const team = await getTeam(tx, input.teamId)
  assertRoundStatus(team.round, 'PLANNING', 'INSPECTING')
  const user = await tx.user.findUnique({ where: { id: input.userId }, include: { org: true } })
  if (!user) throw new NotFoundError('User', input.userId, '用户不存在')
  if (user.role !== 'INSPECTOR') throw new ValidationError(`“${user.displayName}”不是检查员账号`)
  if (!user.active) throw new ValidationError(`“${user.displayName}”的账号已停用`)
  await assertMemberJoin(tx, { id: team.id, roundId: team.roundId, roundName: team.round.name }, user)
  const sameRound = await tx.teamMember.findFirst({
    where: { userId: user.id, team: { roundId: team.roundId } },
    include: { team: true },
  })
  if (sameRound) {
    throw new ValidationError(`“${user.displayName}”已是本轮“${sameRound.team.name}”的成员`)
  }
  const member = await tx.teamMember.create({
    data: { teamId: team.id, userId: user.id, isLeader: input.isLeader ?? false },
  })
  await audit(tx, actor, 'team.addMember', 'InspectionTeam', team.id, null, member)
  return member
}

export async function removeTeamMember(
  tx: Tx,
  actor: Actor,
  input: { teamId: number; userId: number },
) {
  requireAdmin(actor)
  const team = await getTeam(tx, input.teamId)
  assertRoundStatus(team.round, 'PLANNING', 'INSPECTING')
  const member = await tx.teamMember.findUnique({
    where: { teamId_userId: { teamId: team.id, userId: input.userId } },
  })
  if (!member) throw new NotFoundError('TeamMember', input.userId, '该用户不是此检查组成员')
  await tx.teamMember.delete({ where: { id: member.id } })
  await audit(tx, actor, 'team.removeMember', 'InspectionTeam', team.id, member, null)
  return member
}

export interface TrainingInput {
  teamId: number
  date: Date
  topic: string
  hours?: Prisma.Decimal | string | null
  trainer?: string | null
  notes?: string | null
}

/** The pre-round training of the team (检查组集中培训). */
export async function addTrainingRecord(tx: Tx, actor: Actor, input: TrainingInput) {
  requireAdmin(actor)
  const team = await getTeam(tx, input.teamId)
  const topic = input.topic.trim()
  if (!topic) throw new ValidationError('请填写培训内容')
  // Decimal(6,2): a negative or oversized value used to be stored or fail as an unexpected error.
  const hours = input.hours == null ? null : new Decimal(input.hours)
  if (hours && (!hours.isFinite() || hours.lte(0) || hours.gt(1000))) {
    throw ValidationError.field(
      ['input', 'hours'],
      '培训学时需大于 0 且不超过 1000',
      'out_of_range',
    )
  }
  const record = await tx.trainingRecord.create({
    data: {
      teamId: team.id,
      date: input.date,
      topic,
      hours,
      trainer: input.trainer ?? null,
      notes: input.notes ?? null,
    },
  })
  await audit(tx, actor, 'team.addTraining', 'TrainingRecord', record.id, null, record)
  return record
}

export async function deleteTrainingRecord(tx: Tx, actor: Actor, id: number) {
  requireAdmin(actor)
  const record = await tx.trainingRecord.findUnique({ where: { id } })
  if (!record) throw new NotFoundError('TrainingRecord', id, '培训记录不存在')
  await tx.trainingRecord.delete({ where: { id } })
  await audit(tx, actor, 'team.deleteTraining', 'TrainingRecord', id, record, null)
  return record
}

/**
 * Assigns (or reassigns) the team that inspects an org in the round. Refused when a team member's
 * home org is that org — nobody inspects their own branch.
 */
export async function assignTeam(
  tx: Tx,
  actor: Actor,
  input: { roundId: number; teamId: number; orgId: number },
) {
  requireAdmin(actor)
  const round = await getRound(tx, input.roundId)
  assertRoundStatus(round, 'PLANNING', 'INSPECTING')
  const team = await tx.inspectionTeam.findUnique({ where: { id: input.teamId } })
  if (!team || team.roundId !== round.id)
    throw new NotFoundError('InspectionTeam', input.teamId, '检查组不属于该检查轮次')
  const org = await tx.organization.findUnique({ where: { id: input.orgId } })
  if (!org) throw new NotFoundError('Organization', input.orgId, '党组织不存在')
  if (!org.assessed || !org.active) throw new ValidationError(`“${org.name}”不是被考核的党组织`)
  await assertAssignment(tx, round, team.id, org)
  const before = await tx.teamAssignment.findUnique({
    where: { roundId_orgId: { roundId: round.id, orgId: org.id } },
  })
  const assignment = await tx.teamAssignment.upsert({
    where: { roundId_orgId: { roundId: round.id, orgId: org.id } },
    create: { roundId: round.id, teamId: team.id, orgId: org.id },
    update: { teamId: team.id },
  })
  await audit(tx, actor, 'team.assign', 'TeamAssignment', assignment.id, before, assignment)
  return assignment
}

export async function unassignTeam(
  tx: Tx,
  actor: Actor,
  input: { roundId: number; orgId: number },
) {
  requireAdmin(actor)
  const round = await getRound(tx, input.roundId)
  assertRoundStatus(round, 'PLANNING')
  const before = await tx.teamAssignment.findUnique({
    where: { roundId_orgId: { roundId: round.id, orgId: input.orgId } },
  })
  if (!before) throw new NotFoundError('TeamAssignment', input.orgId, '该党组织尚未分配检查组')
  await tx.teamAssignment.delete({ where: { id: before.id } })
  await audit(tx, actor, 'team.unassign', 'TeamAssignment', before.id, before, null)
  return before
}
