import type { Prisma } from '@redblue/db'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { AdjustmentReasonEnum, OrgCategoryEnum } from './enums'
import { inTx, nowOf, readerOf } from './round-context'

/**
 * Publication (R3–R6, R8, R9) in one transaction: frozen scores, ranks, red/blue lists,
 * performance adjustments dated to the month of publication (China time), one rectification per
 * standing finding and one interview per blue-list org. Publishing twice is refused.
 */

builder.prismaObject('PerformanceAdjustment', {
  description: '月度绩效加减分 from a published round (R5).',
  fields: (t) => ({
    id: t.exposeInt('id'),
    roundId: t.exposeInt('roundId'),
    round: t.relation('round'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    areaId: t.exposeInt('areaId'),
    area: t.relation('area'),
    category: t.expose('category', { type: OrgCategoryEnum }),
    reason: t.expose('reason', { type: AdjustmentReasonEnum }),
    points: t.expose('points', { type: 'Decimal' }),
    month: t.exposeString('month', { description: 'YYYY-MM in Asia/Shanghai.' }),
  }),
})

const PublishInput = builder.inputType('PublishRoundInput', {
  fields: (t) => ({
    docNo: t.string({ required: false, description: '通报 document number.' }),
    title: t.string({ required: false }),
    issuedBy: t.string({ required: false }),
    note: t.string({ required: false }),
  }),
})

builder.queryFields((t) => ({
  performanceAdjustments: t.prismaField({
    type: ['PerformanceAdjustment'],
    description: 'Adjustments for payroll export: admins and leaders all, a branch its own org.',
    authScopes: { admin: true, leader: true, branch: true },
    args: {
      roundId: t.arg.int({ required: false }),
      month: t.arg.string({ required: false }),
      orgId: t.arg.int({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.PerformanceAdjustmentWhereInput = {
        ...(args.roundId ? { roundId: args.roundId } : {}),
        ...(args.month ? { month: args.month } : {}),
        ...(args.orgId ? { orgId: args.orgId } : {}),
      }
      if (ctx.user?.role === 'BRANCH') where.AND = [{ orgId: ctx.user.orgId ?? -1 }]
      return ctx.prisma.performanceAdjustment.findMany({
        ...query,
        where,
        orderBy: [
          { month: 'desc' },
          { areaId: 'asc' },
          { category: 'asc' },
          { points: 'desc' },
          { orgId: 'asc' },
        ],
      })
    },
  }),
}))

builder.mutationField('publishRound', (t) =>
  t.prismaField({
    type: 'InspectionRound',
    description:
      'RECONCILING → PUBLISHED, all or nothing; refused while disputes remain or when already published.',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), input: t.arg({ type: PublishInput, required: false }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.publishRound(tx, actor, { roundId: id, now: nowOf(ctx), ...input, reader: readerOf(ctx) }),
      )
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
)
