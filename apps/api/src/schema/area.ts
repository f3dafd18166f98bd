import { z } from 'zod'
import { auditAs } from '../audit'
import { builder } from '../builder'
import { assertFound } from '../optimistic'
import { assertNoLookalike } from '../text'
import { parseInput } from '../validation'

/** Work areas (专业): 基层党建, 党风廉政, 宣传工作 — each with its own schemes and board section. */

export const AreaRef = builder.prismaObject('Area', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    sortOrder: t.exposeInt('sortOrder'),
  }),
})

const AreaInput = builder.inputType('AreaInput', {
  fields: (t) => ({
    code: t.string(),
    name: t.string(),
    sortOrder: t.int({ required: false }),
  }),
})

const areaSchema = z.object({
  code: z.string().trim().min(1, '请填写编码').max(50),
  name: z.string().trim().min(1, '请填写名称').max(50),
  sortOrder: z.number().int().nullish(),
})

builder.queryField('areas', (t) =>
  t.prismaField({
    type: ['Area'],
    authScopes: { loggedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.area.findMany({ ...query, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }),
  }),
)

builder.mutationFields((t) => ({
  createArea: t.prismaField({
    type: 'Area',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: AreaInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(areaSchema, args.input)
      const id = await ctx.prisma.$transaction(async (tx) => {
        const areas = await tx.area.findMany({ select: { id: true, code: true, name: true } })
        assertNoLookalike(areas, input, ['code', 'name'])
        const area = await tx.area.create({
          data: { code: input.code, name: input.name, sortOrder: input.sortOrder ?? 0 },
        })
        await auditAs(ctx, tx, {
          action: 'area.create',
          entityType: 'Area',
          entityId: area.id,
          after: area,
        })
        return area.id
      })
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
  // Areas have no version column: a small admin-only table where last write wins is acceptable.
  updateArea: t.prismaField({
    type: 'Area',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), input: t.arg({ type: AreaInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(areaSchema, args.input)
      await ctx.prisma.$transaction(async (tx) => {
        const before = assertFound(
          await tx.area.findUnique({ where: { id: args.id } }),
          'Area',
          args.id,
        )
        const areas = await tx.area.findMany({ select: { id: true, code: true, name: true } })
        assertNoLookalike(areas, input, ['code', 'name'], args.id)
        const after = await tx.area.update({
          where: { id: args.id },
          data: {
            code: input.code,
            name: input.name,
            sortOrder: input.sortOrder ?? before.sortOrder,
          },
        })
        await auditAs(ctx, tx, {
          action: 'area.update',
          entityType: 'Area',
          entityId: args.id,
          before,
          after,
        })
      })
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),
}))
