import {
  ratingLevelsOf,
  schemeDefinitionOf,
  schemeInclude,
  type Prisma,
  type RatingLevel,
  type SchemeWithParts,
  type ScoringMethod,
  type UnitType,
} from '@redblue/db'
import { validateScheme, type SchemeProblem } from '@redblue/scoring'
import type { Db } from '../context'
import { ValidationError, type FieldProblem } from '../errors'
import { assertFound } from '../optimistic'

/**
 * Scheme documents (R1): loading, snapshots for audit/diff, the scoring engine's validation,
 * and copying content between schemes (revise, clone). Every scoring rule stays in
 * @redblue/scoring; rows map to its SchemeDefinition in @redblue/db (`schemeDefinitionOf`).
 */

type IndicatorRow = SchemeWithParts['indicators'][number]

export async function loadScheme(db: Db, id: number): Promise<SchemeWithParts> {
  return assertFound(
    await db.scheme.findUnique({ where: { id }, include: schemeInclude }),
    'Scheme',
    id,
  )
}

export function problemsOf(scheme: SchemeWithParts): SchemeProblem[] {
  return validateScheme(schemeDefinitionOf(scheme))
}

/** The engine's problems as a ValidationError (paths prefixed with 'scheme'). */
export function problemsError(problems: SchemeProblem[]): ValidationError {
  const fieldProblems: FieldProblem[] = problems.map((p) => ({
    path: ['scheme', ...p.path.map(String)],
    message: p.message,
    code: p.code,
  }))
  return new ValidationError(
    `方案校验未通过（${problems.length} 个问题）：${problems[0]?.message ?? ''}`,
    fieldProblems,
  )
}

/**
 * A scheme as a JSON document keyed by codes rather than ids: used for audit before/after and for
 * diffs between revisions (ids differ between revisions, codes do not).
 */
export interface SchemeDocument {
  id: number
  year: number
  areaId: number
  category: string
  revision: number
  status: string
  version: number
  name: string
  bonusCap: string
  dimensions: { code: string; name: string; maxPoints: string; sortOrder: number }[]
  indicators: {
    code: string
    name: string
    dimensionCode: string | null
    sharedIndicatorId: number | null
    evaluationStandard: string
    scoringGuide: string
    method: ScoringMethod
    maxPoints: string
    unitTypeRestriction: UnitType | null
    ratingLevels: RatingLevel[] | null
    target: string | null
    targetUnit: string | null
    defaultDeduction: string | null
    sortOrder: number
  }[]
}

export function schemeDocument(scheme: SchemeWithParts): SchemeDocument {
  const dimCode = new Map(scheme.dimensions.map((d) => [d.id, d.code]))
  return {
    id: scheme.id,
    year: scheme.year,
    areaId: scheme.areaId,
    category: scheme.category,
    revision: scheme.revision,
    status: scheme.status,
    version: scheme.version,
    name: scheme.name,
    bonusCap: scheme.bonusCap.toFixed(2),
    dimensions: scheme.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      maxPoints: d.maxPoints.toFixed(2),
      sortOrder: d.sortOrder,
    })),
    indicators: scheme.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      dimensionCode: i.dimensionId === null ? null : (dimCode.get(i.dimensionId) ?? null),
      sharedIndicatorId: i.sharedIndicatorId,
      evaluationStandard: i.evaluationStandard,
      scoringGuide: i.scoringGuide,
      method: i.method,
      maxPoints: i.maxPoints.toFixed(2),
      unitTypeRestriction: i.unitTypeRestriction,
      ratingLevels: ratingLevelsOf(i.ratingLevels),
      target: i.target?.toFixed(2) ?? null,
      targetUnit: i.targetUnit,
      defaultDeduction: i.defaultDeduction?.toFixed(2) ?? null,
      sortOrder: i.sortOrder,
    })),
  }
}

function indicatorData(i: IndicatorRow) {
  return {
    code: i.code,
    name: i.name,
    evaluationStandard: i.evaluationStandard,
    scoringGuide: i.scoringGuide,
    method: i.method,
    maxPoints: i.maxPoints,
    unitTypeRestriction: i.unitTypeRestriction,
    ratingLevels: i.ratingLevels ?? undefined,
    target: i.target,
    targetUnit: i.targetUnit,
    defaultDeduction: i.defaultDeduction,
    sortOrder: i.sortOrder,
  } satisfies Partial<Prisma.IndicatorUncheckedCreateInput>
}

/**
 * Copies dimensions and indicators of `source` into the empty scheme `targetId`. Shared indicator
 * links follow the target's (year, area): the same shared indicator when they match, otherwise the
 * target year's shared indicator with the same code, created from the source's definition if absent
 * (a new year's schemes start as copies of last year's).
 */
export async function copySchemeContent(
  db: Db,
  source: SchemeWithParts,
  target: { id: number; year: number; areaId: number },
): Promise<void> {
  const sharedIdMap = new Map<number, number>()
  const sharedIds = [
    ...new Set(
      source.indicators.flatMap((i) => (i.sharedIndicatorId ? [i.sharedIndicatorId] : [])),
    ),
  ]
  if (sharedIds.length && (target.year !== source.year || target.areaId !== source.areaId)) {
    const shared = await db.sharedIndicator.findMany({ where: { id: { in: sharedIds } } })
    for (const s of shared) {
      const existing = await db.sharedIndicator.findUnique({
        where: { year_areaId_code: { year: target.year, areaId: target.areaId, code: s.code } },
      })
      const mapped =
        existing ??
        (await db.sharedIndicator.create({
          data: {
            year: target.year,
            areaId: target.areaId,
            code: s.code,
            name: s.name,
            evaluationStandard: s.evaluationStandard,
            scoringGuide: s.scoringGuide,
            method: s.method,
            ratingLevels: s.ratingLevels ?? undefined,
          },
        }))
      sharedIdMap.set(s.id, mapped.id)
    }
  } else {
    for (const id of sharedIds) sharedIdMap.set(id, id)
  }

  const dimensionIdMap = new Map<number, number>()
  for (const d of source.dimensions) {
    const created = await db.dimension.create({
      data: {
        schemeId: target.id,
        code: d.code,
        name: d.name,
        maxPoints: d.maxPoints,
        sortOrder: d.sortOrder,
      },
    })
    dimensionIdMap.set(d.id, created.id)
  }
  await db.indicator.createMany({
    data: source.indicators.map((i) => ({
      ...indicatorData(i),
      ratingLevels: i.ratingLevels ?? undefined,
      schemeId: target.id,
      dimensionId: i.dimensionId === null ? null : (dimensionIdMap.get(i.dimensionId) ?? null),
      sharedIndicatorId:
        i.sharedIndicatorId === null ? null : (sharedIdMap.get(i.sharedIndicatorId) ?? null),
    })),
  })
}

// ---- diff ------------------------------------------------------------------------------------

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED'
export type ChangeEntity = 'SCHEME' | 'DIMENSION' | 'INDICATOR'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface SchemeChange {
  kind: ChangeKind
  entity: ChangeEntity
  code: string
  name: string
  fields: FieldChange[]
}

function fieldChanges<T extends object>(
  before: T,
  after: T,
  ignore: (keyof T)[] = [],
): FieldChange[] {
  const changes: FieldChange[] = []
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (ignore.includes(key)) continue
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ field: String(key), before: before[key], after: after[key] })
    }
  }
  return changes
}

function diffByCode<T extends { code: string; name: string }>(
  entity: ChangeEntity,
  before: T[],
  after: T[],
  ignore: (keyof T)[],
): SchemeChange[] {
  const changes: SchemeChange[] = []
  const beforeByCode = new Map(before.map((x) => [x.code, x]))
  const afterCodes = new Set(after.map((x) => x.code))
  for (const item of after) {
    const old = beforeByCode.get(item.code)
    if (!old) {
      changes.push({ kind: 'ADDED', entity, code: item.code, name: item.name, fields: [] })
      continue
    }
    const fields = fieldChanges(old, item, ignore)
    if (fields.length)
      changes.push({ kind: 'CHANGED', entity, code: item.code, name: item.name, fields })
  }
  for (const item of before) {
    if (!afterCodes.has(item.code)) {
      changes.push({ kind: 'REMOVED', entity, code: item.code, name: item.name, fields: [] })
    }
  }
  return changes
}

/** What changed from `from` to `to`, matched by code (sort order alone is not a change). */
export function diffSchemes(from: SchemeDocument, to: SchemeDocument): SchemeChange[] {
  const head = fieldChanges(
    { name: from.name, bonusCap: from.bonusCap },
    { name: to.name, bonusCap: to.bonusCap },
  )
  return [
    ...(head.length
      ? [
          {
            kind: 'CHANGED' as const,
            entity: 'SCHEME' as const,
            code: '',
            name: to.name,
            fields: head,
          },
        ]
      : []),
    ...diffByCode('DIMENSION', from.dimensions, to.dimensions, ['sortOrder']),
    // Shared links differ between years by id; the code already identifies the indicator.
    ...diffByCode('INDICATOR', from.indicators, to.indicators, ['sortOrder', 'sharedIndicatorId']),
  ]
}
