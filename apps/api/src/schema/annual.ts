import type { Prisma } from '@redblue/db'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { inTx, nowOf } from './round-context'

/**
 * Annual roll-up (R10): the scoring engine weights the mean quarterly total (rule set's
 * quarterlyWeight) and adds the admin-entered components at their weights. Admins and leaders read
 * every org; a branch its own.
 */

builder.prismaObject('AnnualResult', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    year: t.exposeInt('year'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    quarterlyMean: t.expose('quarterlyMean', { type: 'Decimal' }),
    quarterlyComponent: t.expose('quarterlyComponent', { type: 'Decimal' }),
    componentsTotal: t.expose('componentsTotal', { type: 'Decimal' }),
    total: t.expose('total', { type: 'Decimal' }),
    quarters: t.exposeIntList('quarters', {
      description:
        'The quarters (1–4) whose published totals the mean counted; fewer than 4 when the org was not assessed every quarter (e.g. joined mid-year).',
    }),
    quarterCount: t.int({
      description: 'How many quarters the mean counted (the length of quarters).',
      select: { quarters: true },
      resolve: (r) => r.quarters.length,
    }),
    computedAt: t.expose('computedAt', { type: 'DateTime' }),
  }),
})

builder.prismaObject('AnnualComponentScore', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    year: t.exposeInt('year'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    code: t.exposeString('code'),
    points: t.expose('points', { type: 'Decimal' }),
    version: t.exposeInt('version'),
  }),
})

function ownOrgOnly(ctx: { user: { role: string; orgId: number | null } | null }) {
  return ctx.user?.role === 'BRANCH' ? { orgId: ctx.user.orgId ?? -1 } : {}
}

builder.queryFields((t) => ({
  annualResults: t.prismaField({
    type: ['AnnualResult'],
    authScopes: { admin: true, leader: true, branch: true },
    args: { year: t.arg.int() },
    resolve: (query, _root, { year }, ctx) =>
      ctx.prisma.annualResult.findMany({
        ...query,
        where: { year, ...ownOrgOnly(ctx) } satisfies Prisma.AnnualResultWhereInput,
        orderBy: [{ total: 'desc' }, { orgId: 'asc' }],
      }),
  }),
  annualComponentScores: t.prismaField({
    type: ['AnnualComponentScore'],
    authScopes: { admin: true, leader: true, branch: true },
    args: { year: t.arg.int() },
    resolve: (query, _root, { year }, ctx) =>
      ctx.prisma.annualComponentScore.findMany({
        ...query,
        where: { year, ...ownOrgOnly(ctx) },
        orderBy: [{ orgId: 'asc' }, { code: 'asc' }],
      }),
  }),
}))

builder.mutationFields((t) => ({
  setAnnualComponentScore: t.prismaField({
    type: 'AnnualComponentScore',
    description: 'Enters one org’s points for one of the rule set’s annual components.',
    authScopes: { admin: true },
    errors: {},
    args: {
      year: t.arg.int(),
      orgId: t.arg.int(),
      code: t.arg.string(),
      points: t.arg({ type: 'Decimal' }),
      version: t.arg.int({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const row = await inTx(ctx, (tx, actor) =>
        wf.setAnnualComponentScore(tx, actor, { ...args, points: args.points.toFixed() }),
      )
      return ctx.prisma.annualComponentScore.findUniqueOrThrow({ ...query, where: { id: row.id } })
    },
  }),
  computeAnnualResults: t.prismaField({
    type: ['AnnualResult'],
    description:
      'Recomputes the year’s annual results from the published quarters (default area: the first, 基层党建).',
    authScopes: { admin: true },
    errors: {},
    args: { year: t.arg.int(), areaId: t.arg.int({ required: false }) },
    resolve: async (query, _root, args, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.computeAnnualResults(tx, actor, { ...args, now: nowOf(ctx) }),
      )
      return ctx.prisma.annualResult.findMany({
        ...query,
        where: { year: args.year },
        orderBy: [{ total: 'desc' }, { orgId: 'asc' }],
      })
    },
  }),
}))
