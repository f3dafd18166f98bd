import { interviewWhere } from '../access'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { inTx, nowOf, scopeOf } from './round-context'
import { PAGES, pageOf } from '../cost'

/**
 * 清单式约谈 (R9): one per blue-list org and area, opened at publication; admins record date,
 * interviewer, interviewee and notes, and itemize the list — each item opens a rectification that
 * follows R8 and is looked back on in the next round.
 */

builder.prismaObject('Interview', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    roundId: t.exposeInt('roundId'),
    round: t.relation('round'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    areaId: t.exposeInt('areaId'),
    area: t.relation('area'),
    date: t.expose('date', { type: 'Date', nullable: true }),
    interviewer: t.exposeString('interviewer'),
    interviewee: t.exposeString('interviewee'),
    notes: t.exposeString('notes'),
    version: t.exposeInt('version'),
    items: t.relation('items', { query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] } }),
  }),
})

builder.prismaObject('InterviewItem', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    interviewId: t.exposeInt('interviewId'),
    content: t.exposeString('content'),
    sortOrder: t.exposeInt('sortOrder'),
    rectification: t.relation('rectification', { nullable: true }),
  }),
})

const InterviewPatch = builder.inputType('InterviewPatch', {
  fields: (t) => ({
    date: t.field({ type: 'Date', required: false }),
    interviewer: t.string({ required: false }),
    interviewee: t.string({ required: false }),
    notes: t.string({ required: false }),
  }),
})

const InterviewItemInput = builder.inputType('InterviewItemInput', {
  fields: (t) => ({
    content: t.string(),
    measure: t.string({ required: false }),
    responsiblePerson: t.string({ required: false, description: 'Defaults to the interviewee.' }),
    deadline: t.field({
      type: 'Date',
      required: false,
      description: 'Defaults to today + the rule set’s days.',
    }),
  }),
})

const INTERVIEWS_PAGE = PAGES['Query.interviews']
if (!INTERVIEWS_PAGE) throw new Error('the page bounds of Query.interviews are missing')

builder.queryFields((t) => ({
  interviews: t.prismaField({
    type: ['Interview'],
    description: `Newest round first; a page of \`limit\` (default and max ${INTERVIEWS_PAGE.maxLimit}) from \`offset\`.`,
    authScopes: { loggedIn: true },
    args: {
      roundId: t.arg.int({ required: false }),
      orgId: t.arg.int({ required: false }),
      limit: t.arg.int({ required: false }),
      offset: t.arg.int({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.interview.findMany({
        ...query,
        where: {
          AND: [
            interviewWhere(scope),
            {
              ...(args.roundId ? { roundId: args.roundId } : {}),
              ...(args.orgId ? { orgId: args.orgId } : {}),
            },
          ],
        },
        orderBy: [{ roundId: 'desc' }, { areaId: 'asc' }, { orgId: 'asc' }, { id: 'asc' }],
        ...pageOf('Query.interviews', args),
      })
    },
  }),
  interview: t.prismaField({
    type: 'Interview',
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.interview.findFirst({
        ...query,
        where: { AND: [{ id: args.id }, interviewWhere(scope)] },
      })
    },
  }),
}))

builder.mutationFields((t) => ({
  createInterview: t.prismaField({
    type: 'Interview',
    description: 'An extra interview beyond the blue list, for a published round.',
    authScopes: { admin: true },
    errors: {},
    args: { roundId: t.arg.int(), orgId: t.arg.int(), areaId: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const interview = await inTx(ctx, (tx, actor) => wf.createInterview(tx, actor, args))
      return ctx.prisma.interview.findUniqueOrThrow({ ...query, where: { id: interview.id } })
    },
  }),
  updateInterview: t.prismaField({
    type: 'Interview',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: InterviewPatch }) },
    resolve: async (query, _root, { id, version, input }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.updateInterview(tx, actor, {
          interviewId: id,
          version,
          date: input.date ?? undefined,
          interviewer: input.interviewer,
          interviewee: input.interviewee,
          notes: input.notes,
        }),
      )
      return ctx.prisma.interview.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  addInterviewItem: t.prismaField({
    type: 'InterviewItem',
    description:
      'Adds an item to the interview’s list and opens its rectification (source INTERVIEW).',
    authScopes: { admin: true },
    errors: {},
    args: { interviewId: t.arg.int(), input: t.arg({ type: InterviewItemInput }) },
    resolve: async (query, _root, { interviewId, input }, ctx) => {
      const item = await inTx(ctx, (tx, actor) =>
        wf.addInterviewItem(tx, actor, {
          interviewId,
          content: input.content,
          measure: input.measure,
          responsiblePerson: input.responsiblePerson,
          deadline: input.deadline ? input.deadline.toISOString().slice(0, 10) : null,
          now: nowOf(ctx),
        }),
      )
      return ctx.prisma.interviewItem.findUniqueOrThrow({ ...query, where: { id: item.id } })
    },
  }),
  updateInterviewItem: t.prismaField({
    type: 'InterviewItem',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), content: t.arg.string() },
    resolve: async (query, _root, { id, content }, ctx) => {
      await inTx(ctx, (tx, actor) => wf.updateInterviewItem(tx, actor, { itemId: id, content }))
      return ctx.prisma.interviewItem.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  removeInterviewItem: t.boolean({
    description: 'Removes an item nobody has worked on yet (with its rectification).',
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { id: t.arg.int() },
    resolve: async (_root, { id }, ctx) => {
      await inTx(ctx, (tx, actor) => wf.removeInterviewItem(tx, actor, id))
      return true
    },
  }),
}))
