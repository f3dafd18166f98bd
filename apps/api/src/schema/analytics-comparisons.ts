import { actorOf } from '../access'
import { builder } from '../builder'
import {
  categoryAverages,
  lostPointsMatrix,
  problemCategoryPareto,
  repeatFindings,
  type CategoryDimensionAverage,
  type CategorySummary,
  type LostPointsMatrix,
  type MatrixColumn,
  type MatrixRow,
  type ParetoEntry,
  type RepeatGroup,
} from '../services/analytics'
import { ValidationError } from '../errors'
import { AnalyticsPeriodInput, loadById, periodOf, pick, unique, windowArgs, type Batch } from './analytics-common'
import { OrgCategoryEnum } from './enums'

/**
 * Comparisons: the org × dimension matrix of points lost (heatmap), the problem-category
 * Pareto, repeat findings (屡查屡犯) and the categories' averages side by side. One statement
 * each, plus one load per kind of Prisma object selected. Rows about individual orgs follow R12;
 * averages over a whole category are public like the rankings they come from.
 */

interface OrgBatch {
  orgIds: number[]
}


const MatrixColumnRef = builder.objectRef<MatrixColumn>('LostPointsColumn').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    averageLost: t.field({ type: 'Decimal', nullable: true, resolve: (c) => c.averageLost }),
  }),
})

type MatrixRowData = MatrixRow & { batch: OrgBatch }

const MatrixRowRef = builder.objectRef<MatrixRowData>('LostPointsRow').implement({
  fields: (t) => ({
    assessmentId: t.exposeInt('assessmentId', { description: 'Key of `assessmentDrilldown`.' }),
    orgId: t.exposeInt('orgId'),
    org: t.prismaField({
      type: 'Organization',
      resolve: async (query, row, _args, ctx) => {
        const orgs = await loadById(row.batch, 'org', query, () =>
          ctx.prisma.organization.findMany({ ...query, where: { id: { in: row.batch.orgIds } } }),
        )
        return pick(orgs, row.orgId, 'Organization')
      },
    }),
    category: t.field({ type: OrgCategoryEnum, resolve: (r) => r.category }),
    lost: t.field({
      type: ['Decimal'],
      nullable: { list: false, items: true },
      description: 'Points lost per column, in column order.',
      resolve: (r) => r.lost,
    }),
    totalLost: t.field({ type: 'Decimal', resolve: (r) => r.totalLost }),
  }),
})

const LostPointsMatrixRef = builder.objectRef<LostPointsMatrix>('LostPointsMatrix').implement({
  fields: (t) => ({
    roundId: t.exposeInt('roundId'),
    areaId: t.exposeInt('areaId'),
    columns: t.field({ type: [MatrixColumnRef], description: 'Dimensions, in scheme order.', resolve: (m) => m.columns }),
    rows: t.field({
      type: [MatrixRowRef],
      description: 'Orgs the caller may see, by category and rank.',
      resolve: (m) => {
        const batch: OrgBatch = { orgIds: unique(m.rows.map((r) => r.orgId)) }
        return m.rows.map((r) => ({ ...r, batch }))
      },
    }),
  }),
})

type ParetoData = ParetoEntry & { batch: { ids: number[] } }

const ParetoEntryRef = builder.objectRef<ParetoData>('ParetoEntry').implement({
  fields: (t) => ({
    problemCategoryId: t.exposeInt('problemCategoryId'),
    problemCategory: t.prismaField({
      type: 'ProblemCategory',
      resolve: async (query, e, _args, ctx) => {
        const categories = await loadById(e.batch, 'problemCategory', query, () =>
          ctx.prisma.problemCategory.findMany({ ...query, where: { id: { in: e.batch.ids } } }),
        )
        return pick(categories, e.problemCategoryId, 'ProblemCategory')
      },
    }),
    count: t.exposeInt('count'),
    share: t.field({ type: 'Decimal', description: 'Percent of all findings in scope.', resolve: (e) => e.share }),
    cumulativeShare: t.field({ type: 'Decimal', description: 'Running percent; the last is 100.00.', resolve: (e) => e.cumulativeShare }),
  }),
})

const ParetoRef = builder
  .objectRef<{ totalFindings: number; entries: ParetoEntry[] }>('ProblemCategoryPareto')
  .implement({
    fields: (t) => ({
      totalFindings: t.exposeInt('totalFindings'),
      entries: t.field({
        type: [ParetoEntryRef],
        description: 'Most frequent first.',
        resolve: (p) => {
          const batch = { ids: p.entries.map((e) => e.problemCategoryId) }
          return p.entries.map((e) => ({ ...e, batch }))
        },
      }),
    }),
  })

type RepeatData = RepeatGroup & { batch: Batch & { orgIds: number[]; categoryIds: number[] } }

const RepeatGroupRef = builder.objectRef<RepeatData>('RepeatFindingGroup').implement({
  fields: (t) => ({
    orgId: t.exposeInt('orgId'),
    org: t.prismaField({
      type: 'Organization',
      resolve: async (query, g, _args, ctx) => {
        const orgs = await loadById(g.batch, 'org', query, () =>
          ctx.prisma.organization.findMany({ ...query, where: { id: { in: g.batch.orgIds } } }),
        )
        return pick(orgs, g.orgId, 'Organization')
      },
    }),
    problemCategoryId: t.exposeInt('problemCategoryId'),
    problemCategory: t.prismaField({
      type: 'ProblemCategory',
      resolve: async (query, g, _args, ctx) => {
        const categories = await loadById(g.batch, 'problemCategory', query, () =>
          ctx.prisma.problemCategory.findMany({ ...query, where: { id: { in: g.batch.categoryIds } } }),
        )
        return pick(categories, g.problemCategoryId, 'ProblemCategory')
      },
    }),
    repeatCount: t.exposeInt('repeatCount'),
    roundIds: t.intList({
      description: 'Rounds with standing findings of this org and category, oldest first.',
      resolve: (g) => g.roundIds,
    }),
    latestRoundId: t.exposeInt('latestRoundId'),
    findingIds: t.intList({ description: 'The repeat findings, newest first.', resolve: (g) => g.findingIds }),
  }),
})

const RepeatFindingsRef = builder
  .objectRef<{ totalFindings: number; repeatFindings: number; repeatShare: string | null; groups: RepeatGroup[] }>(
    'RepeatFindings',
  )
  .implement({
    fields: (t) => ({
      totalFindings: t.exposeInt('totalFindings'),
      repeatFindings: t.exposeInt('repeatFindings'),
      repeatShare: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.repeatShare }),
      groups: t.field({
        type: [RepeatGroupRef],
        description: 'By org and problem category, most repeats first.',
        resolve: (r) => {
          const batch = {
            orgIds: unique(r.groups.map((g) => g.orgId)),
            categoryIds: unique(r.groups.map((g) => g.problemCategoryId)),
          }
          return r.groups.map((g) => ({ ...g, batch }))
        },
      }),
    }),
  })

const CategoryDimensionAverageRef = builder.objectRef<CategoryDimensionAverage>('CategoryDimensionAverage').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    max: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.max }),
    averagePoints: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.averagePoints }),
    averageLost: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.averageLost }),
  }),
})

const CategorySummaryRef = builder.objectRef<CategorySummary>('CategorySummary').implement({
  fields: (t) => ({
    category: t.field({ type: OrgCategoryEnum, resolve: (c) => c.category }),
    orgCount: t.exposeInt('orgCount'),
    averageBase: t.field({ type: 'Decimal', nullable: true, resolve: (c) => c.averageBase }),
    averageBonus: t.field({ type: 'Decimal', nullable: true, resolve: (c) => c.averageBonus }),
    averageTotal: t.field({ type: 'Decimal', nullable: true, resolve: (c) => c.averageTotal }),
    minTotal: t.field({ type: 'Decimal', nullable: true, resolve: (c) => c.minTotal }),
    maxTotal: t.field({ type: 'Decimal', nullable: true, resolve: (c) => c.maxTotal }),
    red: t.exposeInt('red'),
    blue: t.exposeInt('blue'),
    dimensions: t.field({ type: [CategoryDimensionAverageRef], resolve: (c) => c.dimensions }),
  }),
})

const MAX_REPEAT_GROUPS = 500

builder.queryFields((t) => ({
  lostPointsMatrix: t.field({
    type: LostPointsMatrixRef,
    description: 'Org × dimension points lost in a published round (heatmap); rows within the caller’s scope.',
    authScopes: { loggedIn: true },
    args: {
      roundId: t.arg.int(),
      areaId: t.arg.int(),
      category: t.arg({ type: OrgCategoryEnum, required: false }),
    },
    resolve: (_root, args, ctx) => lostPointsMatrix(ctx.prisma, actorOf(ctx), args),
  }),
  problemCategoryPareto: t.field({
    type: ParetoRef,
    description: 'Problem categories by standing findings with running share (caller’s scope).',
    authScopes: { loggedIn: true },
    args: {
      areaId: t.arg.int({ required: false }),
      period: t.arg({ type: AnalyticsPeriodInput, required: false }),
      ...windowArgs(t),
      category: t.arg({ type: OrgCategoryEnum, required: false }),
    },
    resolve: async (_root, args, ctx) =>
      problemCategoryPareto(ctx.prisma, actorOf(ctx), {
        areaId: args.areaId,
        period: await periodOf(ctx.prisma, args),
        category: args.category,
      }),
  }),
  repeatFindings: t.field({
    type: RepeatFindingsRef,
    description: 'Repeat findings (屡查屡犯) grouped by org and problem category (caller’s scope).',
    authScopes: { loggedIn: true },
    args: {
      areaId: t.arg.int({ required: false }),
      period: t.arg({ type: AnalyticsPeriodInput, required: false }),
      ...windowArgs(t),
      limit: t.arg.int({ required: false, defaultValue: 100 }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = args.limit ?? 100
      if (limit < 1 || limit > MAX_REPEAT_GROUPS) {
        throw ValidationError.field(['limit'], `limit 须为 1–${MAX_REPEAT_GROUPS}`, 'range')
      }
      return repeatFindings(ctx.prisma, actorOf(ctx), { areaId: args.areaId, period: await periodOf(ctx.prisma, args), limit })
    },
  }),
  categoryAverages: t.field({
    type: [CategorySummaryRef],
    description: 'Categories I, II, III of a published round and area side by side.',
    authScopes: { loggedIn: true },
    args: { roundId: t.arg.int(), areaId: t.arg.int() },
    resolve: (_root, args, ctx) => categoryAverages(ctx.prisma, args),
  }),
}))
