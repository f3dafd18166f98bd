import type { OrgCategory } from '@redblue/db'
import { auditAs } from '../audit'
import { builder } from '../builder'
import type { Context, Db } from '../context'
import { ValidationError } from '../errors'
import { OrgCategoryEnum } from './enums'

/**
 * Yearly category (I/II/III) of each org. Orgs are ranked only within their category, so the
 * assignment is per year; rounds snapshot it into each assessment when they start, so later edits
 * do not change a round in progress.
 */

export const OrgCategoryAssignmentRef = builder.prismaObject('OrgCategoryAssignment', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    orgId: t.exposeInt('orgId'),
    org: t.relation('org'),
    year: t.exposeInt('year'),
    category: t.expose('category', { type: OrgCategoryEnum }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
})

const CategoryAssignmentItem = builder.inputType('CategoryAssignmentItem', {
  fields: (t) => ({
    orgId: t.int(),
    /** null removes the org's assignment for the year. */
    category: t.field({ type: OrgCategoryEnum, required: false }),
  }),
})

const YEAR_MIN = 2000
const YEAR_MAX = 2100

function checkYear(year: number, path: string) {
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
    throw ValidationError.field([path], `年份需在 ${YEAR_MIN}–${YEAR_MAX} 之间`, 'out_of_range')
  }
}

/** Applies (orgId → category | null) for one year, auditing each actual change. */
async function applyAssignments(
  ctx: Context,
  tx: Db,
  year: number,
  items: { orgId: number; category: OrgCategory | null }[],
  action: string,
) {
  const orgIds = [...new Set(items.map((i) => i.orgId))]
  if (orgIds.length !== items.length) {
    throw ValidationError.field(['items'], '同一党组织出现多次', 'duplicate')
  }
  const known = await tx.organization.findMany({
    where: { id: { in: orgIds } },
    select: { id: true },
  })
  const knownIds = new Set(known.map((o) => o.id))
  const missing = items.findIndex((i) => !knownIds.has(i.orgId))
  if (missing >= 0) {
    throw ValidationError.field(['items', String(missing), 'orgId'], '党组织不存在', 'not_found')
  }
  const existing = await tx.orgCategoryAssignment.findMany({
    where: { year, orgId: { in: orgIds } },
  })
  const byOrg = new Map(existing.map((a) => [a.orgId, a]))
  for (const item of items) {
    const before = byOrg.get(item.orgId) ?? null
    if ((before?.category ?? null) === item.category) continue
    let after = null
    if (item.category === null) {
      // Unchanged (null → null) was skipped above, so an assignment exists to delete.
      if (!before) throw new Error(`no category assignment of org ${item.orgId} to remove`)
      await tx.orgCategoryAssignment.delete({ where: { id: before.id } })
    } else if (before) {
      after = await tx.orgCategoryAssignment.update({
        where: { id: before.id },
        data: { category: item.category },
      })
    } else {
      after = await tx.orgCategoryAssignment.create({
        data: { orgId: item.orgId, year, category: item.category },
      })
    }
    await auditAs(ctx, tx, {
      action,
      entityType: 'OrgCategoryAssignment',
      entityId: `${item.orgId}:${year}`,
      before,
      after,
    })
  }
}

/**
 * Pothos hands list mutations wrapped in a `...Success { data }` result an empty `select` when the
 * client asks only for `__typename`; Prisma refuses an empty select, so fall back to all scalars.
 */
function usableQuery<Q extends object>(query: Q): Q | Record<string, never> {
  const select = (query as { select?: object }).select
  return select && Object.keys(select).length === 0 ? {} : query
}

builder.queryField('categoryAssignments', (t) =>
  t.prismaField({
    type: ['OrgCategoryAssignment'],
    authScopes: { loggedIn: true },
    args: { year: t.arg.int() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.orgCategoryAssignment.findMany({
        ...query,
        where: { year: args.year },
        orderBy: [{ category: 'asc' }, { org: { sortOrder: 'asc' } }, { orgId: 'asc' }],
      }),
  }),
)

builder.mutationFields((t) => ({
  setCategoryAssignments: t.prismaField({
    type: ['OrgCategoryAssignment'],
    description: "Bulk update of one year's categories; returns the year's full list.",
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { year: t.arg.int(), items: t.arg({ type: [CategoryAssignmentItem] }) },
    resolve: async (query, _root, args, ctx) => {
      checkYear(args.year, 'year')
      await ctx.prisma.$transaction((tx) =>
        applyAssignments(
          ctx,
          tx,
          args.year,
          args.items.map((i) => ({ orgId: i.orgId, category: i.category ?? null })),
          'categoryAssignment.set',
        ),
      )
      return ctx.prisma.orgCategoryAssignment.findMany({
        ...usableQuery(query),
        where: { year: args.year },
        orderBy: [{ category: 'asc' }, { orgId: 'asc' }],
      })
    },
  }),
  copyCategoryAssignments: t.prismaField({
    type: ['OrgCategoryAssignment'],
    description:
      "Copies one year's categories to another (typically last year → this year). Existing target assignments are kept unless overwrite is true. Inactive orgs are skipped.",
    authScopes: { admin: true },
    errors: { directResult: false },
    args: {
      fromYear: t.arg.int(),
      toYear: t.arg.int(),
      overwrite: t.arg.boolean({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      checkYear(args.fromYear, 'fromYear')
      checkYear(args.toYear, 'toYear')
      if (args.fromYear === args.toYear) {
        throw ValidationError.field(['toYear'], '目标年份不能与来源年份相同', 'same_year')
      }
      await ctx.prisma.$transaction(async (tx) => {
        const source = await tx.orgCategoryAssignment.findMany({
          where: { year: args.fromYear, org: { active: true } },
        })
        if (source.length === 0) {
          throw ValidationError.field(['fromYear'], `${args.fromYear} 年没有分类可复制`, 'empty')
        }
        const target = await tx.orgCategoryAssignment.findMany({
          where: { year: args.toYear },
          select: { orgId: true },
        })
        const assigned = new Set(target.map((a) => a.orgId))
        const items = source
          .filter((a) => args.overwrite || !assigned.has(a.orgId))
          .map((a) => ({ orgId: a.orgId, category: a.category }))
        await applyAssignments(ctx, tx, args.toYear, items, 'categoryAssignment.copy')
      })
      return ctx.prisma.orgCategoryAssignment.findMany({
        ...usableQuery(query),
        where: { year: args.toYear },
        orderBy: [{ category: 'asc' }, { orgId: 'asc' }],
      })
    },
  }),
}))
