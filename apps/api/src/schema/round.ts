import { builder } from '../builder'
import * as wf from '../services/workflow'
import { RoundStatusEnum } from './enums'
import { inTx, nowOf, readerOf } from './round-context'

/**
 * Inspection rounds (R6): one per quarter, PLANNING → INSPECTING → RECONCILING → PUBLISHED →
 * CLOSED, every step checked by the service layer and recorded with actor and time. Round data
 * (status, areas, teams, history) is readable by every signed-in user; the scores and findings in
 * it are scoped in their own queries.
 */

export const InspectionRoundRef = builder.prismaObject('InspectionRound', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    year: t.exposeInt('year'),
    quarter: t.exposeInt('quarter'),
    name: t.exposeString('name'),
    status: t.expose('status', { type: RoundStatusEnum }),
    previousRoundId: t.exposeInt('previousRoundId', { nullable: true }),
    previousRound: t.relation('previousRound', { nullable: true }),
    inspectionStart: t.expose('inspectionStart', { type: 'Date', nullable: true }),
    inspectionEnd: t.expose('inspectionEnd', { type: 'Date', nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    areas: t.relation('areas', { query: { orderBy: { area: { sortOrder: 'asc' } } } }),
    statusChanges: t.relation('statusChanges', { query: { orderBy: { id: 'asc' } } }),
    teams: t.relation('teams', { query: { orderBy: { id: 'asc' } } }),
    assignments: t.relation('assignments', { query: { orderBy: { orgId: 'asc' } } }),
    notice: t.relation('notice', { nullable: true }),
  }),
})

builder.prismaObject('RoundArea', {
  fields: (t) => ({
    areaId: t.exposeInt('areaId'),
    area: t.relation('area'),
  }),
})

builder.prismaObject('RoundStatusChange', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    fromStatus: t.expose('fromStatus', { type: RoundStatusEnum, nullable: true }),
    toStatus: t.expose('toStatus', { type: RoundStatusEnum }),
    actor: t.relation('actor', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
})

builder.prismaObject('Notice', {
  description: '通报: the published result document of a round.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    docNo: t.exposeString('docNo'),
    title: t.exposeString('title'),
    issuedBy: t.exposeString('issuedBy'),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
  }),
})

const CreateRoundInput = builder.inputType('CreateRoundInput', {
  fields: (t) => ({
    year: t.int(),
    quarter: t.int(),
    name: t.string({ required: false }),
    areaIds: t.intList(),
    inspectionStart: t.field({ type: 'Date', required: false }),
    inspectionEnd: t.field({ type: 'Date', required: false }),
  }),
})

const UpdateRoundInput = builder.inputType('UpdateRoundInput', {
  fields: (t) => ({
    name: t.string({ required: false }),
    areaIds: t.intList({ required: false, description: 'Only while PLANNING.' }),
    inspectionStart: t.field({ type: 'Date', required: false }),
    inspectionEnd: t.field({ type: 'Date', required: false }),
  }),
})

builder.queryFields((t) => ({
  rounds: t.prismaField({
    type: ['InspectionRound'],
    description: 'Rounds, newest first.',
    authScopes: { loggedIn: true },
    args: { year: t.arg.int({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.inspectionRound.findMany({
        ...query,
        where: args.year ? { year: args.year } : {},
        orderBy: [{ year: 'desc' }, { quarter: 'desc' }],
      }),
  }),
  round: t.prismaField({
    type: 'InspectionRound',
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.int() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.inspectionRound.findUnique({ ...query, where: { id: args.id } }),
  }),
}))

builder.mutationFields((t) => ({
  createRound: t.prismaField({
    type: 'InspectionRound',
    description: 'A quarter’s round in PLANNING, linked to the previous round for the look-back.',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: CreateRoundInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const round = await inTx(ctx, (tx, actor) => wf.createRound(tx, actor, input))
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id: round.id } })
    },
  }),
  updateRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: UpdateRoundInput }) },
    resolve: async (query, _root, { id, version, input }, ctx) => {
      await inTx(ctx, (tx, actor) => wf.updateRound(tx, actor, { roundId: id, version, ...input }))
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  deleteRound: t.boolean({
    description: 'Removes a round that has not started (PLANNING).',
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { id: t.arg.int() },
    resolve: async (_root, { id }, ctx) => {
      await inTx(ctx, (tx, actor) => wf.deleteRound(tx, actor, id))
      return true
    },
  }),
  transitionRound: t.prismaField({
    type: 'InspectionRound',
    description:
      'Moves the round one step: INSPECTING (creates the assessments, pinning the schemes in force), RECONCILING (all assessments submitted), PUBLISHED (same as publishRound with default notice) or CLOSED (after the next round’s look-back).',
    authScopes: { admin: true },
    errors: {},
    args: {
      id: t.arg.int(),
      to: t.arg({ type: RoundStatusEnum }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, { id, to, note }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.transitionRound(tx, actor, { roundId: id, to, note, now: nowOf(ctx), reader: readerOf(ctx) }),
      )
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
}))
