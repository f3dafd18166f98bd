import { Prisma } from '@redblue/db'
import { PUBLISHED_ROUND_STATUSES, annualRollup } from '@redblue/scoring'
import { ConflictError, NotFoundError, ValidationError } from '../../errors'
import { requireAdmin, type Actor } from '../../access'
import { audit } from './audit'
import { rulesFor } from './rules'
import type { Tx } from './types'

export interface AnnualComponentDefinition {
  code: string
  name: string
  weight: string
}

/** The rule set's other annual components: [{ code, name, weight }] (R10). */
export function componentsOf(json: Prisma.JsonValue | undefined): AnnualComponentDefinition[] {
  if (!Array.isArray(json)) return []
  const result: AnnualComponentDefinition[] = []
  for (const item of json) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const { code, name, weight } = item as Record<string, unknown>
      if (typeof code === 'string' && (typeof weight === 'string' || typeof weight === 'number')) {
        result.push({ code, name: typeof name === 'string' ? name : code, weight: String(weight) })
      }
    }
  }
  return result
}

export async function setAnnualComponentScore(
  tx: Tx,
  actor: Actor,
  input: {
    year: number
    orgId: number
    code: string
    points: Prisma.Decimal | string
    version?: number | null
  },
) {
  requireAdmin(actor)
  const { annualComponents } = await rulesFor(tx, input.year)
  const components = componentsOf(annualComponents)
  if (!components.some((c) => c.code === input.code)) {
    throw ValidationError.field(
      ['input', 'code'],
      `${input.year}年规则中没有年度考评项“${input.code}”`,
    )
  }
  const org = await tx.organization.findUnique({ where: { id: input.orgId } })
  if (!org) throw new NotFoundError('Organization', input.orgId, '党组织不存在')
  let points: Prisma.Decimal
  try {
    points = new Prisma.Decimal(input.points)
  } catch {
    throw ValidationError.field(['input', 'points'], '分值必须是数值', 'INVALID_NUMBER')
  }
  if (
    !points.isFinite() ||
    points.isNegative() ||
    points.decimalPlaces() > 2 ||
    points.greaterThan(9999)
  ) {
    throw ValidationError.field(
      ['input', 'points'],
      '分值应为 0 到 9999 之间、最多两位小数的数值',
      'INVALID_NUMBER',
    )
  }
  const key = { year_orgId_code: { year: input.year, orgId: org.id, code: input.code } }
  const before = await tx.annualComponentScore.findUnique({ where: key })
  let after
  if (!before) {
    after = await tx.annualComponentScore.create({
      data: { year: input.year, orgId: org.id, code: input.code, points },
    })
  } else {
    const { count } = await tx.annualComponentScore.updateMany({
      where: { id: before.id, ...(input.version != null ? { version: input.version } : {}) },
      data: { points, version: { increment: 1 } },
    })
    if (count === 0)
      throw new ConflictError('AnnualComponentScore', before.id, before, before.version)
    after = await tx.annualComponentScore.findUniqueOrThrow({ where: { id: before.id } })
  }
  await audit(tx, actor, 'annual.setComponent', 'AnnualComponentScore', after.id, before, after)
  return after
}

/**
 * Recomputes the year's annual results (R10): for every org with a published quarter in the area
 * (default: the first area — 基层党建, which the quarterly results feed), the engine weights the
 * mean quarterly total and adds the admin-entered components at the rule set's weights.
 */
export async function computeAnnualResults(
  tx: Tx,
  actor: Actor,
  input: { year: number; areaId?: number | null; now?: Date },
) {
  requireAdmin(actor)
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    throw ValidationError.field(['year'], '年份需在 2000–2100 之间', 'out_of_range')
  }
  const area =
    input.areaId != null
      ? await tx.area.findUnique({ where: { id: input.areaId } })
      : await tx.area.findFirst({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] })
  if (!area) throw new NotFoundError('Area', input.areaId ?? 0, '专业不存在')
  const { rules, annualComponents } = await rulesFor(tx, input.year)
  const components = componentsOf(annualComponents)
  const assessments = await tx.assessment.findMany({
    where: {
      areaId: area.id,
      totalScore: { not: null },
      round: { year: input.year, status: { in: PUBLISHED_ROUND_STATUSES } },
    },
    select: { orgId: true, totalScore: true, round: { select: { quarter: true } } },
    orderBy: [{ round: { quarter: 'asc' } }, { id: 'asc' }],
  })
  const scores = await tx.annualComponentScore.findMany({ where: { year: input.year } })
  const totals = new Map<number, { quarter: number; total: Prisma.Decimal }[]>()
  for (const a of assessments) {
    if (!a.totalScore) continue
    totals.set(a.orgId, [
      ...(totals.get(a.orgId) ?? []),
      { quarter: a.round.quarter, total: a.totalScore },
    ])
  }
  const now = input.now ?? new Date()
  const before = await tx.annualResult.findMany({ where: { year: input.year } })
  const results = []
  for (const [orgId, quarterlyTotals] of totals) {
    const rollup = annualRollup({
      quarterlyTotals,
      quarterlyWeight: rules.quarterlyWeight,
      components: components.map((c) => ({
        weight: c.weight,
        points: scores.find((s) => s.orgId === orgId && s.code === c.code)?.points ?? '0',
      })),
    })
    const data = { ...rollup, computedAt: now }
    results.push(
      await tx.annualResult.upsert({
        where: { year_orgId: { year: input.year, orgId } },
        create: { year: input.year, orgId, ...data },
        update: data,
      }),
    )
  }
  // Orgs that no longer have a published quarter this year drop out.
  await tx.annualResult.deleteMany({
    where: { year: input.year, orgId: { notIn: [...totals.keys()] } },
  })
  await audit(tx, actor, 'annual.compute', 'AnnualResult', input.year, before, results)
  return results
}
