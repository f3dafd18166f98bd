import type { InspectionRound, OrgCategory } from '@redblue/db'
import { type Actor, actorOf } from '../access'
import { builder } from '../builder'
import {
  closeOutTrend,
  dimensionAverageTrend,
  findingCountTrend,
  orgDimensionTrend,
  totalsTrend,
  trendWindow,
  type CloseOutPoint,
  type DimensionSeries,
  type FindingCountTrend,
  type OrgTrend,
  type TrendScope,
} from '../services/analytics'
import { loadOnce, unique } from './analytics-common'
import { resolveListOrg, resolveListProblemCategory } from './analytics-list-records'
import { ProblemCategoryRef } from './problem-category'
import { InspectionRoundRef } from './round'
import { asksAny, asksOnly, asksWithin, startIfAsked } from './selection'
import { ListMarkEnum, OrgCategoryEnum } from './enums'
import { OrganizationRef } from './org'

/**
 * Trends over the last N published rounds of an area (default 5): per-org totals, ranks and
 * red/blue marks (public like the rankings), category averages of totals and dimensions, each
 * org's dimension subtotals (scoped), findings per problem category (scoped) and the close-out
 * rate per round (scoped). Every series has one entry per round of `rounds`, oldest first.
 * Each field costs one statement (the totals, with their orgs, are shared by `orgs`, `listHistory`
 * and `categoryAverages`), whatever the number of orgs and rounds.
 */

interface Trends {
  scope: TrendScope
  viewer: Actor
  /** Whether the selection asks for the orgs' ranks, marks or list history (see HISTORY_FIELDS). */
  history: boolean
}

/** An org's series with its list (wrapped, not spread: a thousand objects copied cost ≈ 1.4 ms). */
interface OrgTrendData {
  trend: OrgTrend
  batch: OrgTrendBatch
}
interface OrgTrendBatch {
  trends: Trends
  orgIds: number[]
}

function totalsOf(trends: Trends, ctx: { prisma: Parameters<typeof totalsTrend>[0] }) {
  return loadOnce(trends, 'totals', () => totalsTrend(ctx.prisma, trends.scope, trends.history))
}

/** The category averages of the dimensions: one statement per trend, whoever asks first. */
function dimensionAveragesOf(trends: Trends, ctx: { prisma: Parameters<typeof dimensionAverageTrend>[0] }) {
  return loadOnce(trends, 'dimensionAverages', () => dimensionAverageTrend(ctx.prisma, trends.scope))
}

const DIMENSIONS = new Set(['dimensions'])
/**
 * What of an org's series needs its ranks and marks; `listHistory` picks its orgs by their marks.
 * A selection with none of them (the dashboard's chart of totals) reads neither.
 */
const HISTORY_FIELDS: ReadonlySet<string> = new Set(['ranks', 'marks'])
const ORG_SERIES: readonly (readonly string[])[] = [['orgs'], ['listHistory']]
const LIST_HISTORY: ReadonlySet<string> = new Set(['listHistory'])

/** What the trend's window statement reads of each round (`trendWindow`). */
const WINDOW_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'year', 'quarter', '__typename'])

function withBatch(trends: Trends, orgs: OrgTrend[]): OrgTrendData[] {
  const batch: OrgTrendBatch = { trends, orgIds: orgs.map((o) => o.orgId) }
  return orgs.map((trend) => ({ trend, batch }))
}

const DimensionSeriesRef = builder.objectRef<DimensionSeries>('DimensionSeries').implement({
  description: 'One dimension (by code, stable across years and categories) per round.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    points: t.field({ type: ['Decimal'], nullable: { list: false, items: true }, resolve: (d) => d.points }),
    lost: t.field({ type: ['Decimal'], nullable: { list: false, items: true }, resolve: (d) => d.lost }),
  }),
})

const OrgTrendRef = builder.objectRef<OrgTrendData>('OrgTrend').implement({
  fields: (t) => ({
    orgId: t.int({ resolve: (o) => o.trend.orgId }),
    // Id, name and short name come from the totals' statement; anything more loads the list's
    // orgs in one more (see analytics-list-records.ts).
    org: t.field({
      type: OrganizationRef,
      resolve: (row, _args, ctx, info) =>
        resolveListOrg(row.trend.org, row.batch, row.batch.orgIds, ctx, info),
    }),
    categories: t.field({
      type: [OrgCategoryEnum],
      nullable: { list: false, items: true },
      resolve: (o) => o.trend.categories,
    }),
    totals: t.field({
      type: ['Decimal'],
      nullable: { list: false, items: true },
      resolve: (o) => o.trend.totals,
    }),
    ranks: t.field({ type: ['Int'], nullable: { list: false, items: true }, resolve: (o) => o.trend.ranks }),
    marks: t.field({
      type: [ListMarkEnum],
      nullable: { list: false, items: true },
      description: 'Red/blue history: the mark of each round, null when on neither list.',
      resolve: (o) => o.trend.marks,
    }),
    dimensions: t.field({
      type: [DimensionSeriesRef],
      description: "The org's dimension subtotals per round; empty for orgs whose scores the caller may not see.",
      resolve: async (row, _args, ctx) => {
        const { trends, orgIds } = row.batch
        const byOrg = await loadOnce(row.batch, 'dimensions', () =>
          orgDimensionTrend(ctx.prisma, trends.viewer, trends.scope, orgIds),
        )
        return byOrg.get(row.trend.orgId) ?? []
      },
    }),
  }),
})

interface CategoryTrend {
  category: OrgCategory
  totals: (string | null)[]
  trends: Trends
}

const CategoryTrendRef = builder.objectRef<CategoryTrend>('CategoryTrend').implement({
  fields: (t) => ({
    category: t.field({ type: OrgCategoryEnum, resolve: (c) => c.category }),
    totals: t.field({
      type: ['Decimal'],
      nullable: { list: false, items: true },
      description: 'Mean total of the category per round.',
      resolve: (c) => c.totals,
    }),
    dimensions: t.field({
      type: [DimensionSeriesRef],
      description: 'Mean subtotal (points) and mean loss (lost) of each dimension per round.',
      resolve: async (c, _args, ctx) => {
        const all = await dimensionAveragesOf(c.trends, ctx)
        return all.find((d) => d.category === c.category)?.dimensions ?? []
      },
    }),
  }),
})

type FindingCountData = FindingCountTrend & { batch: { ids: number[] } }

const ProblemCategoryTrendRef = builder.objectRef<FindingCountData>('ProblemCategoryTrend').implement({
  fields: (t) => ({
    problemCategoryId: t.exposeInt('problemCategoryId'),
    // Id and name come with the counts; anything more loads the series' categories in one more
    // statement (see analytics-list-records.ts).
    problemCategory: t.field({
      type: ProblemCategoryRef,
      resolve: (row, _args, ctx, info) =>
        resolveListProblemCategory(
          { id: row.problemCategoryId, name: row.problemCategoryName },
          row.batch,
          row.batch.ids,
          ctx,
          info,
        ),
    }),
    counts: t.intList({ resolve: (r) => r.counts }),
    total: t.exposeInt('total'),
  }),
})

const CloseOutRatePointRef = builder.objectRef<CloseOutPoint>('CloseOutRatePoint').implement({
  fields: (t) => ({
    roundId: t.exposeInt('roundId'),
    total: t.exposeInt('total', { description: 'Items opened in the round.' }),
    closed: t.exposeInt('closed', { description: 'Of which verified and crossed off by now.' }),
    rate: t.field({ type: 'Decimal', nullable: true, resolve: (p) => p.rate }),
  }),
})

const AnalyticsTrendsRef = builder.objectRef<Trends>('AnalyticsTrends').implement({
  fields: (t) => ({
    areaId: t.int({ resolve: (tr) => tr.scope.areaId }),
    category: t.field({ type: OrgCategoryEnum, nullable: true, resolve: (tr) => tr.scope.category ?? null }),
    roundIds: t.intList({ description: 'The window, oldest first.', resolve: (tr) => tr.scope.rounds.map((r) => r.id) }),
    rounds: t.field({
      type: [InspectionRoundRef],
      description: 'The window, oldest first: the x axis of every series.',
      // The window's statement read id, name, year and quarter: a selection of only those is
      // answered from it; anything more reads the rounds whole (relations below them through the
      // Prisma plugin's batched fallback).
      resolve: (tr, _args, ctx, info) =>
        asksOnly(info, WINDOW_FIELDS)
          ? (tr.scope.rounds as InspectionRound[])
          : ctx.prisma.inspectionRound.findMany({
              where: { id: { in: tr.scope.rounds.map((r) => r.id) } },
              orderBy: [{ year: 'asc' }, { quarter: 'asc' }],
            }),
    }),
    orgs: t.field({
      type: [OrgTrendRef],
      description: 'Per-org series (all orgs of the category filter, or those listed).',
      args: { orgIds: t.arg.intList({ required: false }) },
      resolve: async (tr, args, ctx) => {
        const { orgs } = await totalsOf(tr, ctx)
        const wanted = args.orgIds ? new Set(args.orgIds) : null
        return withBatch(tr, wanted ? orgs.filter((o) => wanted.has(o.orgId)) : orgs)
      },
    }),
    listHistory: t.field({
      type: [OrgTrendRef],
      description: 'Orgs that were on the red or blue list in the window, with their series.',
      resolve: async (tr, _args, ctx) => {
        const { orgs } = await totalsOf(tr, ctx)
        return withBatch(tr, orgs.filter((o) => o.marks.some((m) => m !== null)))
      },
    }),
    categoryAverages: t.field({
      type: [CategoryTrendRef],
      resolve: async (tr, _args, ctx, info) => {
        // The dimensions' statement needs only the window: sent alongside the totals' (the
        // trend's longest statement) instead of after them.
        startIfAsked(info, DIMENSIONS, () => dimensionAveragesOf(tr, ctx))
        const { categoryAverages } = await totalsOf(tr, ctx)
        return categoryAverages.map((c) => ({ category: c.category, totals: c.values, trends: tr }))
      },
    }),
    findingCounts: t.field({
      type: [ProblemCategoryTrendRef],
      description: 'Standing findings per problem category and round, most frequent first (caller’s scope).',
      resolve: async (tr, _args, ctx) => {
        const series = await findingCountTrend(ctx.prisma, tr.viewer, tr.scope)
        const batch = { ids: unique(series.map((s) => s.problemCategoryId)) }
        return series.map((s) => ({ ...s, batch }))
      },
    }),
    closeOutRates: t.field({
      type: [CloseOutRatePointRef],
      description: 'Share of the items opened in each round that are verified by now (caller’s scope).',
      resolve: (tr, _args, ctx) => closeOutTrend(ctx.prisma, tr.viewer, tr.scope),
    }),
  }),
})

builder.queryFields((t) => ({
  analyticsTrends: t.field({
    type: AnalyticsTrendsRef,
    description: 'Series over the last `rounds` published rounds of an area (ending at `untilRoundId` if given).',
    authScopes: { loggedIn: true },
    args: {
      areaId: t.arg.int(),
      rounds: t.arg.int({ required: false, defaultValue: 5 }),
      untilRoundId: t.arg.int({ required: false }),
      category: t.arg({ type: OrgCategoryEnum, required: false }),
    },
    resolve: async (_root, args, ctx, info) => {
      const viewer = actorOf(ctx)
      const history = asksAny(info, LIST_HISTORY) || asksWithin(info, ORG_SERIES, HISTORY_FIELDS)
      const rounds = await trendWindow(ctx.prisma, {
        areaId: args.areaId,
        count: args.rounds ?? 5,
        untilRoundId: args.untilRoundId,
      })
      return { viewer, history, scope: { areaId: args.areaId, rounds, category: args.category ?? null } }
    },
  }),
}))
