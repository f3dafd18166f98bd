import { Decimal, type OrgCategory, type Prisma, type RuleSet } from '@redblue/db'
import { DEFAULT_RULE_SET, type DecimalInput } from '@redblue/scoring'
import { z } from 'zod'
import { auditAs } from '../audit'
import { builder } from '../builder'
import { ConflictError, ValidationError } from '../errors'
import { assertFound, assertVersion, updateVersioned } from '../optimistic'
import { rulesFor } from '../services/workflow/rules'
import { parseInput } from '../validation'
import { OrgCategoryEnum } from './enums'
import { InspectionRoundRef } from './round'

/**
 * Yearly parameters of R4 (red/blue lists), R5 (performance adjustments), R8 (deadlines, warning)
 * and R10 (annual weights). A year without a stored rule set inherits the latest earlier year's,
 * else the engine's DEFAULT_RULE_SET (see rulesFor); `saveRuleSet` stores the year's own.
 */

interface AnnualComponent {
  code: string
  name: string
  weight: string
}

const AnnualComponentRef = builder.objectRef<AnnualComponent>('AnnualComponent').implement({
  description: 'An admin-entered part of the annual score besides the quarterly results (R10).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    weight: t.field({ type: 'Decimal', resolve: (c) => c.weight }),
  }),
})

const annualComponentsSchema = z.array(
  z.object({
    code: z.string().trim().min(1).max(50),
    name: z.string().trim().min(1).max(100),
    weight: z.string().regex(/^\d+(\.\d{1,4})?$/),
  }),
)

function componentsOf(row: Pick<RuleSet, 'annualComponents'>): AnnualComponent[] {
  const parsed = annualComponentsSchema.safeParse(row.annualComponents)
  return parsed.success ? parsed.data : []
}

/** A stored rule set, or the defaults for a year without one (`stored: false`, version 0). */
interface RuleSetView {
  year: number
  stored: boolean
  version: number
  redCategories: OrgCategory[]
  blueLastCategories: OrgCategory[]
  baseThresholdCategories: OrgCategory[]
  baseThreshold: string
  redPoints: string
  bluePoints: string
  thresholdPoints: string
  quarterlyWeight: string
  annualComponents: AnnualComponent[]
  rectificationDays: number
  warningDays: number
  updatedAt: Date | null
}

function viewOf(row: RuleSet): RuleSetView {
  return {
    year: row.year,
    stored: true,
    version: row.version,
    redCategories: row.redCategories,
    blueLastCategories: row.blueLastCategories,
    baseThresholdCategories: row.baseThresholdCategories,
    baseThreshold: row.baseThreshold.toFixed(2),
    redPoints: row.redPoints.toFixed(2),
    bluePoints: row.bluePoints.toFixed(2),
    thresholdPoints: row.thresholdPoints.toFixed(2),
    quarterlyWeight: row.quarterlyWeight.toFixed(4),
    annualComponents: componentsOf(row),
    rectificationDays: row.rectificationDays,
    warningDays: row.warningDays,
    updatedAt: row.updatedAt,
  }
}

function decimal(value: DecimalInput): Decimal {
  return new Decimal(typeof value === 'object' ? value.toFixed() : value)
}

function defaultsFor(year: number): RuleSetView {
  const d = DEFAULT_RULE_SET
  return {
    year,
    stored: false,
    version: 0,
    redCategories: [...d.redCategories],
    blueLastCategories: [...d.blueLastCategories],
    baseThresholdCategories: [...d.baseThresholdCategories],
    baseThreshold: decimal(d.baseThreshold).toFixed(2),
    redPoints: decimal(d.redPoints).toFixed(2),
    bluePoints: decimal(d.bluePoints).toFixed(2),
    thresholdPoints: decimal(d.thresholdPoints).toFixed(2),
    quarterlyWeight: decimal(d.quarterlyWeight).toFixed(4),
    annualComponents: [],
    rectificationDays: d.rectificationDays,
    warningDays: d.warningDays,
    updatedAt: null,
  }
}

const RuleSetRef = builder.objectRef<RuleSetView>('RuleSet').implement({
  description: 'Yearly list, adjustment, deadline and annual-weight rules (R4, R5, R8, R10).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    stored: t.exposeBoolean('stored', {
      description: 'false: the defaults, not yet saved for this year.',
    }),
    version: t.exposeInt('version'),
    redCategories: t.field({ type: [OrgCategoryEnum], resolve: (r) => r.redCategories }),
    blueLastCategories: t.field({ type: [OrgCategoryEnum], resolve: (r) => r.blueLastCategories }),
    baseThresholdCategories: t.field({
      type: [OrgCategoryEnum],
      resolve: (r) => r.baseThresholdCategories,
    }),
    baseThreshold: t.field({ type: 'Decimal', resolve: (r) => r.baseThreshold }),
    redPoints: t.field({ type: 'Decimal', resolve: (r) => r.redPoints }),
    bluePoints: t.field({ type: 'Decimal', resolve: (r) => r.bluePoints }),
    thresholdPoints: t.field({ type: 'Decimal', resolve: (r) => r.thresholdPoints }),
    quarterlyWeight: t.exposeString('quarterlyWeight', {
      description:
        'Share of the mean quarterly total in the annual score, four decimals ("0.4000").',
    }),
    annualComponents: t.field({ type: [AnnualComponentRef], resolve: (r) => r.annualComponents }),
    rectificationDays: t.exposeInt('rectificationDays'),
    warningDays: t.exposeInt('warningDays'),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.updatedAt }),
  }),
})

const AnnualComponentInput = builder.inputType('AnnualComponentInput', {
  fields: (t) => ({
    code: t.string(),
    name: t.string(),
    weight: t.string({ description: 'Decimal with up to four places, e.g. "0.30".' }),
  }),
})

const RuleSetInput = builder.inputType('RuleSetInput', {
  fields: (t) => ({
    redCategories: t.field({ type: [OrgCategoryEnum] }),
    blueLastCategories: t.field({ type: [OrgCategoryEnum] }),
    baseThresholdCategories: t.field({ type: [OrgCategoryEnum] }),
    baseThreshold: t.field({ type: 'Decimal' }),
    redPoints: t.field({ type: 'Decimal' }),
    bluePoints: t.field({ type: 'Decimal' }),
    thresholdPoints: t.field({ type: 'Decimal' }),
    quarterlyWeight: t.string(),
    annualComponents: t.field({ type: [AnnualComponentInput] }),
    rectificationDays: t.int(),
    warningDays: t.int(),
  }),
})

const decimal2 = (label: string) =>
  z
    .custom<{
      toFixed(dp?: number): string
      decimalPlaces(): number
      abs(): { gt(n: number): boolean }
    }>()
    .refine((d) => d.decimalPlaces() <= 2, `${label}最多两位小数`)
    .refine((d) => !d.abs().gt(9999.99), `${label}超出范围`)

const ruleSetInputSchema = z
  .object({
    redCategories: z.array(z.enum(['I', 'II', 'III'])),
    blueLastCategories: z.array(z.enum(['I', 'II', 'III'])),
    baseThresholdCategories: z.array(z.enum(['I', 'II', 'III'])),
    baseThreshold: decimal2('分数线'),
    redPoints: decimal2('红榜加分'),
    bluePoints: decimal2('蓝榜扣分'),
    thresholdPoints: decimal2('低于分数线扣分'),
    quarterlyWeight: z
      .string()
      .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, '季度权重需在 0–1 之间，最多四位小数'),
    annualComponents: annualComponentsSchema,
    rectificationDays: z.number().int().min(1, '整改期限至少 1 天').max(365),
    warningDays: z.number().int().min(0).max(60),
  })
  .refine(
    (r) => new Set(r.annualComponents.map((c) => c.code)).size === r.annualComponents.length,
    {
      message: '年度构成项编码重复',
      path: ['annualComponents'],
    },
  )

builder.queryFields((t) => ({
  ruleSet: t.field({
    type: RuleSetRef,
    description:
      "The year's rules: the stored rule set or, if none, the latest earlier year's (or the defaults) with stored=false.",
    authScopes: { loggedIn: true },
    args: { year: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      // Resolved where everything else resolves it (rulesFor): the year's own set, else the
      // latest earlier year's, else the source's defaults.
      const { row } = await rulesFor(ctx.prisma, args.year)
      if (row?.year === args.year) return viewOf(row)
      return row
        ? { ...viewOf(row), year: args.year, stored: false, version: 0, updatedAt: null }
        : defaultsFor(args.year)
    },
  }),
  ruleSets: t.field({
    type: [RuleSetRef],
    description: 'Every stored rule set, newest year first.',
    authScopes: { loggedIn: true },
    resolve: async (_root, _args, ctx) =>
      (await ctx.prisma.ruleSet.findMany({ orderBy: { year: 'desc' } })).map(viewOf),
  }),
}))

builder.mutationField('saveRuleSet', (t) =>
  t.field({
    type: RuleSetRef,
    description: 'Creates (version 0) or updates (current version) the rule set of a year.',
    authScopes: { admin: true },
    errors: {},
    args: { year: t.arg.int(), version: t.arg.int(), input: t.arg({ type: RuleSetInput }) },
    resolve: async (_root, args, ctx) => {
      if (args.year < 2000 || args.year > 2100) {
        throw ValidationError.field(['year'], '年份需在 2000–2100 之间', 'out_of_range')
      }
      const input = parseInput(ruleSetInputSchema, args.input)
      const data = {
        redCategories: input.redCategories,
        blueLastCategories: input.blueLastCategories,
        baseThresholdCategories: input.baseThresholdCategories,
        baseThreshold: input.baseThreshold.toFixed(2),
        redPoints: input.redPoints.toFixed(2),
        bluePoints: input.bluePoints.toFixed(2),
        thresholdPoints: input.thresholdPoints.toFixed(2),
        quarterlyWeight: input.quarterlyWeight,
        annualComponents: input.annualComponents as Prisma.InputJsonValue,
        rectificationDays: input.rectificationDays,
        warningDays: input.warningDays,
      }
      const row = await ctx.prisma.$transaction(async (tx) => {
        const before = await tx.ruleSet.findUnique({ where: { year: args.year } })
        if (!before) {
          if (args.version !== 0) {
            throw new ConflictError(
              'RuleSet',
              args.year,
              null,
              0,
              '该年度规则已被删除或尚未创建，请刷新',
            )
          }
          const created = await tx.ruleSet.create({ data: { year: args.year, ...data } })
          await auditAs(ctx, tx, {
            action: 'ruleSet.save',
            entityType: 'RuleSet',
            entityId: args.year,
            after: created,
          })
          return created
        }
        assertVersion(before, args.version, 'RuleSet', args.year, viewOf)
        await updateVersioned({
          entityType: 'RuleSet',
          id: args.year,
          update: () =>
            tx.ruleSet.updateMany({
              where: { year: args.year, version: args.version },
              data: { ...data, version: { increment: 1 } },
            }),
          reload: () => tx.ruleSet.findUnique({ where: { year: args.year } }),
          snapshot: viewOf,
        })
        const after = assertFound(
          await tx.ruleSet.findUnique({ where: { year: args.year } }),
          'RuleSet',
          args.year,
        )
        await auditAs(ctx, tx, {
          action: 'ruleSet.save',
          entityType: 'RuleSet',
          entityId: args.year,
          before,
          after,
        })
        return after
      })
      return viewOf(row)
    },
  }),
)

builder.objectField(InspectionRoundRef, 'publishedRules', (t) =>
  t.field({
    type: RuleSetRef,
    nullable: true,
    description:
      'The rule values the round was published with (its notice, board, exports and interviews use these, whatever the year’s rule set says now); null before publication. `year` is the year whose stored set was copied (the round’s year when none was: the defaults).',
    resolve: async (round, _args, ctx) => {
      const recorded = await ctx.prisma.roundRuleSet.findUnique({ where: { roundId: round.id } })
      if (!recorded) return null
      return {
        ...viewOf({ ...recorded, id: 0, year: recorded.sourceYear ?? round.year, version: 0, createdAt: recorded.recordedAt, updatedAt: recorded.recordedAt, insightThresholds: null }),
        stored: recorded.sourceYear !== null,
        updatedAt: recorded.recordedAt,
      }
    },
  }),
)
