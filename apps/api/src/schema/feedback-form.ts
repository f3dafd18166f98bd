import { feedbackFormWhere } from '../access'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { inTx, scopeOf } from './round-context'

/** 现场反馈表: the sheet of findings handed to an org at the end of one visit (several per round). */

builder.prismaObject('FeedbackForm', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    roundId: t.exposeInt('roundId'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    teamId: t.exposeInt('teamId', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    formNo: t.exposeString('formNo'),
    visitDate: t.expose('visitDate', { type: 'Date' }),
    summary: t.exposeString('summary'),
    createdBy: t.relation('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    findings: t.relation('findings', { query: { orderBy: { id: 'asc' } } }),
  }),
})

builder.queryFields((t) => ({
  feedbackForms: t.prismaField({
    type: ['FeedbackForm'],
    authScopes: { loggedIn: true },
    args: { roundId: t.arg.int(), orgId: t.arg.int({ required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.feedbackForm.findMany({
        ...query,
        where: {
          AND: [
            feedbackFormWhere(scope),
            { roundId: args.roundId, ...(args.orgId ? { orgId: args.orgId } : {}) },
          ],
        },
        orderBy: [{ orgId: 'asc' }, { visitDate: 'asc' }, { id: 'asc' }],
      })
    },
  }),
}))

builder.mutationFields((t) => ({
  createFeedbackForm: t.prismaField({
    type: 'FeedbackForm',
    description: 'Opens a feedback form for one visit; numbered <year>Q<quarter>-<org code>-<n>.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: {
      roundId: t.arg.int(),
      orgId: t.arg.int(),
      visitDate: t.arg({ type: 'Date' }),
      summary: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const form = await inTx(ctx, (tx, actor) => wf.createFeedbackForm(tx, actor, args))
      return ctx.prisma.feedbackForm.findUniqueOrThrow({ ...query, where: { id: form.id } })
    },
  }),
  updateFeedbackForm: t.prismaField({
    type: 'FeedbackForm',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: {
      id: t.arg.int(),
      visitDate: t.arg({ type: 'Date', required: false }),
      summary: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, { id, ...rest }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.updateFeedbackForm(tx, actor, { feedbackFormId: id, ...rest }),
      )
      return ctx.prisma.feedbackForm.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  deleteFeedbackForm: t.boolean({
    description: 'Removes a form; its findings stay, detached.',
    authScopes: { admin: true, inspector: true },
    errors: { directResult: false },
    args: { id: t.arg.int() },
    resolve: async (_root, { id }, ctx) => {
      await inTx(ctx, (tx, actor) => wf.deleteFeedbackForm(tx, actor, id))
      return true
    },
  }),
}))
