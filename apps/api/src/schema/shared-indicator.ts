import { Prisma, ratingLevelsOf, type RatingLevel, type SharedIndicator } from '@redblue/db'
import { z } from 'zod'
import { auditAs } from '../audit'
import { builder } from '../builder'
import { ValidationError } from '../errors'
import { assertFound, assertVersion, updateVersioned } from '../optimistic'
import { parseInput } from '../validation'
import { assertNoLookalike } from '../text'
import { ScoringMethodEnum } from './enums'
import { RatingLevelInput, RatingLevelRef } from './scheme'

/**
 * Shared indicators (the five standardizations, 五个标准化) are defined once per (year, area) and
 * linked from each category's scheme, where only placement and max points differ. Editing one
 * updates its definition in every linked DRAFT scheme (bumping their versions, so an editor open on
 * such a draft gets a ConflictError instead of overwriting it); published schemes never change —
 * `linkedIndicators` shows which of them would need a revision.
 */

export const SharedIndicatorRef = builder.prismaObject('SharedIndicator', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    year: t.exposeInt('year'),
    areaId: t.exposeInt('areaId'),
    area: t.relation('area'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    evaluationStandard: t.exposeString('evaluationStandard'),
    scoringGuide: t.exposeString('scoringGuide'),
    method: t.expose('method', { type: ScoringMethodEnum }),
    ratingLevels: t.field({
      type: [RatingLevelRef],
      nullable: true,
      select: { ratingLevels: true },
      resolve: (s) => ratingLevelsOf(s.ratingLevels),
    }),
    version: t.exposeInt('version'),
    linkedIndicators: t.relation('indicators', {
      description: "The indicators in each category's schemes that use this definition.",
      query: { orderBy: [{ schemeId: 'asc' }] },
    }),
  }),
})

const SharedIndicatorInput = builder.inputType('SharedIndicatorInput', {
  fields: (t) => ({
    code: t.string(),
    name: t.string(),
    evaluationStandard: t.string({ required: false }),
    scoringGuide: t.string({ required: false }),
    method: t.field({ type: ScoringMethodEnum }),
    ratingLevels: t.field({ type: [RatingLevelInput], required: false }),
  }),
})

const inputSchema = z.object({
  code: z.string().trim().min(1, '请填写编码').max(50),
  name: z.string().trim().min(1, '请填写名称').max(200),
  evaluationStandard: z.string().max(5000).nullish(),
  scoringGuide: z.string().max(5000).nullish(),
  method: z.enum(['DEDUCTION', 'RATING', 'QUANTITY', 'BONUS']),
  ratingLevels: z
    .array(z.object({ label: z.string().trim().min(1), percent: z.custom<Prisma.Decimal>() }))
    .max(10, '评价等级最多 10 个')
    .nullish(),
})

function definitionData(input: z.output<typeof inputSchema>) {
  const levels: RatingLevel[] | null =
    input.ratingLevels?.map((l) => ({ label: l.label, percent: l.percent.toFixed() })) ?? null
  return {
    code: input.code,
    name: input.name,
    evaluationStandard: input.evaluationStandard ?? '',
    scoringGuide: input.scoringGuide ?? '',
    method: input.method,
    ratingLevels: levels ? (levels as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
  }
}

builder.queryField('sharedIndicators', (t) =>
  t.prismaField({
    type: ['SharedIndicator'],
    authScopes: { loggedIn: true },
    args: { year: t.arg.int(), areaId: t.arg.int({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.sharedIndicator.findMany({
        ...query,
        where: { year: args.year, ...(args.areaId != null ? { areaId: args.areaId } : {}) },
        orderBy: [{ areaId: 'asc' }, { code: 'asc' }],
      }),
  }),
)

/**
 * The shared definitions of one year and area, to refuse a code or name that looks like another's
 * (they are picked from one list in the scheme editor).
 */
function sharedNames(tx: Prisma.TransactionClient, year: number, areaId: number) {
  return tx.sharedIndicator.findMany({
    where: { year, areaId },
    select: { id: true, code: true, name: true },
  })
}

builder.mutationFields((t) => ({
  createSharedIndicator: t.prismaField({
    type: 'SharedIndicator',
    authScopes: { admin: true },
    errors: {},
    args: { year: t.arg.int(), areaId: t.arg.int(), input: t.arg({ type: SharedIndicatorInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(inputSchema, args.input)
      if (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100) {
        throw ValidationError.field(['year'], '年份需在 2000–2100 之间', 'out_of_range')
      }
      const id = await ctx.prisma.$transaction(async (tx) => {
        if (!(await tx.area.findUnique({ where: { id: args.areaId } }))) {
          throw ValidationError.field(['areaId'], '专业不存在', 'not_found')
        }
        assertNoLookalike(await sharedNames(tx, args.year, args.areaId), input, ['code', 'name'])
        const created = await tx.sharedIndicator.create({
          data: { year: args.year, areaId: args.areaId, ...definitionData(input) },
        })
        await auditAs(ctx, tx, {
          action: 'sharedIndicator.create',
          entityType: 'SharedIndicator',
          entityId: created.id,
          after: created,
        })
        return created.id
      })
      return ctx.prisma.sharedIndicator.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),

  updateSharedIndicator: t.prismaField({
    type: 'SharedIndicator',
    description:
      'Edits the shared definition once; every linked indicator in a DRAFT scheme follows. Published schemes keep theirs until revised.',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: SharedIndicatorInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(inputSchema, args.input)
      const data = definitionData(input)
      await ctx.prisma.$transaction(async (tx) => {
        const before: SharedIndicator = assertFound(
          await tx.sharedIndicator.findUnique({ where: { id: args.id } }),
          'SharedIndicator',
          args.id,
        )
        assertVersion(before, args.version, 'SharedIndicator', args.id)
        assertNoLookalike(
          await sharedNames(tx, before.year, before.areaId),
          input,
          ['code', 'name'],
          args.id,
        )
        await updateVersioned({
          entityType: 'SharedIndicator',
          id: args.id,
          update: () =>
            tx.sharedIndicator.updateMany({
              where: { id: args.id, version: args.version },
              data: { ...data, version: { increment: 1 } },
            }),
          reload: () => tx.sharedIndicator.findUnique({ where: { id: args.id } }),
        })

        const linked = await tx.indicator.findMany({
          where: { sharedIndicatorId: args.id, scheme: { status: 'DRAFT' } },
          select: { id: true, schemeId: true, code: true },
        })
        for (const indicator of linked) {
          if (input.code !== indicator.code) {
            const clash = await tx.indicator.findFirst({
              where: { schemeId: indicator.schemeId, code: input.code, id: { not: indicator.id } },
              select: { id: true },
            })
            if (clash) {
              throw ValidationError.field(
                ['input', 'code'],
                `方案 ${indicator.schemeId} 中已有编码为 ${input.code} 的指标`,
                'duplicate',
              )
            }
          }
          await tx.indicator.update({ where: { id: indicator.id }, data })
        }
        const schemeIds = [...new Set(linked.map((i) => i.schemeId))]
        if (schemeIds.length) {
          await tx.scheme.updateMany({
            where: { id: { in: schemeIds } },
            data: { version: { increment: 1 } },
          })
        }
        const after = await tx.sharedIndicator.findUniqueOrThrow({ where: { id: args.id } })
        await auditAs(ctx, tx, {
          action: 'sharedIndicator.update',
          entityType: 'SharedIndicator',
          entityId: args.id,
          before,
          after: { ...after, propagatedToSchemes: schemeIds },
        })
      })
      return ctx.prisma.sharedIndicator.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),

  deleteSharedIndicator: t.boolean({
    description: 'Deletes a shared indicator no scheme links to.',
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { id: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      await ctx.prisma.$transaction(async (tx) => {
        const before = assertFound(
          await tx.sharedIndicator.findUnique({
            where: { id: args.id },
            include: { _count: { select: { indicators: true } } },
          }),
          'SharedIndicator',
          args.id,
        )
        const { _count, ...row } = before
        if (_count.indicators > 0) {
          throw ValidationError.field(['id'], '仍有方案引用该共享指标，不能删除', 'in_use')
        }
        await tx.sharedIndicator.delete({ where: { id: args.id } })
        await auditAs(ctx, tx, {
          action: 'sharedIndicator.delete',
          entityType: 'SharedIndicator',
          entityId: args.id,
          before: row,
        })
      })
      return true
    },
  }),
}))
