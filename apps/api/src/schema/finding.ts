import { findingWhere } from '../access'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { CheckMethodEnum, ReconciliationActionEnum, ReconciliationStatusEnum } from './enums'
import { inTx, inTxRemovingFiles, scopeOf } from './round-context'
import { PAGES, pageOf } from '../cost'

/**
 * Findings (问题, R7): recorded by the assigned inspectors while the round is inspecting, each with
 * indicator, problem category, description, check method, deduction, evidence and the repeat flag
 * (same org and problem category in the previous round). A branch sees its own findings once the
 * round reaches RECONCILING.
 */

export const FindingRef = builder.prismaObject('Finding', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    roundId: t.exposeInt('roundId'),
    round: t.relation('round'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    areaId: t.exposeInt('areaId'),
    area: t.relation('area'),
    assessmentId: t.exposeInt('assessmentId'),
    indicatorId: t.exposeInt('indicatorId'),
    indicator: t.relation('indicator'),
    indicatorName: t.string({
      select: { indicator: { select: { name: true } } },
      resolve: (f) => f.indicator.name,
    }),
    indicatorCode: t.string({
      select: { indicator: { select: { code: true } } },
      resolve: (f) => f.indicator.code,
    }),
    problemCategoryId: t.exposeInt('problemCategoryId'),
    problemCategory: t.relation('problemCategory'),
    feedbackFormId: t.exposeInt('feedbackFormId', { nullable: true }),
    feedbackForm: t.relation('feedbackForm', { nullable: true }),
    description: t.exposeString('description'),
    checkMethod: t.expose('checkMethod', { type: CheckMethodEnum }),
    deduction: t.expose('deduction', { type: 'Decimal' }),
    isRepeat: t.exposeBoolean('isRepeat', {
      description: '屡查屡犯: same org and problem category last round.',
    }),
    reconciliationStatus: t.expose('reconciliationStatus', { type: ReconciliationStatusEnum }),
    reconciliations: t.relation('reconciliations', { query: { orderBy: { id: 'asc' } } }),
    evidence: t.relation('evidence', { query: { orderBy: { id: 'asc' } } }),
    rectificationId: t.int({
      nullable: true,
      select: { rectification: { select: { id: true } } },
      resolve: (f) => f.rectification?.id ?? null,
    }),
    version: t.exposeInt('version'),
    createdBy: t.relation('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
})

builder.prismaObject('ReconciliationRecord', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    action: t.expose('action', { type: ReconciliationActionEnum }),
    reason: t.exposeString('reason'),
    actor: t.relation('actor', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
})

const FindingInput = builder.inputType('FindingInput', {
  fields: (t) => ({
    indicatorId: t.int(),
    problemCategoryId: t.int(),
    description: t.string(),
    checkMethod: t.field({ type: CheckMethodEnum }),
    deduction: t.field({
      type: 'Decimal',
      required: false,
      description: 'Defaults to the indicator’s suggestion.',
    }),
    feedbackFormId: t.int({ required: false }),
  }),
})

const FindingPatch = builder.inputType('FindingPatch', {
  fields: (t) => ({
    indicatorId: t.int({ required: false }),
    problemCategoryId: t.int({ required: false }),
    description: t.string({ required: false }),
    checkMethod: t.field({ type: CheckMethodEnum, required: false }),
    deduction: t.field({ type: 'Decimal', required: false }),
    feedbackFormId: t.int({ required: false }),
    clearFeedbackForm: t.boolean({ required: false }),
  }),
})

const FINDINGS_PAGE = PAGES['Query.findings']
if (!FINDINGS_PAGE) throw new Error('the page bounds of Query.findings are missing')

builder.queryFields((t) => ({
  findings: t.prismaField({
    type: ['Finding'],
    description: `Findings within the caller’s scope, filtered; newest round first, a page of \`limit\` (default and max ${FINDINGS_PAGE.maxLimit}) from \`offset\`.`,
    authScopes: { loggedIn: true },
    args: {
      limit: t.arg.int({ required: false }),
      offset: t.arg.int({ required: false }),
      roundId: t.arg.int({ required: false }),
      orgId: t.arg.int({ required: false }),
      areaId: t.arg.int({ required: false }),
      status: t.arg({ type: ReconciliationStatusEnum, required: false }),
      problemCategoryId: t.arg.int({ required: false }),
      repeatOnly: t.arg.boolean({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.finding.findMany({
        ...query,
        where: {
          AND: [
            findingWhere(scope),
            {
              ...(args.roundId ? { roundId: args.roundId } : {}),
              ...(args.orgId ? { orgId: args.orgId } : {}),
              ...(args.areaId ? { areaId: args.areaId } : {}),
              ...(args.status ? { reconciliationStatus: args.status } : {}),
              ...(args.problemCategoryId ? { problemCategoryId: args.problemCategoryId } : {}),
              ...(args.repeatOnly ? { isRepeat: true } : {}),
            },
          ],
        },
        orderBy: [{ roundId: 'desc' }, { orgId: 'asc' }, { id: 'asc' }],
        ...pageOf('Query.findings', args),
      })
    },
  }),
  finding: t.prismaField({
    type: 'Finding',
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.finding.findFirst({
        ...query,
        where: { AND: [{ id: args.id }, findingWhere(scope)] },
      })
    },
  }),
}))

builder.mutationFields((t) => ({
  createFinding: t.prismaField({
    type: 'Finding',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: { assessmentId: t.arg.int(), input: t.arg({ type: FindingInput }) },
    resolve: async (query, _root, { assessmentId, input }, ctx) => {
      const finding = await inTx(ctx, (tx, actor) =>
        wf.createFinding(tx, actor, {
          assessmentId,
          ...input,
          deduction: input.deduction?.toFixed() ?? null,
        }),
      )
      return ctx.prisma.finding.findUniqueOrThrow({ ...query, where: { id: finding.id } })
    },
  }),
  updateFinding: t.prismaField({
    type: 'Finding',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: FindingPatch }) },
    resolve: async (query, _root, { id, version, input }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.updateFinding(tx, actor, {
          findingId: id,
          version,
          indicatorId: input.indicatorId ?? undefined,
          problemCategoryId: input.problemCategoryId ?? undefined,
          description: input.description ?? undefined,
          checkMethod: input.checkMethod ?? undefined,
          deduction: input.deduction?.toFixed() ?? undefined,
          feedbackFormId: input.clearFeedbackForm ? null : (input.feedbackFormId ?? undefined),
        }),
      )
      return ctx.prisma.finding.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  deleteFinding: t.boolean({
    authScopes: { admin: true, inspector: true },
    errors: { directResult: false },
    args: { id: t.arg.int(), version: t.arg.int() },
    resolve: async (_root, { id, version }, ctx) => {
      await inTxRemovingFiles(ctx, async (tx, actor) => {
        const { removedFiles } = await wf.deleteFinding(tx, actor, { findingId: id, version })
        return { result: true, removedFiles }
      })
      return true
    },
  }),
}))
