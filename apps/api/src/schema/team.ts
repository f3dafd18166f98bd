import { builder } from '../builder'
import * as wf from '../services/workflow'
import { inTx } from './round-context'

/**
 * Inspection teams (检查组) of a round: members (inspectors), their pre-round training and the orgs
 * each team inspects. An inspector is never assigned to their own org (refused with the names).
 */

builder.prismaObject('InspectionTeam', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    roundId: t.exposeInt('roundId'),
    name: t.exposeString('name'),
    members: t.relation('members', { query: { orderBy: [{ isLeader: 'desc' }, { id: 'asc' }] } }),
    trainingRecords: t.relation('trainingRecords', { query: { orderBy: { date: 'asc' } } }),
    assignments: t.relation('assignments', { query: { orderBy: { orgId: 'asc' } } }),
  }),
})

builder.prismaObject('TeamMember', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    teamId: t.exposeInt('teamId'),
    userId: t.exposeInt('userId'),
    user: t.relation('user'),
    isLeader: t.exposeBoolean('isLeader'),
  }),
})

builder.prismaObject('TrainingRecord', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    teamId: t.exposeInt('teamId'),
    date: t.expose('date', { type: 'Date' }),
    topic: t.exposeString('topic'),
    hours: t.expose('hours', { type: 'Decimal', nullable: true }),
    trainer: t.exposeString('trainer', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
  }),
})

builder.prismaObject('TeamAssignment', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    roundId: t.exposeInt('roundId'),
    teamId: t.exposeInt('teamId'),
    team: t.relation('team'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
  }),
})

const TrainingInput = builder.inputType('TrainingRecordInput', {
  fields: (t) => ({
    teamId: t.int(),
    date: t.field({ type: 'Date' }),
    topic: t.string(),
    hours: t.field({ type: 'Decimal', required: false }),
    trainer: t.string({ required: false }),
    notes: t.string({ required: false }),
  }),
})

builder.mutationFields((t) => ({
  createTeam: t.prismaField({
    type: 'InspectionTeam',
    authScopes: { admin: true },
    errors: {},
    args: { roundId: t.arg.int(), name: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const team = await inTx(ctx, (tx, actor) => wf.createTeam(tx, actor, args))
      return ctx.prisma.inspectionTeam.findUniqueOrThrow({ ...query, where: { id: team.id } })
    },
  }),
  renameTeam: t.prismaField({
    type: 'InspectionTeam',
    authScopes: { admin: true },
    errors: {},
    args: { teamId: t.arg.int(), name: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.renameTeam(tx, actor, args))
      return ctx.prisma.inspectionTeam.findUniqueOrThrow({ ...query, where: { id: args.teamId } })
    },
  }),
  deleteTeam: t.boolean({
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { teamId: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.deleteTeam(tx, actor, args.teamId))
      return true
    },
  }),
  addTeamMember: t.prismaField({
    type: 'InspectionTeam',
    description:
      'Adds an inspector; refused when the team already inspects the inspector’s home org.',
    authScopes: { admin: true },
    errors: {},
    args: {
      teamId: t.arg.int(),
      userId: t.arg.int(),
      isLeader: t.arg.boolean({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.addTeamMember(tx, actor, args))
      return ctx.prisma.inspectionTeam.findUniqueOrThrow({ ...query, where: { id: args.teamId } })
    },
  }),
  removeTeamMember: t.prismaField({
    type: 'InspectionTeam',
    authScopes: { admin: true },
    errors: {},
    args: { teamId: t.arg.int(), userId: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.removeTeamMember(tx, actor, args))
      return ctx.prisma.inspectionTeam.findUniqueOrThrow({ ...query, where: { id: args.teamId } })
    },
  }),
  addTrainingRecord: t.prismaField({
    type: 'TrainingRecord',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: TrainingInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const record = await inTx(ctx, (tx, actor) =>
        wf.addTrainingRecord(tx, actor, { ...input, hours: input.hours?.toFixed(2) ?? null }),
      )
      return ctx.prisma.trainingRecord.findUniqueOrThrow({ ...query, where: { id: record.id } })
    },
  }),
  deleteTrainingRecord: t.boolean({
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { id: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.deleteTrainingRecord(tx, actor, args.id))
      return true
    },
  }),
  assignTeam: t.prismaField({
    type: 'TeamAssignment',
    description: 'Assigns (or reassigns) the team inspecting an org; refuses a member’s own org.',
    authScopes: { admin: true },
    errors: {},
    args: { roundId: t.arg.int(), teamId: t.arg.int(), orgId: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const assignment = await inTx(ctx, (tx, actor) => wf.assignTeam(tx, actor, args))
      return ctx.prisma.teamAssignment.findUniqueOrThrow({ ...query, where: { id: assignment.id } })
    },
  }),
  unassignTeam: t.boolean({
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { roundId: t.arg.int(), orgId: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.unassignTeam(tx, actor, args))
      return true
    },
  }),
}))
