import {
  ratingLevelsOf,
  schemeInclude,
  type OrgCategory,
  type Prisma,
  type RatingLevel,
  type SchemeWithParts,
} from '@redblue/db'
import type { SchemeProblem } from '@redblue/scoring'
import { z } from 'zod'
import { auditAs } from '../audit'
import { builder } from '../builder'
import type { Context, Db } from '../context'
import { NotFoundError, ValidationError } from '../errors'
import { assertVersion, updateVersioned } from '../optimistic'
import { saveSchemeDraft } from '../services/scheme-draft'
import {
  copySchemeContent,
  diffSchemes,
  loadScheme,
  problemsError,
  problemsOf,
  schemeDocument,
  type FieldChange,
  type SchemeChange,
} from '../services/schemes'
import { OrgCategoryEnum, SchemeStatusEnum, ScoringMethodEnum, UnitTypeEnum } from './enums'

/**
 * Assessment schemes (R1): one per (year, area, category), DRAFT → PUBLISHED → ARCHIVED. Drafts
 * are edited as whole documents under optimistic locking on `version`; published schemes never
 * change — `reviseScheme` starts a new draft revision, and publishing it archives the old one.
 * Drafts are visible to ADMIN and LEADER only; everyone signed in reads published schemes.
 */

// ---- types -----------------------------------------------------------------------------------

export const RatingLevelRef = builder.objectRef<RatingLevel>('RatingLevel').implement({
  fields: (t) => ({
    label: t.exposeString('label'),
    percent: t.field({
      type: 'Decimal',
      description: 'Share of the max, 0–100.',
      resolve: (l) => l.percent,
    }),
  }),
})

const SchemeProblemRef = builder
  .objectRef<SchemeProblem & { entityCode: string | null }>('SchemeProblem')
  .implement({
    description:
      "A reason the scheme cannot be published, from the scoring engine's validateScheme.",
    fields: (t) => ({
      path: t.stringList({
        description: 'Path into the scheme, e.g. ["indicators", "3", "maxPoints"].',
        resolve: (p) => p.path.map(String),
      }),
      code: t.exposeString('code'),
      message: t.exposeString('message'),
      messageEn: t.exposeString('messageEn'),
      entityCode: t.exposeString('entityCode', {
        nullable: true,
        description: 'Code of the dimension or indicator the path points at.',
      }),
    }),
  })

function problemsWithCodes(
  scheme: Pick<SchemeWithParts, 'dimensions' | 'indicators'>,
  problems: SchemeProblem[],
) {
  return problems.map((p) => {
    const [kind, index] = p.path
    const list =
      kind === 'dimensions' ? scheme.dimensions : kind === 'indicators' ? scheme.indicators : null
    return {
      ...p,
      entityCode: list && typeof index === 'number' ? (list[index]?.code ?? null) : null,
    }
  })
}

export const SchemeRef = builder.prismaObject('Scheme', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    year: t.exposeInt('year'),
    areaId: t.exposeInt('areaId'),
    area: t.relation('area'),
    category: t.expose('category', { type: OrgCategoryEnum }),
    revision: t.exposeInt('revision'),
    name: t.exposeString('name'),
    status: t.expose('status', { type: SchemeStatusEnum }),
    bonusCap: t.expose('bonusCap', { type: 'Decimal' }),
    previousRevisionId: t.exposeInt('previousRevisionId', { nullable: true }),
    previousRevision: t.relation('previousRevision', { nullable: true }),
    clonedFromId: t.exposeInt('clonedFromId', { nullable: true }),
    clonedFrom: t.relation('clonedFrom', { nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    publishedBy: t.relation('publishedBy', { nullable: true }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    dimensions: t.relation('dimensions', {
      query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
    }),
    indicators: t.relation('indicators', {
      description: 'All indicators in display order; bonus indicators have no dimension.',
      query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
    }),
    problems: t.field({
      type: [SchemeProblemRef],
      description: 'What the scoring engine objects to; empty when the scheme can be published.',
      select: { bonusCap: true, ...schemeInclude },
      resolve: (scheme) => problemsWithCodes(scheme, problemsOf(scheme as SchemeWithParts)),
    }),
  }),
})

export const DimensionRef = builder.prismaObject('Dimension', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    schemeId: t.exposeInt('schemeId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    maxPoints: t.expose('maxPoints', { type: 'Decimal' }),
    sortOrder: t.exposeInt('sortOrder'),
    indicators: t.relation('indicators', {
      query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
    }),
  }),
})

export const IndicatorRef = builder.prismaObject('Indicator', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    schemeId: t.exposeInt('schemeId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    dimensionId: t.exposeInt('dimensionId', { nullable: true }),
    dimension: t.relation('dimension', { nullable: true }),
    isBonus: t.boolean({ select: { method: true }, resolve: (i) => i.method === 'BONUS' }),
    sharedIndicatorId: t.exposeInt('sharedIndicatorId', { nullable: true }),
    sharedIndicator: t.relation('sharedIndicator', { nullable: true }),
    evaluationStandard: t.exposeString('evaluationStandard'),
    scoringGuide: t.exposeString('scoringGuide'),
    method: t.expose('method', { type: ScoringMethodEnum }),
    maxPoints: t.expose('maxPoints', {
      type: 'Decimal',
      description: 'Max points; for BONUS indicators the cap.',
    }),
    unitTypeRestriction: t.expose('unitTypeRestriction', { type: UnitTypeEnum, nullable: true }),
    ratingLevels: t.field({
      type: [RatingLevelRef],
      nullable: true,
      select: { ratingLevels: true },
      resolve: (i) => ratingLevelsOf(i.ratingLevels),
    }),
    target: t.expose('target', { type: 'Decimal', nullable: true }),
    targetUnit: t.exposeString('targetUnit', { nullable: true }),
    defaultDeduction: t.expose('defaultDeduction', { type: 'Decimal', nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
  }),
})

const FieldChangeRef = builder.objectRef<FieldChange>('SchemeFieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.after }),
  }),
})

const ChangeKindEnum = builder.enumType('SchemeChangeKind', {
  values: ['ADDED', 'REMOVED', 'CHANGED'] as const,
})
const ChangeEntityEnum = builder.enumType('SchemeChangeEntity', {
  values: ['SCHEME', 'DIMENSION', 'INDICATOR'] as const,
})

const SchemeChangeRef = builder.objectRef<SchemeChange>('SchemeChange').implement({
  fields: (t) => ({
    kind: t.field({ type: ChangeKindEnum, resolve: (c) => c.kind }),
    entity: t.field({ type: ChangeEntityEnum, resolve: (c) => c.entity }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    fields: t.field({ type: [FieldChangeRef], resolve: (c) => c.fields }),
  }),
})

const SchemeDiffRef = builder
  .objectRef<{ fromId: number; toId: number; changes: SchemeChange[] }>('SchemeDiff')
  .implement({
    fields: (t) => ({
      fromId: t.exposeInt('fromId'),
      toId: t.exposeInt('toId'),
      changes: t.field({ type: [SchemeChangeRef], resolve: (d) => d.changes }),
    }),
  })

// ---- inputs ----------------------------------------------------------------------------------

export const RatingLevelInput = builder.inputType('RatingLevelInput', {
  fields: (t) => ({ label: t.string(), percent: t.field({ type: 'Decimal' }) }),
})

const SchemeDimensionInput = builder.inputType('SchemeDimensionInput', {
  fields: (t) => ({
    id: t.int({ required: false, description: 'Existing dimension to keep; omit for a new one.' }),
    code: t.string(),
    name: t.string(),
    maxPoints: t.field({ type: 'Decimal' }),
  }),
})

const SchemeIndicatorInput = builder.inputType('SchemeIndicatorInput', {
  fields: (t) => ({
    id: t.int({ required: false, description: 'Existing indicator to keep; omit for a new one.' }),
    code: t.string(),
    name: t.string(),
    dimensionCode: t.string({ required: false, description: 'null for bonus indicators.' }),
    sharedIndicatorId: t.int({
      required: false,
      description:
        'Link to a shared indicator; its code, name, standard, guide, method and levels win.',
    }),
    evaluationStandard: t.string({ required: false }),
    scoringGuide: t.string({ required: false }),
    method: t.field({ type: ScoringMethodEnum }),
    maxPoints: t.field({ type: 'Decimal' }),
    unitTypeRestriction: t.field({ type: UnitTypeEnum, required: false }),
    ratingLevels: t.field({ type: [RatingLevelInput], required: false }),
    target: t.field({ type: 'Decimal', required: false }),
    targetUnit: t.string({ required: false }),
    defaultDeduction: t.field({ type: 'Decimal', required: false }),
  }),
})

const SchemeDraftInput = builder.inputType('SchemeDraftInput', {
  description: 'The whole draft in display order; rows left out are deleted.',
  fields: (t) => ({
    name: t.string(),
    bonusCap: t.field({ type: 'Decimal' }),
    dimensions: t.field({ type: [SchemeDimensionInput] }),
    indicators: t.field({ type: [SchemeIndicatorInput] }),
  }),
})

const CreateSchemeInput = builder.inputType('CreateSchemeInput', {
  fields: (t) => ({
    year: t.int(),
    areaId: t.int(),
    category: t.field({ type: OrgCategoryEnum }),
    name: t.string(),
    bonusCap: t.field({ type: 'Decimal', required: false }),
  }),
})

// ---- helpers ---------------------------------------------------------------------------------

/** Drafts are work in progress of the party-building department: ADMIN and LEADER only. */
function schemeVisibleWhere(ctx: Context): Prisma.SchemeWhereInput {
  const role = ctx.user?.role
  return role === 'ADMIN' || role === 'LEADER' ? {} : { status: { in: ['PUBLISHED', 'ARCHIVED'] } }
}

function requireDraft(scheme: SchemeWithParts) {
  if (scheme.status !== 'DRAFT') {
    throw ValidationError.field(['id'], '已发布的方案不可修改，请创建修订版', 'SCHEME_NOT_DRAFT')
  }
}

async function assertSlotFree(db: Db, year: number, areaId: number, category: OrgCategory) {
  const area = await db.area.findUnique({ where: { id: areaId }, select: { id: true } })
  if (!area) throw ValidationError.field(['input', 'areaId'], '专业不存在', 'not_found')
  const existing = await db.scheme.findFirst({
    where: { year, areaId, category },
    select: { id: true },
  })
  if (existing) {
    throw ValidationError.field(
      ['input'],
      `${year} 年该专业 ${category} 类方案已存在（编号 ${existing.id}），请编辑或创建修订版`,
      'SCHEME_EXISTS',
    )
  }
}

/** Bumps the scheme's version, or fails with a ConflictError holding the current document. */
async function bumpVersion(
  db: Db,
  scheme: SchemeWithParts,
  expected: number,
  data: Prisma.SchemeUncheckedUpdateManyInput = {},
) {
  assertVersion(scheme, expected, 'Scheme', scheme.id, schemeDocument)
  await updateVersioned({
    entityType: 'Scheme',
    id: scheme.id,
    update: () =>
      db.scheme.updateMany({
        where: { id: scheme.id, version: expected },
        data: { ...data, version: { increment: 1 } },
      }),
    reload: () => db.scheme.findUnique({ where: { id: scheme.id }, include: schemeInclude }),
    snapshot: schemeDocument,
  })
}

const yearSchema = z
  .number()
  .int()
  .min(2000, '年份需在 2000–2100 之间')
  .max(2100, '年份需在 2000–2100 之间')

// ---- queries ---------------------------------------------------------------------------------

builder.queryFields((t) => ({
  schemes: t.prismaField({
    type: ['Scheme'],
    description: 'Schemes of a year (all revisions), optionally by area, category and status.',
    authScopes: { loggedIn: true },
    args: {
      year: t.arg.int(),
      areaId: t.arg.int({ required: false }),
      category: t.arg({ type: OrgCategoryEnum, required: false }),
      status: t.arg({ type: SchemeStatusEnum, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.scheme.findMany({
        ...query,
        where: {
          AND: [
            {
              year: args.year,
              ...(args.areaId != null ? { areaId: args.areaId } : {}),
              ...(args.category ? { category: args.category } : {}),
              ...(args.status ? { status: args.status } : {}),
            },
            schemeVisibleWhere(ctx),
          ],
        },
        orderBy: [{ areaId: 'asc' }, { category: 'asc' }, { revision: 'desc' }],
      }),
  }),
  scheme: t.prismaField({
    type: 'Scheme',
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.int() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.scheme.findFirst({
        ...query,
        where: { AND: [{ id: args.id }, schemeVisibleWhere(ctx)] },
      }),
  }),
  validateScheme: t.field({
    type: [SchemeProblemRef],
    description: "Runs the scoring engine's validateScheme on a stored scheme.",
    authScopes: { admin: true, leader: true },
    args: { id: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      const scheme = await loadScheme(ctx.prisma, args.id)
      return problemsWithCodes(scheme, problemsOf(scheme))
    },
  }),
  schemeDiff: t.field({
    type: SchemeDiffRef,
    description:
      'Changes from one scheme (e.g. a previous revision or last year) to another, matched by code.',
    authScopes: { loggedIn: true },
    args: { fromId: t.arg.int(), toId: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      const visible = await ctx.prisma.scheme.findMany({
        where: { AND: [{ id: { in: [args.fromId, args.toId] } }, schemeVisibleWhere(ctx)] },
        select: { id: true },
      })
      // Drafts a role may not read are reported exactly like missing schemes.
      for (const id of [args.fromId, args.toId]) {
        if (!visible.some((s) => s.id === id)) throw new NotFoundError('Scheme', id)
      }
      const [from, to] = await Promise.all([
        loadScheme(ctx.prisma, args.fromId),
        loadScheme(ctx.prisma, args.toId),
      ])
      return {
        fromId: from.id,
        toId: to.id,
        changes: diffSchemes(schemeDocument(from), schemeDocument(to)),
      }
    },
  }),
}))

// ---- mutations -------------------------------------------------------------------------------

builder.mutationFields((t) => ({
  createScheme: t.prismaField({
    type: 'Scheme',
    description:
      'Starts an empty draft for (year, area, category); use cloneScheme to start from a copy.',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: CreateSchemeInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseCreate(args.input)
      const id = await ctx.prisma.$transaction(async (tx) => {
        await assertSlotFree(tx, input.year, input.areaId, input.category)
        const created = await tx.scheme.create({
          data: {
            year: input.year,
            areaId: input.areaId,
            category: input.category,
            name: input.name,
            bonusCap: input.bonusCap ?? '0',
          },
        })
        const after = await loadScheme(tx, created.id)
        await auditAs(ctx, tx, {
          action: 'scheme.create',
          entityType: 'Scheme',
          entityId: created.id,
          after: schemeDocument(after),
        })
        return created.id
      })
      return ctx.prisma.scheme.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),

  updateSchemeDraft: t.prismaField({
    type: 'Scheme',
    description:
      'Saves the whole draft. `version` must be the version the editor loaded; a stale one gets a ConflictError with the current document and changes nothing.',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int(), input: t.arg({ type: SchemeDraftInput }) },
    resolve: async (query, _root, args, ctx) => {
      await ctx.prisma.$transaction(async (tx) => {
        const before = await loadScheme(tx, args.id)
        requireDraft(before)
        // Taking the version first also takes the row lock, serializing concurrent saves.
        await bumpVersion(tx, before, args.version, {
          name: args.input.name.trim(),
          bonusCap: args.input.bonusCap,
        })
        await saveSchemeDraft(tx, before, args.input)
        const after = await loadScheme(tx, args.id)
        await auditAs(ctx, tx, {
          action: 'scheme.updateDraft',
          entityType: 'Scheme',
          entityId: args.id,
          before: schemeDocument(before),
          after: schemeDocument(after),
        })
      })
      return ctx.prisma.scheme.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),

  deleteSchemeDraft: t.boolean({
    authScopes: { admin: true },
    errors: { directResult: false },
    args: { id: t.arg.int(), version: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      await ctx.prisma.$transaction(async (tx) => {
        const before = await loadScheme(tx, args.id)
        requireDraft(before)
        assertVersion(before, args.version, 'Scheme', args.id, schemeDocument)
        const { count } = await tx.scheme.deleteMany({
          where: { id: args.id, version: args.version },
        })
        if (!count) await bumpVersion(tx, before, args.version)
        await auditAs(ctx, tx, {
          action: 'scheme.deleteDraft',
          entityType: 'Scheme',
          entityId: args.id,
          before: schemeDocument(before),
        })
      })
      return true
    },
  }),

  publishScheme: t.prismaField({
    type: 'Scheme',
    description:
      'Publishes a draft after the scoring engine finds no problem (otherwise a ValidationError lists them). The previously published revision becomes ARCHIVED; assessments keep the revision they were scored with.',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), version: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      await ctx.prisma.$transaction(async (tx) => {
        const before = await loadScheme(tx, args.id)
        requireDraft(before)
        assertVersion(before, args.version, 'Scheme', args.id, schemeDocument)
        const problems = problemsOf(before)
        if (problems.length) throw problemsError(problems)
        if (before.dimensions.length === 0)
          throw ValidationError.field(['scheme', 'dimensions'], '方案没有维度', 'EMPTY')

        const previous = await tx.scheme.findMany({
          where: {
            year: before.year,
            areaId: before.areaId,
            category: before.category,
            status: 'PUBLISHED',
          },
        })
        for (const old of previous) {
          await tx.scheme.update({
            where: { id: old.id },
            data: { status: 'ARCHIVED', version: { increment: 1 } },
          })
          await auditAs(ctx, tx, {
            action: 'scheme.archive',
            entityType: 'Scheme',
            entityId: old.id,
            before: { status: old.status },
            after: { status: 'ARCHIVED' },
          })
        }
        await bumpVersion(tx, before, args.version, {
          status: 'PUBLISHED',
          publishedAt: ctx.config.now(),
          publishedById: ctx.user?.id ?? null,
        })
        const after = await loadScheme(tx, args.id)
        await auditAs(ctx, tx, {
          action: 'scheme.publish',
          entityType: 'Scheme',
          entityId: args.id,
          before: schemeDocument(before),
          after: schemeDocument(after),
        })
      })
      return ctx.prisma.scheme.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),

  reviseScheme: t.prismaField({
    type: 'Scheme',
    description: 'Starts a new draft revision from a published (or archived) scheme.',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const id = await ctx.prisma.$transaction(async (tx) => {
        const source = await loadScheme(tx, args.id)
        if (source.status === 'DRAFT')
          throw ValidationError.field(['id'], '草稿可直接编辑，无需修订', 'SCHEME_IS_DRAFT')
        const slot = { year: source.year, areaId: source.areaId, category: source.category }
        const draft = await tx.scheme.findFirst({
          where: { ...slot, status: 'DRAFT' },
          select: { id: true },
        })
        if (draft)
          throw ValidationError.field(
            ['id'],
            `已有未发布的修订版（编号 ${draft.id}）`,
            'DRAFT_EXISTS',
          )
        const last = await tx.scheme.aggregate({ where: slot, _max: { revision: true } })
        const created = await tx.scheme.create({
          data: {
            ...slot,
            revision: (last._max.revision ?? source.revision) + 1,
            name: source.name,
            bonusCap: source.bonusCap,
            previousRevisionId: source.id,
          },
        })
        await copySchemeContent(tx, source, created)
        const after = await loadScheme(tx, created.id)
        await auditAs(ctx, tx, {
          action: 'scheme.revise',
          entityType: 'Scheme',
          entityId: created.id,
          after: { ...schemeDocument(after), previousRevisionId: source.id },
        })
        return created.id
      })
      return ctx.prisma.scheme.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),

  cloneScheme: t.prismaField({
    type: 'Scheme',
    description:
      "Copies a scheme into a new draft for another (year, category) — last year's scheme for a new year, or another category's. The target slot must be empty.",
    authScopes: { admin: true },
    errors: {},
    args: {
      sourceId: t.arg.int(),
      year: t.arg.int(),
      category: t.arg({ type: OrgCategoryEnum }),
      name: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const year = parseYear(args.year, ['year'])
      const id = await ctx.prisma.$transaction(async (tx) => {
        const source = await loadScheme(tx, args.sourceId)
        await assertSlotFree(tx, year, source.areaId, args.category)
        const created = await tx.scheme.create({
          data: {
            year,
            areaId: source.areaId,
            category: args.category,
            name: args.name?.trim() || source.name.replace(String(source.year), String(year)),
            bonusCap: source.bonusCap,
            clonedFromId: source.id,
          },
        })
        await copySchemeContent(tx, source, created)
        const after = await loadScheme(tx, created.id)
        await auditAs(ctx, tx, {
          action: 'scheme.clone',
          entityType: 'Scheme',
          entityId: created.id,
          after: { ...schemeDocument(after), clonedFromId: source.id },
        })
        return created.id
      })
      return ctx.prisma.scheme.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
}))

function parseYear(year: number, path: string[]): number {
  const parsed = yearSchema.safeParse(year)
  if (!parsed.success)
    throw ValidationError.field(path, parsed.error.issues[0]?.message ?? '年份无效', 'out_of_range')
  return parsed.data
}

function parseCreate(input: {
  year: number
  areaId: number
  category: OrgCategory
  name: string
  bonusCap?: Prisma.Decimal | null
}) {
  parseYear(input.year, ['input', 'year'])
  if (!input.name.trim())
    throw ValidationError.field(['input', 'name'], '请填写方案名称', 'required')
  if (
    input.bonusCap &&
    (input.bonusCap.isNegative() || input.bonusCap.decimalPlaces() > 2 || input.bonusCap.gte(10000))
  ) {
    throw ValidationError.field(['input', 'bonusCap'], '加分上限需为非负且最多两位小数', 'invalid')
  }
  return { ...input, name: input.name.trim() }
}
