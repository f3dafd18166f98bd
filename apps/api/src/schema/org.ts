import type { Organization, Prisma } from '@redblue/db'
import { z } from 'zod'
import { auditAs } from '../audit'
import { builder } from '../builder'
import type { Db } from '../context'
import { ValidationError } from '../errors'
import { assertFound, assertVersion, updateVersioned } from '../optimistic'
import { assertNoLookalike } from '../text'
import { parseInput } from '../validation'
import { OrgCategoryEnum, UnitTypeEnum } from './enums'

/**
 * Organizations (党组织) form a tree: party committee → general branches → branches. The list is
 * readable by every signed-in user (names appear in public rankings); only admins change it.
 * Non-public data hanging off an org (findings, scores, ...) is scoped in those domains' queries.
 */

export const OrganizationRef = builder.prismaObject('Organization', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName', { nullable: true }),
    unitType: t.expose('unitType', { type: UnitTypeEnum }),
    parentId: t.exposeInt('parentId', { nullable: true }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', {
      query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
    }),
    assessed: t.exposeBoolean('assessed'),
    active: t.exposeBoolean('active'),
    sortOrder: t.exposeInt('sortOrder'),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    category: t.field({
      type: OrgCategoryEnum,
      nullable: true,
      description: "The org's category (I/II/III) in the given year, if assigned.",
      args: { year: t.arg.int() },
      // Selected through the parent query, so a list of orgs still costs one extra statement.
      select: (args) => ({
        categoryAssignments: { where: { year: args.year }, select: { category: true } },
      }),
      resolve: (org) => org.categoryAssignments[0]?.category ?? null,
    }),
  }),
})

export function orgSnapshot(org: Organization) {
  return org
}

const OrgInput = builder.inputType('OrgInput', {
  fields: (t) => ({
    code: t.string(),
    name: t.string(),
    shortName: t.string({ required: false }),
    unitType: t.field({ type: UnitTypeEnum }),
    parentId: t.int({ required: false }),
    assessed: t.boolean({ required: false }),
    active: t.boolean({ required: false }),
    sortOrder: t.int({ required: false }),
  }),
})

const orgInputSchema = z.object({
  code: z.string().trim().min(1, '请填写编码').max(50),
  name: z.string().trim().min(1, '请填写名称').max(100),
  shortName: z.string().trim().max(50).nullish(),
  unitType: z.enum(['GRASSROOTS', 'HEADQUARTERS']),
  parentId: z.number().int().positive().nullish(),
  assessed: z.boolean().nullish(),
  active: z.boolean().nullish(),
  sortOrder: z.number().int().nullish(),
})

/** Refuses a parent that does not exist or that sits below the org itself (a cycle). */
async function checkParent(db: Db, orgId: number | null, parentId: number | null | undefined) {
  if (!parentId) return
  if (parentId === orgId)
    throw ValidationError.field(['input', 'parentId'], '上级组织不能是自身', 'cycle')
  const all = await db.organization.findMany({ select: { id: true, parentId: true } })
  const parentOf = new Map(all.map((o) => [o.id, o.parentId]))
  if (!parentOf.has(parentId))
    throw ValidationError.field(['input', 'parentId'], '上级组织不存在', 'not_found')
  for (
    let at: number | null | undefined = parentId, hops = 0;
    at != null && hops <= all.length;
    hops++
  ) {
    if (at === orgId)
      throw ValidationError.field(['input', 'parentId'], '不能把组织移到其下级之下', 'cycle')
    at = parentOf.get(at)
  }
}

/** Code and name unlike every other org's (look-alikes included: src/text.ts). */
async function checkCodeFree(
  db: Db,
  input: { code: string; name: string },
  exceptId?: number,
) {
  const orgs = await db.organization.findMany({ select: { id: true, code: true, name: true } })
  assertNoLookalike(orgs, input, ['code', 'name'], exceptId)
}

builder.queryFields((t) => ({
  orgs: t.prismaField({
    type: ['Organization'],
    description:
      'All orgs as a flat list in tree order hints (sortOrder); build the tree from parentId.',
    authScopes: { loggedIn: true },
    args: {
      includeInactive: t.arg.boolean({ required: false }),
      assessedOnly: t.arg.boolean({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.OrganizationWhereInput = {}
      if (!args.includeInactive) where.active = true
      if (args.assessedOnly) where.assessed = true
      return ctx.prisma.organization.findMany({
        ...query,
        where,
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      })
    },
  }),
  org: t.prismaField({
    type: 'Organization',
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.int() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.organization.findUnique({ ...query, where: { id: args.id } }),
  }),
}))

builder.mutationFields((t) => ({
  createOrg: t.prismaField({
    type: 'Organization',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: OrgInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(orgInputSchema, args.input)
      const id = await ctx.prisma.$transaction(async (tx) => {
        await checkCodeFree(tx, input)
        await checkParent(tx, null, input.parentId)
        const org = await tx.organization.create({
          data: {
            code: input.code,
            name: input.name,
            shortName: input.shortName ?? null,
            unitType: input.unitType,
            parentId: input.parentId ?? null,
            assessed: input.assessed ?? true,
            active: input.active ?? true,
            sortOrder: input.sortOrder ?? 0,
          },
        })
        await auditAs(ctx, tx, {
          action: 'org.create',
          entityType: 'Organization',
          entityId: org.id,
          after: org,
        })
        return org.id
      })
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),

  updateOrg: t.prismaField({
    type: 'Organization',
    description: 'Edits an org, including moving it in the tree (parentId) and (de)activating it.',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: OrgInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(orgInputSchema, args.input)
      await ctx.prisma.$transaction(async (tx) => {
        const before = assertFound(
          await tx.organization.findUnique({ where: { id: args.id } }),
          'Organization',
          args.id,
        )
        assertVersion(before, args.version, 'Organization', args.id)
        await checkCodeFree(tx, input, args.id)
        await checkParent(tx, args.id, input.parentId)
        await updateVersioned({
          entityType: 'Organization',
          id: args.id,
          update: () =>
            tx.organization.updateMany({
              where: { id: args.id, version: args.version },
              data: {
                code: input.code,
                name: input.name,
                shortName: input.shortName ?? null,
                unitType: input.unitType,
                parentId: input.parentId ?? null,
                assessed: input.assessed ?? before.assessed,
                active: input.active ?? before.active,
                sortOrder: input.sortOrder ?? before.sortOrder,
                version: { increment: 1 },
              },
            }),
          reload: () => tx.organization.findUnique({ where: { id: args.id } }),
        })
        const after = await tx.organization.findUniqueOrThrow({ where: { id: args.id } })
        await auditAs(ctx, tx, {
          action: 'org.update',
          entityType: 'Organization',
          entityId: args.id,
          before,
          after,
        })
      })
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),

  deleteOrg: t.boolean({
    description:
      'Deletes an org that has no history (children, users, rounds, findings ...). Orgs with history should be deactivated instead.',
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { id: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      await ctx.prisma.$transaction(async (tx) => {
        const before = assertFound(
          await tx.organization.findUnique({
            where: { id: args.id },
            include: {
              _count: {
                select: {
                  children: true,
                  users: true,
                  teamAssignments: true,
                  assessments: true,
                  feedbackForms: true,
                  findings: true,
                  rectifications: true,
                  interviews: true,
                  performanceAdjustments: true,
                  annualResults: true,
                  annualComponentScores: true,
                },
              },
            },
          }),
          'Organization',
          args.id,
        )
        const { _count, ...org } = before
        if (Object.values(_count).some((n) => n > 0)) {
          throw ValidationError.field(
            ['id'],
            '该组织已有下级、用户或考核记录，不能删除，请改为停用',
            'in_use',
          )
        }
        await tx.organization.delete({ where: { id: args.id } })
        await auditAs(ctx, tx, {
          action: 'org.delete',
          entityType: 'Organization',
          entityId: args.id,
          before: org,
        })
      })
      return true
    },
  }),
}))
