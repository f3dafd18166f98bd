import {
  readFrozenDimensions,
  readFrozenPoints,
  type FrozenDimension,
  type Prisma,
} from '@redblue/db'
import type {
  AssessmentScore,
  DimensionScore,
  IndicatorScore,
  LostPointsEntry,
} from '@redblue/scoring'
import { PUBLISHED_ROUND_STATUSES } from '@redblue/scoring'
import { assessmentWhere } from '../access'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import {
  AssessmentStatusEnum,
  ListMarkEnum,
  OrgCategoryEnum,
  ScoringMethodEnum,
  UnitTypeEnum,
} from './enums'
import { OrganizationRef } from './org'
import { inTx, scoreOf, scopeOf } from './round-context'

/**
 * Assessments (one per org, area and round) with live scores from the scoring engine while the
 * round runs and frozen figures once published. Scope (R12): admins and leaders all; inspectors
 * the orgs assigned to their team in that round; a branch its own org once the round reaches
 * RECONCILING. Other orgs' results are public only through `roundRanking` after publication.
 */

const LossReasonEnum = builder.enumType('LossReason', {
  values: ['FINDINGS', 'RATING', 'QUANTITY', 'NOT_RATED'] as const,
})

const DimensionScoreRef = builder.objectRef<DimensionScore>('DimensionScore').implement({
  fields: (t) => ({
    dimensionId: t.int({ resolve: (d) => Number(d.dimensionId) }),
    max: t.field({ type: 'Decimal', resolve: (d) => d.max }),
    points: t.field({ type: 'Decimal', resolve: (d) => d.points }),
    lost: t.field({ type: 'Decimal', resolve: (d) => d.lost }),
  }),
})

const IndicatorScoreRef = builder.objectRef<IndicatorScore>('IndicatorScore').implement({
  fields: (t) => ({
    indicatorId: t.int({ resolve: (i) => Number(i.indicatorId) }),
    dimensionId: t.int({
      nullable: true,
      resolve: (i) => (i.dimensionId === null ? null : Number(i.dimensionId)),
    }),
    method: t.field({ type: ScoringMethodEnum, resolve: (i) => i.method }),
    max: t.field({ type: 'Decimal', resolve: (i) => i.max }),
    points: t.field({ type: 'Decimal', resolve: (i) => i.points }),
    lost: t.field({ type: 'Decimal', resolve: (i) => i.lost }),
    applicable: t.exposeBoolean('applicable'),
    reason: t.field({ type: LossReasonEnum, nullable: true, resolve: (i) => i.reason }),
    findingIds: t.intList({ resolve: (i) => i.findingIds.map(Number) }),
  }),
})

const LostPointsRef = builder.objectRef<LostPointsEntry>('LostPoints').implement({
  fields: (t) => ({
    indicatorId: t.int({ resolve: (l) => Number(l.indicatorId) }),
    dimensionId: t.int({ resolve: (l) => Number(l.dimensionId) }),
    lost: t.field({ type: 'Decimal', resolve: (l) => l.lost }),
    reason: t.field({ type: LossReasonEnum, resolve: (l) => l.reason }),
    findingIds: t.intList({ resolve: (l) => l.findingIds.map(Number) }),
  }),
})

export const AssessmentScoreRef = builder.objectRef<AssessmentScore>('AssessmentScore').implement({
  description:
    'Scores from the scoring engine (R2): base 0–100, capped bonus, total and their parts.',
  fields: (t) => ({
    base: t.field({ type: 'Decimal', resolve: (s) => s.base }),
    baseMax: t.field({ type: 'Decimal', resolve: (s) => s.baseMax }),
    bonusRaw: t.field({ type: 'Decimal', resolve: (s) => s.bonusRaw }),
    bonus: t.field({ type: 'Decimal', resolve: (s) => s.bonus }),
    total: t.field({ type: 'Decimal', resolve: (s) => s.total }),
    dimensions: t.field({ type: [DimensionScoreRef], resolve: (s) => s.dimensions }),
    indicators: t.field({ type: [IndicatorScoreRef], resolve: (s) => s.indicators }),
    lostPoints: t.field({ type: [LostPointsRef], resolve: (s) => s.lostPoints }),
  }),
})

interface FrozenIndicatorPoints {
  indicatorId: number
  points: string
}

const FrozenIndicatorPointsRef = builder
  .objectRef<FrozenIndicatorPoints>('FrozenIndicatorPoints')
  .implement({
    description: 'One indicator’s points as frozen at publication.',
    fields: (t) => ({
      indicatorId: t.exposeInt('indicatorId'),
      points: t.field({ type: 'Decimal', resolve: (p) => p.points }),
    }),
  })

const FrozenDimensionScoreRef = builder
  .objectRef<FrozenDimension>('AssessmentDimensionScore')
  .implement({
    description: 'One dimension’s subtotal as frozen at publication.',
    fields: (t) => ({
      dimensionId: t.int({ resolve: (d) => d.d }),
      points: t.field({ type: 'Decimal', resolve: (d) => d.p }),
      lost: t.field({ type: 'Decimal', resolve: (d) => d.l }),
    }),
  })

builder.prismaObject('Assessment', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    roundId: t.exposeInt('roundId'),
    round: t.relation('round'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    areaId: t.exposeInt('areaId'),
    area: t.relation('area'),
    schemeId: t.exposeInt('schemeId'),
    scheme: t.relation('scheme', {
      description: 'The scheme revision pinned when the round started.',
    }),
    category: t.expose('category', { type: OrgCategoryEnum }),
    unitType: t.expose('unitType', { type: UnitTypeEnum }),
    status: t.expose('status', { type: AssessmentStatusEnum }),
    baseScore: t.expose('baseScore', {
      type: 'Decimal',
      nullable: true,
      description: 'Frozen at publication.',
    }),
    bonusScore: t.expose('bonusScore', { type: 'Decimal', nullable: true }),
    totalScore: t.expose('totalScore', { type: 'Decimal', nullable: true }),
    rank: t.exposeInt('rank', { nullable: true }),
    listMark: t.expose('listMark', { type: ListMarkEnum, nullable: true }),
    frozenAt: t.expose('frozenAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    updatedBy: t.relation('updatedBy', { nullable: true }),
    inputs: t.relation('inputs', {
      description: 'The inspector’s inputs: only the indicators filled in.',
      query: { orderBy: { indicatorId: 'asc' } },
    }),
    indicatorPoints: t.field({
      type: [FrozenIndicatorPointsRef],
      nullable: true,
      description:
        'Every scheme indicator’s points frozen at publication, by indicator id; null before.',
      select: { indicatorPoints: { select: { points: true } } },
      resolve: (assessment) => {
        const points = readFrozenPoints(assessment.indicatorPoints?.points)
        if (!points) return null
        return Object.entries(points)
          .map(([id, value]) => ({ indicatorId: Number(id), points: value }))
          .sort((a, b) => a.indicatorId - b.indicatorId)
      },
    }),
    dimensionScores: t.field({
      type: [FrozenDimensionScoreRef],
      description: 'The dimension subtotals frozen at publication, by dimension id; empty before.',
      select: { indicatorPoints: { select: { dimensions: true } } },
      resolve: (assessment) =>
        [...readFrozenDimensions(assessment.indicatorPoints?.dimensions)].sort((a, b) => a.d - b.d),
    }),
    findings: t.relation('findings', { query: { orderBy: { id: 'asc' } } }),
    score: t.field({
      type: AssessmentScoreRef,
      description:
        'Live score: while the round runs every finding except WITHDRAWN counts (worst case until reconciled); once published only CONFIRMED and UPHELD, which equals the frozen figures.',
      resolve: (assessment, _args, ctx) => scoreOf(ctx, assessment.id),
    }),
  }),
})

builder.prismaObject('IndicatorInput', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    indicatorId: t.exposeInt('indicatorId'),
    indicator: t.relation('indicator'),
    ratingLevel: t.exposeString('ratingLevel', { nullable: true }),
    quantityValue: t.expose('quantityValue', { type: 'Decimal', nullable: true }),
    bonusPoints: t.expose('bonusPoints', { type: 'Decimal', nullable: true }),
    points: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Frozen at publication.',
      deprecationReason:
        'Inputs exist only for the indicators the inspector filled in; read Assessment.indicatorPoints.',
      select: { assessment: { select: { indicatorPoints: { select: { points: true } } } } },
      resolve: (input) =>
        readFrozenPoints(input.assessment.indicatorPoints?.points)?.[String(input.indicatorId)] ??
        null,
    }),
    note: t.exposeString('note', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
})

interface RankingRow {
  assessmentId: number
  org: Prisma.OrganizationGetPayload<object>
  category: 'I' | 'II' | 'III'
  baseScore: Prisma.Decimal | null
  totalScore: Prisma.Decimal | null
  rank: number | null
  listMark: 'RED' | 'BLUE' | null
}

const RankingRowRef = builder.objectRef<RankingRow>('RankingRow').implement({
  description: 'One org in a published round’s ranking: public to every signed-in user.',
  fields: (t) => ({
    assessmentId: t.exposeInt('assessmentId'),
    org: t.field({ type: OrganizationRef, resolve: (r) => r.org }),
    category: t.field({ type: OrgCategoryEnum, resolve: (r) => r.category }),
    baseScore: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.baseScore }),
    totalScore: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.totalScore }),
    rank: t.exposeInt('rank', { nullable: true }),
    listMark: t.field({ type: ListMarkEnum, nullable: true, resolve: (r) => r.listMark }),
  }),
})

const InputValue = builder.inputType('IndicatorInputValue', {
  fields: (t) => ({
    indicatorId: t.int(),
    ratingLevel: t.string({ required: false }),
    quantityValue: t.field({ type: 'Decimal', required: false }),
    bonusPoints: t.field({ type: 'Decimal', required: false }),
    note: t.string({ required: false }),
  }),
})

builder.queryFields((t) => ({
  assessments: t.prismaField({
    type: ['Assessment'],
    description: 'Assessments of a round within the caller’s scope.',
    authScopes: { loggedIn: true },
    args: {
      roundId: t.arg.int(),
      areaId: t.arg.int({ required: false }),
      orgId: t.arg.int({ required: false }),
      category: t.arg({ type: OrgCategoryEnum, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.assessment.findMany({
        ...query,
        where: {
          AND: [
            assessmentWhere(scope),
            {
              roundId: args.roundId,
              ...(args.areaId ? { areaId: args.areaId } : {}),
              ...(args.orgId ? { orgId: args.orgId } : {}),
              ...(args.category ? { category: args.category } : {}),
            },
          ],
        },
        orderBy: [
          { areaId: 'asc' },
          { category: 'asc' },
          { org: { sortOrder: 'asc' } },
          { id: 'asc' },
        ],
      })
    },
  }),
  assessment: t.prismaField({
    type: 'Assessment',
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.assessment.findFirst({
        ...query,
        where: { AND: [{ id: args.id }, assessmentWhere(scope)] },
      })
    },
  }),
  roundRanking: t.field({
    type: [RankingRowRef],
    description:
      'Published ranking of a round in one area, by category then rank (empty before publication).',
    authScopes: { loggedIn: true },
    args: { roundId: t.arg.int(), areaId: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.prisma.assessment.findMany({
        where: {
          roundId: args.roundId,
          areaId: args.areaId,
          round: { status: { in: PUBLISHED_ROUND_STATUSES } },
        },
        include: { org: true },
        orderBy: [{ category: 'asc' }, { rank: 'asc' }, { org: { sortOrder: 'asc' } }],
      })
      return rows.map((a) => ({
        assessmentId: a.id,
        org: a.org,
        category: a.category,
        baseScore: a.baseScore,
        totalScore: a.totalScore,
        rank: a.rank,
        listMark: a.listMark,
      }))
    },
  }),
}))

builder.mutationFields((t) => ({
  saveAssessmentInputs: t.prismaField({
    type: 'Assessment',
    description:
      'Saves indicator inputs under the optimistic lock: `version` is the one the form was loaded with; a stale save gets ConflictError carrying the current inputs and nothing is written. Select `score` for the live result.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: {
      assessmentId: t.arg.int(),
      version: t.arg.int(),
      inputs: t.arg({ type: [InputValue] }),
    },
    resolve: async (query, _root, args, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.saveAssessmentInputs(tx, actor, {
          assessmentId: args.assessmentId,
          version: args.version,
          inputs: args.inputs.map((i) => ({
            indicatorId: i.indicatorId,
            ratingLevel: i.ratingLevel,
            quantityValue: i.quantityValue?.toFixed() ?? null,
            bonusPoints: i.bonusPoints?.toFixed() ?? null,
            note: i.note,
          })),
        }),
      )
      return ctx.prisma.assessment.findUniqueOrThrow({ ...query, where: { id: args.assessmentId } })
    },
  }),
  submitAssessment: t.prismaField({
    type: 'Assessment',
    description: 'Marks the assessment finished (every applicable rated indicator needs a value).',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: { assessmentId: t.arg.int(), version: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.submitAssessment(tx, actor, args))
      return ctx.prisma.assessment.findUniqueOrThrow({ ...query, where: { id: args.assessmentId } })
    },
  }),
  reopenAssessment: t.prismaField({
    type: 'Assessment',
    description: 'Takes a submitted assessment back for corrections while the round is inspecting.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: {
      assessmentId: t.arg.int(),
      version: t.arg.int(),
      reason: t.arg.string({ required: false, description: 'Why it is reopened; kept in the audit log.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      await inTx(ctx, (tx, actor) => wf.reopenAssessment(tx, actor, args))
      return ctx.prisma.assessment.findUniqueOrThrow({ ...query, where: { id: args.assessmentId } })
    },
  }),
}))
