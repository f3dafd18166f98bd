import type { Prisma } from '@redblue/db'
import { z } from 'zod'
import { auditAs } from '../audit'
import { builder } from '../builder'
import { assertFound, assertVersion, updateVersioned } from '../optimistic'
import { assertNoLookalike } from '../text'
import { parseInput } from '../validation'

/**
 * Problem categories (问题类别, ~33 in the source) that findings are filed under. Deactivate rather
 * than delete: past findings keep pointing at them.
 */

export const ProblemCategoryRef = builder.prismaObject('ProblemCategory', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    sortOrder: t.exposeInt('sortOrder'),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version'),
  }),
})

const ProblemCategoryInput = builder.inputType('ProblemCategoryInput', {
  fields: (t) => ({
    code: t.string(),
    name: t.string(),
    description: t.string({ required: false }),
    sortOrder: t.int({ required: false }),
    active: t.boolean({ required: false }),
  }),
})

const inputSchema = z.object({
  code: z.string().trim().min(1, '请填写编码').max(50),
  name: z.string().trim().min(1, '请填写名称').max(100),
  description: z.string().trim().max(2000).nullish(),
  sortOrder: z.number().int().nullish(),
  active: z.boolean().nullish(),
})

builder.queryField('problemCategories', (t) =>
  t.prismaField({
    type: ['ProblemCategory'],
    authScopes: { loggedIn: true },
    args: { includeInactive: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.ProblemCategoryWhereInput = args.includeInactive ? {} : { active: true }
      return ctx.prisma.problemCategory.findMany({
        ...query,
        where,
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      })
    },
  }),
)

builder.mutationFields((t) => ({
  createProblemCategory: t.prismaField({
    type: 'ProblemCategory',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: ProblemCategoryInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(inputSchema, args.input)
      const id = await ctx.prisma.$transaction(async (tx) => {
        const categories = await tx.problemCategory.findMany({
          select: { id: true, code: true, name: true },
        })
        assertNoLookalike(categories, input, ['code', 'name'])
        const created = await tx.problemCategory.create({
          data: {
            code: input.code,
            name: input.name,
            description: input.description ?? '',
            sortOrder: input.sortOrder ?? 0,
            active: input.active ?? true,
          },
        })
        await auditAs(ctx, tx, {
          action: 'problemCategory.create',
          entityType: 'ProblemCategory',
          entityId: created.id,
          after: created,
        })
        return created.id
      })
      return ctx.prisma.problemCategory.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  updateProblemCategory: t.prismaField({
    type: 'ProblemCategory',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: ProblemCategoryInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(inputSchema, args.input)
      await ctx.prisma.$transaction(async (tx) => {
        const before = assertFound(
          await tx.problemCategory.findUnique({ where: { id: args.id } }),
          'ProblemCategory',
          args.id,
        )
        assertVersion(before, args.version, 'ProblemCategory', args.id)
        const categories = await tx.problemCategory.findMany({
          select: { id: true, code: true, name: true },
        })
        assertNoLookalike(categories, input, ['code', 'name'], args.id)
        await updateVersioned({
          entityType: 'ProblemCategory',
          id: args.id,
          update: () =>
            tx.problemCategory.updateMany({
              where: { id: args.id, version: args.version },
              data: {
                code: input.code,
                name: input.name,
                description: input.description ?? before.description,
                sortOrder: input.sortOrder ?? before.sortOrder,
                active: input.active ?? before.active,
                version: { increment: 1 },
              },
            }),
          reload: () => tx.problemCategory.findUnique({ where: { id: args.id } }),
        })
        const after = await tx.problemCategory.findUniqueOrThrow({ where: { id: args.id } })
        await auditAs(ctx, tx, {
          action: 'problemCategory.update',
          entityType: 'ProblemCategory',
          entityId: args.id,
          before,
          after,
        })
      })
      return ctx.prisma.problemCategory.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),
}))
