import { insightSentence, type Insight } from '@redblue/scoring'
import { actorOf } from '../access'
import { builder } from '../builder'
import { roundInsightsFor, type RoundInsights } from '../services/insights'
import { OrgCategoryEnum } from './enums'
import { nowOf } from './round-context'

/**
 * R13 数据研判: the insights of a published round and area (services/insights). Each names its
 * subjects, its figures (exact two-decimal strings; counts as integer strings), a sentence in
 * Chinese and English, and the ids to drill down to: assessments (drill-down), findings,
 * rectification items (ledger) and rounds (trend).
 */

const InsightKindEnum = builder.enumType('InsightKind', {
  values: [
    'PROBLEM_CONCENTRATION',
    'NEW_PROBLEM_CATEGORY',
    'DECLINING_ORG',
    'NEWLY_BLUE',
    'BLUE_AGAIN',
    'WEAK_DIMENSION',
    'ORG_WEAK_DIMENSION',
    'REPEAT_AFTER_VERIFICATION',
    'CLOSE_OUT_RATE',
    'OVERDUE_BY_ORG',
    'OVERDUE_BY_TEAM',
    'CARRIED_OVER',
    'TEAM_INCONSISTENCY',
  ] as const,
})

const InsightSeverityEnum = builder.enumType('InsightSeverity', {
  description: 'WARNING: someone should act; NOTICE: worth a look; INFO: context.',
  values: ['WARNING', 'NOTICE', 'INFO'] as const,
})

interface Subject {
  id: string | number
  name: string
}

const InsightSubjectRef = builder.objectRef<Subject>('InsightSubject').implement({
  description: 'An org, problem category, dimension or inspection team an insight names (name as at publication).',
  fields: (t) => ({
    id: t.int({ resolve: (s) => Number(s.id) }),
    name: t.exposeString('name'),
  }),
})

const InsightFigureRef = builder.objectRef<{ name: string; value: string }>('InsightFigure').implement({
  description: 'A named figure: a two-decimal string for scores and percents, an integer string for counts.',
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
})

const ids = (xs: readonly (string | number)[]) => xs.map(Number)

const InsightRef = builder.objectRef<Insight>('Insight').implement({
  fields: (t) => ({
    kind: t.field({ type: InsightKindEnum, resolve: (x) => x.kind }),
    severity: t.field({ type: InsightSeverityEnum, resolve: (x) => x.severity }),
    category: t.field({ type: OrgCategoryEnum, nullable: true, resolve: (x) => x.category }),
    orgs: t.field({ type: [InsightSubjectRef], resolve: (x) => x.orgs }),
    problemCategories: t.field({ type: [InsightSubjectRef], resolve: (x) => x.problemCategories }),
    dimensions: t.field({ type: [InsightSubjectRef], resolve: (x) => x.dimensions }),
    teams: t.field({ type: [InsightSubjectRef], resolve: (x) => x.teams }),
    figures: t.field({
      type: [InsightFigureRef],
      description: 'By name (stored insights come back from JSONB with their keys reordered).',
      resolve: (x) =>
        Object.entries(x.figures)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([name, value]) => ({ name, value })),
    }),
    sentence: t.string({ description: 'The insight in one Chinese sentence.', resolve: (x) => insightSentence(x, 'zh') }),
    sentenceEn: t.string({ description: 'The insight in one English sentence.', resolve: (x) => insightSentence(x, 'en') }),
    assessmentIds: t.intList({ resolve: (x) => ids(x.assessmentIds) }),
    findingIds: t.intList({ resolve: (x) => ids(x.findingIds) }),
    rectificationIds: t.intList({ resolve: (x) => ids(x.rectificationIds) }),
    roundIds: t.intList({ resolve: (x) => ids(x.roundIds) }),
  }),
})

const RoundInsightsRef = builder.objectRef<RoundInsights>('RoundInsights').implement({
  fields: (t) => ({
    roundId: t.exposeInt('roundId'),
    areaId: t.exposeInt('areaId'),
    storedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the insights were stored at publication; null when computed on read (rounds published before).',
      resolve: (r) => r.storedAt,
    }),
    category: t.field({ type: OrgCategoryEnum, nullable: true, description: 'myRoundInsights: the org’s category.', resolve: (r) => r.category }),
    items: t.field({ type: [InsightRef], description: 'Warnings first.', resolve: (r) => r.items }),
  }),
})

builder.queryFields((t) => ({
  roundInsights: t.field({
    type: RoundInsightsRef,
    description: 'Every insight (数据研判) of a published round and area, warnings first.',
    authScopes: { admin: true, leader: true },
    args: { roundId: t.arg.int({ required: true }), areaId: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) =>
      roundInsightsFor(ctx.prisma, actorOf(ctx), { roundId: args.roundId, areaId: args.areaId, now: nowOf(ctx) }),
  }),
  myRoundInsights: t.field({
    type: RoundInsightsRef,
    description: 'The insights about the signed-in branch’s own org, and the weak dimensions of its category.',
    authScopes: { branch: true },
    args: { roundId: t.arg.int({ required: true }), areaId: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) =>
      roundInsightsFor(ctx.prisma, actorOf(ctx), { roundId: args.roundId, areaId: args.areaId, now: nowOf(ctx) }),
  }),
}))
