import { DEFAULT_RULE_SET, chinaDate, daysBetween } from '@redblue/scoring'
import type { GraphQLResolveInfo } from 'graphql'
import { actorOf, rectificationWhere } from '../access'
import { builder } from '../builder'
import type { Context } from '../context'
import * as wf from '../services/workflow'
import { withStoredFiles } from '../uploads/storage'
import {
  RectificationEventTypeEnum,
  RectificationSourceEnum,
  RectificationStatusEnum,
} from './enums'
import { inTx, nowOf, scopeOf, warningDaysOf } from './round-context'
import { startIfAsked } from './selection'

/**
 * Rectification and rolling close-out (R8): items opened at publication (one per standing finding)
 * or by interview items; the org edits and submits progress with evidence; an inspector of the
 * org or an admin verifies (销号) or returns it. Warning colour and overdue come from the scoring
 * engine, never stored. The ledger lists every item across rounds; the look-back (next round)
 * verifies or carries over what is still open.
 */

export const WarningColourEnum = builder.enumType('WarningColour', {
  values: ['GREEN', 'YELLOW', 'RED', 'CLOSED'] as const,
})

async function warningFor(
  r: {
    deadline: Date
    status: 'OPEN' | 'SUBMITTED' | 'RETURNED' | 'CLOSED'
    round: { year: number }
  },
  ctx: Context,
) {
  const days = await warningDaysOf(ctx)
  return wf.warningOf(r, nowOf(ctx), days.get(r.round.year) ?? DEFAULT_RULE_SET.warningDays)
}

/** Fields computed from the warning days of the item's year (`warningFor`). */
const WARNING_FIELDS: ReadonlySet<string> = new Set(['colour', 'overdue', 'daysLeft'])

/**
 * For a resolver about to load items: when its selection asks for their warning colours, the rule
 * sets' warning days are asked for now, so they come with the items' relations instead of in a
 * wave of their own after them (memoized per request; `warningFor` awaits the same promise).
 */
export function prefetchWarningDays(ctx: Context, info: GraphQLResolveInfo): void {
  startIfAsked(info, WARNING_FIELDS, () => warningDaysOf(ctx))
}

export const RectificationRef = builder.prismaObject('Rectification', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    source: t.expose('source', { type: RectificationSourceEnum }),
    findingId: t.exposeInt('findingId', { nullable: true }),
    finding: t.relation('finding', { nullable: true }),
    interviewItemId: t.exposeInt('interviewItemId', { nullable: true }),
    interviewItem: t.relation('interviewItem', { nullable: true }),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    roundId: t.exposeInt('roundId'),
    round: t.relation('round'),
    problemCategoryId: t.exposeInt('problemCategoryId', { nullable: true }),
    problemCategory: t.relation('problemCategory', { nullable: true }),
    title: t.exposeString('title'),
    measure: t.exposeString('measure'),
    responsiblePerson: t.exposeString('responsiblePerson'),
    deadline: t.expose('deadline', { type: 'Date' }),
    status: t.expose('status', { type: RectificationStatusEnum }),
    carryOverCount: t.exposeInt('carryOverCount'),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    events: t.relation('events', { query: { orderBy: { id: 'asc' } } }),
    colour: t.field({
      type: WarningColourEnum,
      description: 'GREEN (> warning days left), YELLOW (≤ warning days), RED (overdue), CLOSED.',
      select: { deadline: true, status: true, round: { select: { year: true } } },
      resolve: async (r, _args, ctx) => (await warningFor(r, ctx)).colour,
    }),
    overdue: t.boolean({
      select: { deadline: true, status: true, round: { select: { year: true } } },
      resolve: async (r, _args, ctx) => (await warningFor(r, ctx)).overdue,
    }),
    daysLeft: t.int({
      description: 'Calendar days (China) to the deadline: 0 on the day, negative once past.',
      select: { deadline: true, status: true, round: { select: { year: true } } },
      resolve: async (r, _args, ctx) => (await warningFor(r, ctx)).daysLeft,
    }),
    ageDays: t.int({
      description: 'Calendar days (China) since the item was opened.',
      resolve: (r, _args, ctx) => daysBetween(chinaDate(r.createdAt), chinaDate(nowOf(ctx))),
    }),
  }),
})

builder.prismaObject('RectificationEvent', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    type: t.expose('type', { type: RectificationEventTypeEnum }),
    roundId: t.exposeInt('roundId', { nullable: true }),
    note: t.exposeString('note'),
    actor: t.relation('actor', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    evidence: t.relation('evidence', { query: { orderBy: { id: 'asc' } } }),
  }),
})

interface LedgerPage {
  ids: number[]
  total: number
}

const RectificationPage = builder.objectRef<LedgerPage>('RectificationPage').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    items: t.prismaField({
      type: ['Rectification'],
      resolve: async (query, page, _args, ctx, info) => {
        prefetchWarningDays(ctx, info)
        const rows = await ctx.prisma.rectification.findMany({
          ...query,
          where: { id: { in: page.ids } },
        })
        const order = new Map(page.ids.map((id, i) => [id, i]))
        return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      },
    }),
  }),
})

const LedgerFilter = builder.inputType('RectificationFilter', {
  fields: (t) => ({
    orgId: t.int({ required: false }),
    roundId: t.int({ required: false }),
    status: t.field({ type: RectificationStatusEnum, required: false }),
    colour: t.field({ type: WarningColourEnum, required: false }),
    problemCategoryId: t.int({ required: false }),
    source: t.field({ type: RectificationSourceEnum, required: false }),
  }),
})

const RectificationPatch = builder.inputType('RectificationPatch', {
  fields: (t) => ({
    measure: t.string({ required: false }),
    responsiblePerson: t.string({ required: false }),
    deadline: t.field({ type: 'Date', required: false }),
  }),
})

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null)

builder.queryFields((t) => ({
  rectificationLedger: t.field({
    type: RectificationPage,
    description:
      '整改台账: every item across rounds within the caller’s scope, filtered and paginated (deadline first).',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: LedgerFilter, required: false }),
      offset: t.arg.int({ required: false }),
      limit: t.arg.int({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      wf.ledger(
        ctx.prisma,
        actorOf(ctx),
        { ...args.filter, offset: args.offset, limit: args.limit },
        nowOf(ctx),
      ),
  }),
  rectification: t.prismaField({
    type: 'Rectification',
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const scope = await scopeOf(ctx)
      return ctx.prisma.rectification.findFirst({
        ...query,
        where: { AND: [{ id: args.id }, rectificationWhere(scope)] },
      })
    },
  }),
  lookBackItems: t.prismaField({
    type: ['Rectification'],
    description:
      '回头看: still-open items from earlier rounds of the orgs the caller inspects in this round.',
    authScopes: { admin: true, leader: true, inspector: true },
    args: { roundId: t.arg.int(), orgId: t.arg.int({ required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const where = await wf.lookBackWhere(ctx.prisma, actorOf(ctx), args.roundId, args.orgId)
      return ctx.prisma.rectification.findMany({
        ...query,
        where,
        orderBy: [{ orgId: 'asc' }, { deadline: 'asc' }, { id: 'asc' }],
      })
    },
  }),
}))

builder.mutationFields((t) => ({
  updateRectification: t.prismaField({
    type: 'Rectification',
    description:
      'The org (or an admin) edits measure, responsible person and deadline while the item is open or returned.',
    authScopes: { admin: true, branch: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: RectificationPatch }) },
    resolve: async (query, _root, { id, version, input }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.updateRectification(tx, actor, {
          rectificationId: id,
          version,
          measure: input.measure,
          responsiblePerson: input.responsiblePerson,
          deadline: day(input.deadline),
        }),
      )
      return ctx.prisma.rectification.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  submitRectification: t.prismaField({
    type: 'Rectification',
    description:
      'The org reports progress with evidence files (GraphQL multipart; pdf/jpg/png/docx/xlsx).',
    authScopes: { branch: true },
    errors: {},
    args: {
      id: t.arg.int(),
      version: t.arg.int(),
      note: t.arg.string(),
      files: t.arg({ type: ['Upload'], required: false }),
    },
    resolve: async (query, _root, { id, version, note, files }, ctx) => {
      await withStoredFiles(files ?? [], ctx.config.uploads, (stored) =>
        inTx(ctx, async (tx, actor) => {
          const { event } = await wf.submitRectification(tx, actor, {
            rectificationId: id,
            version,
            note,
          })
          await wf.attachRectificationEvidence(tx, actor, event.id, stored)
        }),
      )
      return ctx.prisma.rectification.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  verifyRectification: t.prismaField({
    type: 'Rectification',
    description:
      '销号: an inspector of the org or an admin verifies a submitted item and closes it.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), note: t.arg.string({ required: false }) },
    resolve: async (query, _root, { id, version, note }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.verifyRectification(tx, actor, { rectificationId: id, version, note, now: nowOf(ctx) }),
      )
      return ctx.prisma.rectification.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  returnRectification: t.prismaField({
    type: 'Rectification',
    description: 'Sends a submission back to the org with the reason.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), reason: t.arg.string() },
    resolve: async (query, _root, { id, version, reason }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.returnRectification(tx, actor, { rectificationId: id, version, reason }),
      )
      return ctx.prisma.rectification.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  lookBackVerify: t.prismaField({
    type: 'Rectification',
    description: 'Look-back: the next round’s team finds the item done and closes it.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: {
      id: t.arg.int(),
      roundId: t.arg.int(),
      version: t.arg.int(),
      note: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, { id, roundId, version, note }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.lookBackVerify(tx, actor, {
          rectificationId: id,
          roundId,
          version,
          note,
          now: nowOf(ctx),
        }),
      )
      return ctx.prisma.rectification.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  carryOverRectification: t.prismaField({
    type: 'Rectification',
    description:
      'Look-back: the item is not done; it carries over (count + 1), optionally with a new deadline.',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: {
      id: t.arg.int(),
      roundId: t.arg.int(),
      version: t.arg.int(),
      note: t.arg.string(),
      newDeadline: t.arg({ type: 'Date', required: false }),
    },
    resolve: async (query, _root, { id, roundId, version, note, newDeadline }, ctx) => {
      await inTx(ctx, (tx, actor) =>
        wf.carryOver(tx, actor, {
          rectificationId: id,
          roundId,
          version,
          note,
          newDeadline: day(newDeadline),
        }),
      )
      return ctx.prisma.rectification.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
}))
