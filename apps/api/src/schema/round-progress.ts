import { actorOf } from '../access'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { AdjustmentReasonEnum, ListMarkEnum, OrgCategoryEnum, RoundStatusEnum } from './enums'
import { nowOf } from './round-context'

/** A round's progress per org and what its next step would do: the page it is run from. */

const ProgressStageEnum = builder.enumType('ProgressStage', {
  values: ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RECONCILED'] as const,
})

const RoundProgressRowRef = builder.objectRef<wf.RoundProgressRow>('RoundProgressRow').implement({
  fields: (t) => ({
    orgId: t.exposeInt('orgId'),
    orgName: t.exposeString('orgName'),
    teamId: t.exposeInt('teamId', { nullable: true }),
    teamName: t.exposeString('teamName', { nullable: true }),
    assessmentId: t.exposeInt('assessmentId', { nullable: true }),
    areaName: t.exposeString('areaName', { nullable: true }),
    stage: t.field({ type: ProgressStageEnum, resolve: (r) => r.stage }),
    findings: t.exposeInt('findings'),
    pending: t.exposeInt('pending'),
    disputed: t.exposeInt('disputed'),
  }),
})

const PreviewRankingRowRef = builder.objectRef<wf.PreviewRankingRow>('PreviewRankingRow').implement({
  fields: (t) => ({
    orgId: t.exposeInt('orgId'),
    orgName: t.exposeString('orgName'),
    areaName: t.exposeString('areaName'),
    category: t.field({ type: OrgCategoryEnum, resolve: (r) => r.category }),
    base: t.exposeString('base', { description: 'Exact decimal, two places.' }),
    total: t.exposeString('total', { description: 'Exact decimal, two places.' }),
    rank: t.exposeInt('rank', { nullable: true }),
    listMark: t.field({ type: ListMarkEnum, nullable: true, resolve: (r) => r.listMark }),
  }),
})

const PreviewAdjustmentRef = builder.objectRef<wf.PreviewAdjustment>('PreviewAdjustment').implement({
  fields: (t) => ({
    orgName: t.exposeString('orgName'),
    areaName: t.exposeString('areaName'),
    reason: t.field({ type: AdjustmentReasonEnum, resolve: (r) => r.reason }),
    points: t.exposeString('points'),
  }),
})

const PreviewOrgAreaRef = builder.objectRef<wf.PreviewOrgArea>('PreviewOrgArea').implement({
  fields: (t) => ({
    orgName: t.exposeString('orgName'),
    areaName: t.exposeString('areaName'),
  }),
})

const PreviewFindingRef = builder.objectRef<wf.PreviewFinding>('PreviewFinding').implement({
  fields: (t) => ({
    id: t.exposeInt('id'),
    orgName: t.exposeString('orgName'),
    areaName: t.exposeString('areaName'),
    description: t.exposeString('description'),
    deduction: t.exposeString('deduction'),
  }),
})

const TransitionPreviewRef = builder.objectRef<wf.TransitionPreview>('TransitionPreview').implement({
  fields: (t) => ({
    from: t.field({ type: RoundStatusEnum, resolve: (p) => p.from }),
    to: t.field({ type: RoundStatusEnum, nullable: true, resolve: (p) => p.to }),
    blockers: t.exposeStringList('blockers'),
    assessmentsOpened: t.exposeInt('assessmentsOpened'),
    ranking: t.field({ type: [PreviewRankingRowRef], resolve: (p) => p.ranking }),
    adjustments: t.field({ type: [PreviewAdjustmentRef], resolve: (p) => p.adjustments }),
    interviews: t.field({ type: [PreviewOrgAreaRef], resolve: (p) => p.interviews }),
    deemedConfirmed: t.field({ type: [PreviewFindingRef], resolve: (p) => p.deemedConfirmed }),
    rectifications: t.exposeInt('rectifications'),
  }),
})

builder.queryFields((t) => ({
  roundProgress: t.field({
    type: [RoundProgressRowRef],
    description: 'Per org (and area once inspecting): team, score-sheet stage, findings pending and disputed.',
    authScopes: { admin: true, leader: true },
    args: { roundId: t.arg.int() },
    resolve: (_root, args, ctx) => wf.roundProgress(ctx.prisma, args.roundId),
  }),
  transitionPreview: t.field({
    type: TransitionPreviewRef,
    description:
      'What the round’s next step would do, or what blocks it: the step is tried and rolled back, nothing is written.',
    authScopes: { admin: true },
    args: { roundId: t.arg.int() },
    resolve: (_root, args, ctx) => wf.previewTransition(ctx.prisma, actorOf(ctx), args.roundId, nowOf(ctx)),
  }),
}))
