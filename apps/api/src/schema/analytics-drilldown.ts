import type { Finding, Rectification } from '@redblue/db'
import { queryFromInfo } from '@pothos/plugin-prisma'
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql'
import { actorOf } from '../access'
import { builder } from '../builder'
import {
  assessmentBreakdown,
  type AssessmentBreakdown,
  type DimensionBreakdown,
  type IndicatorBreakdown,
} from '../services/analytics'
import { loadOnce } from './analytics-common'
import { ListMarkEnum, OrgCategoryEnum, ScoringMethodEnum, UnitTypeEnum } from './enums'
import { FindingRef } from './finding'
import { prefetchWarningDays, RectificationRef } from './rectification'

/**
 * Drill-down of a ranking row: the org's published assessment → dimension subtotals
 * against the category average → indicators with the points lost and why → the findings behind
 * each lost point → each finding's rectification with its history (events) and evidence. Every
 * level carries the ids of the next. Scope (R12): NOT_FOUND unless the caller may see the org in
 * that round. Cost: four statements for the breakdown, then one load per kind of Prisma object
 * selected (findings, rectifications, ...) plus their selected relations — never per row.
 */

const IndicatorLossReasonEnum = builder.enumType('IndicatorLossReason', {
  description: 'Why a base indicator fell short of its max (the scoring engine’s LossReason).',
  values: ['FINDINGS', 'RATING', 'QUANTITY', 'NOT_RATED'] as const,
})

type Drilldown = AssessmentBreakdown
type IndicatorData = IndicatorBreakdown & { batch: Drilldown }
type DimensionData = DimensionBreakdown & { batch: Drilldown }

/**
 * Where a field sits in the response, list indices left out: one load per drill-down for every
 * indicator's `findings`, and one per alias (each alias has its own selection, so its own query).
 */
function responseKey(info: GraphQLResolveInfo): string {
  return responsePathAsArray(info.path)
    .filter((key) => typeof key === 'string')
    .join('.')
}

function findingsOf(batch: Drilldown, info: GraphQLResolveInfo, load: (ids: number[]) => Promise<Finding[]>) {
  return loadOnce(batch, `findings:${responseKey(info)}`, async () => {
    const rows = await load(batch.findingIds)
    return new Map(rows.map((f) => [f.id, f]))
  })
}

function rectificationsOf(
  batch: Drilldown,
  info: GraphQLResolveInfo,
  load: (ids: number[]) => Promise<Rectification[]>,
) {
  return loadOnce(batch, `rectifications:${responseKey(info)}`, async () => {
    const rows = await load(batch.findingIds)
    const byFinding = new Map<number, Rectification>()
    // Loaded by finding id, so every row has one; a row without would be a bug in `load`.
    for (const r of rows) if (r.findingId !== null) byFinding.set(r.findingId, r)
    return byFinding
  })
}

function inOrder<T>(map: Map<number, T>, ids: number[]): T[] {
  return ids.flatMap((id) => {
    const value = map.get(id)
    return value === undefined ? [] : [value]
  })
}

const DrilldownIndicatorRef = builder.objectRef<IndicatorData>('DrilldownIndicator').implement({
  fields: (t) => ({
    indicatorId: t.exposeInt('indicatorId'),
    dimensionId: t.exposeInt('dimensionId', { nullable: true, description: 'Null for bonus indicators.' }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    method: t.field({ type: ScoringMethodEnum, resolve: (i) => i.method }),
    evaluationStandard: t.exposeString('evaluationStandard'),
    scoringGuide: t.exposeString('scoringGuide'),
    max: t.field({ type: 'Decimal', resolve: (i) => i.max }),
    points: t.field({ type: 'Decimal', resolve: (i) => i.points }),
    lost: t.field({ type: 'Decimal', description: 'max − points; 0 for bonus indicators.', resolve: (i) => i.lost }),
    applicable: t.exposeBoolean('applicable'),
    reason: t.field({ type: IndicatorLossReasonEnum, nullable: true, resolve: (i) => i.reason }),
    ratingLevel: t.exposeString('ratingLevel', { nullable: true }),
    quantityValue: t.field({ type: 'Decimal', nullable: true, resolve: (i) => i.quantityValue }),
    target: t.field({ type: 'Decimal', nullable: true, resolve: (i) => i.target }),
    targetUnit: t.exposeString('targetUnit', { nullable: true }),
    bonusPoints: t.field({ type: 'Decimal', nullable: true, resolve: (i) => i.bonusPoints }),
    note: t.exposeString('note', { nullable: true }),
    findingIds: t.intList({ resolve: (i) => i.findingIds }),
    // Not prismaFields: a prismaField plans its Prisma query from the selection on every call, i.e.
    // twice for each of the scheme's ≈ 60 indicators, most of which lost nothing (≈ 10 ms of CPU
    // per drill-down). Here the query is planned once per drill-down, by the first indicator that
    // has findings, and the others answer [] without planning; Pothos maps the loaded rows'
    // relations by the field's path (list indices dropped), as for a prismaField.
    findings: t.field({
      type: [FindingRef],
      description: 'The standing findings whose deductions cost these points.',
      resolve: async (i, _args, ctx, info) => {
        if (i.findingIds.length === 0) return []
        const findings = await findingsOf(i.batch, info, (ids) =>
          ctx.prisma.finding.findMany({ ...queryFromInfo({ context: ctx, info }), where: { id: { in: ids } } }),
        )
        return inOrder(findings, i.findingIds)
      },
    }),
    rectifications: t.field({
      type: [RectificationRef],
      description: 'The rectification item of each of those findings, with history (events) and evidence.',
      resolve: async (i, _args, ctx, info) => {
        if (i.findingIds.length === 0) return []
        prefetchWarningDays(ctx, info)
        const byFinding = await rectificationsOf(i.batch, info, (ids) =>
          ctx.prisma.rectification.findMany({ ...queryFromInfo({ context: ctx, info }), where: { findingId: { in: ids } } }),
        )
        return inOrder(byFinding, i.findingIds)
      },
    }),
  }),
})

const DrilldownDimensionRef = builder.objectRef<DimensionData>('DrilldownDimension').implement({
  fields: (t) => ({
    dimensionId: t.exposeInt('dimensionId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    max: t.field({ type: 'Decimal', resolve: (d) => d.max }),
    points: t.field({ type: 'Decimal', nullable: true, description: 'Frozen subtotal.', resolve: (d) => d.points }),
    lost: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.lost }),
    categoryAveragePoints: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Mean subtotal over the orgs of the same category in this round and area.',
      resolve: (d) => d.categoryAveragePoints,
    }),
    categoryAverageLost: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.categoryAverageLost }),
    categoryCount: t.exposeInt('categoryCount'),
    indicators: t.field({
      type: [DrilldownIndicatorRef],
      resolve: (d) =>
        d.batch.indicators.filter((i) => i.dimensionId === d.dimensionId).map((i) => ({ ...i, batch: d.batch })),
    }),
  }),
})

const AssessmentDrilldownRef = builder.objectRef<Drilldown>('AssessmentDrilldown').implement({
  fields: (t) => ({
    assessmentId: t.exposeInt('assessmentId'),
    assessment: t.prismaField({
      type: 'Assessment',
      resolve: (query, d, _args, ctx) => ctx.prisma.assessment.findUniqueOrThrow({ ...query, where: { id: d.assessmentId } }),
    }),
    roundId: t.exposeInt('roundId'),
    orgId: t.exposeInt('orgId'),
    org: t.prismaField({
      type: 'Organization',
      resolve: (query, d, _args, ctx) => ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: d.orgId } }),
    }),
    areaId: t.exposeInt('areaId'),
    schemeId: t.exposeInt('schemeId'),
    category: t.field({ type: OrgCategoryEnum, resolve: (d) => d.category }),
    unitType: t.field({ type: UnitTypeEnum, resolve: (d) => d.unitType }),
    rank: t.exposeInt('rank', { nullable: true }),
    listMark: t.field({ type: ListMarkEnum, nullable: true, resolve: (d) => d.listMark }),
    base: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.base }),
    bonus: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.bonus }),
    total: t.field({ type: 'Decimal', nullable: true, resolve: (d) => d.total }),
    baseMax: t.field({ type: 'Decimal', description: '100 in a valid scheme.', resolve: (d) => d.baseMax }),
    lost: t.field({ type: 'Decimal', description: 'Points lost on base indicators: baseMax − base.', resolve: (d) => d.lost }),
    dimensions: t.field({
      type: [DrilldownDimensionRef],
      resolve: (d) => d.dimensions.map((dim) => ({ ...dim, batch: d })),
    }),
    indicators: t.field({
      type: [DrilldownIndicatorRef],
      description: 'Every indicator of the scheme in scheme order; bonus indicators have dimensionId null.',
      args: { lostOnly: t.arg.boolean({ required: false, description: 'Only indicators that lost points.' }) },
      resolve: (d, args) =>
        d.indicators.filter((i) => !args.lostOnly || i.lost !== '0.00').map((i) => ({ ...i, batch: d })),
    }),
    findingIds: t.intList({ resolve: (d) => d.findingIds }),
  }),
})

builder.queryFields((t) => ({
  assessmentDrilldown: t.field({
    type: AssessmentDrilldownRef,
    description: 'Breakdown of a published assessment down to findings and rectifications (from a ranking row).',
    authScopes: { loggedIn: true },
    args: { assessmentId: t.arg.int() },
    resolve: (_root, args, ctx) => assessmentBreakdown(ctx.prisma, actorOf(ctx), args.assessmentId),
  }),
}))
