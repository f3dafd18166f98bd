/**
 * Inputs, scores, ranks, red/blue lists, adjustments, notices and interviews — every number from
 * @redblue/scoring applied to the generated inputs and findings.
 */

import {
  annualRollup,
  chinaMonth,
  DEFAULT_RATING_LEVELS,
  required,
  roundResults,
  scoreAssessment,
  type AssessmentScore,
  type FindingInput,
  type IndicatorInputValue,
} from '@redblue/scoring'
import { frozenDimensions, frozenPoints } from '../frozen'
import type { OrgCategory } from '../generated/prisma/enums'
import { ANNUAL_COMPONENTS, schemeKey, type Catalog, type Org, type SchemeInfo } from './catalog'
import { categoryOf } from './orgs'
import { LEADERSHIP } from './people'
import type { Random } from './random'
import { AREAS, MAIN_AREA, type AreaCode } from './schemes'
import { addDays, at, dbDate } from './time'
import { QUARTER_NAMES, type RoundCtx, key } from './context'

const [GOOD, FAIRLY_GOOD, AVERAGE, POOR] = DEFAULT_RATING_LEVELS

export function drawInputs(
  scheme: SchemeInfo,
  unitType: Org['unitType'],
  s: number,
  area: AreaCode,
  random: Random,
): IndicatorInputValue[] {
  const inputs: IndicatorInputValue[] = []
  for (const ind of scheme.definition.indicators) {
    if (ind.unitTypeRestriction && ind.unitTypeRestriction !== unitType) continue
    const id = ind.id as number
    if (ind.method === 'RATING') {
      const good = area === MAIN_AREA ? 0.6 + 0.38 * s : 0.7 + 0.28 * s
      const level = random.weighted([
        [GOOD.label, good],
        [FAIRLY_GOOD.label, (1 - good) * 0.85],
        [AVERAGE.label, (1 - good) * 0.14],
        [POOR.label, (1 - good) * 0.01],
      ] as const)
      inputs.push({ indicatorId: id, ratingLevel: level })
    } else if (ind.method === 'QUANTITY') {
      const target = Number(ind.target)
      const seed = required(scheme.indicatorSeed.get(id), `the seed of indicator ${id}`)
      let value: number
      if (seed.targetUnit === '%')
        value = Math.min(100, Math.round((88 + 12 * s + (random.next() - 0.3) * 8) * 10) / 10)
      else if (seed.targetUnit === '篇')
        value = Math.max(1, Math.round(target * (0.85 + 0.35 * s) + (random.next() - 0.4) * 2))
      else value = Math.round(target * (0.9 + 0.15 * s + (random.next() - 0.5) * 0.12) * 2) / 2
      inputs.push({ indicatorId: id, quantityValue: value.toFixed(2) })
    } else if (ind.method === 'BONUS') {
      const max = Number(ind.maxPoints)
      const steps = (
        [
          [0, 1.7 - s],
          [0.5, 0.8 * s],
          [1, 0.4 * s],
          [1.5, 0.15 * s],
          [2, 0.08 * s],
        ] as const
      ).filter(([v]) => v <= max)
      inputs.push({ indicatorId: id, bonusPoints: random.weighted(steps).toFixed(2) })
    }
  }
  return inputs
}

export interface Scored {
  org: Org
  area: AreaCode
  category: OrgCategory
  assessmentId: number
  score: AssessmentScore
}

export function createAssessment(
  catalog: Catalog,
  ctx: RoundCtx,
  org: Org,
  area: AreaCode,
): { id: number; scheme: SchemeInfo; category: OrgCategory } {
  const category = categoryOf(org, ctx.spec.year)
  const scheme = catalog.schemes.get(schemeKey(ctx.spec.year, area, category))
  if (!scheme) throw new Error(`No scheme for ${ctx.spec.year} ${area} ${category}`)
  const id = catalog.ids.take('assessment')
  for (const f of ctx.findings) {
    if (f.org.id !== org.id || f.area !== area) continue
    f.assessmentId = id
    f.indicatorId = required(
      scheme.indicatorId.get(f.problem.indicator),
      `indicator ${f.problem.indicator}`,
    )
    const row = required(
      catalog.rows.finding.find((r) => r.id === f.id),
      `finding row ${f.id}`,
    )
    row.assessmentId = id
    row.indicatorId = f.indicatorId
  }
  return { id, scheme, category }
}

export function scoreAndPublish(
  catalog: Catalog,
  ctx: RoundCtx,
  strengthIn: (org: Org, round: number) => number,
  random: Random,
): void {
  const { rows, ids } = catalog
  const publishedAt = required(ctx.publishedAt, 'the publication time of a published round')
  const month = chinaMonth(publishedAt)
  const rules = catalog.ruleSet(ctx.spec.year)
  const scored: Scored[] = []
  for (const area of ctx.areas) {
    for (const org of catalog.orgs) {
      const { id, scheme, category } = createAssessment(catalog, ctx, org, area)
      const inputs = drawInputs(scheme, org.unitType, strengthIn(org, ctx.index), area, random)
      const findings: FindingInput[] = ctx.findings
        .filter((f) => f.assessmentId === id)
        .map((f) => ({
          id: f.id,
          indicatorId: f.indicatorId,
          deduction: f.deduction,
          counts: f.status === 'CONFIRMED' || f.status === 'UPHELD',
        }))
      const score = scoreAssessment(scheme.prepared, { unitType: org.unitType, inputs, findings })
      scored.push({ org, area, category, assessmentId: id, score })
      ctx.scores.set(key(org.id, area), { total: score.total, base: score.base })
      const team = required(ctx.teamOf.get(org.id), `the team of org ${org.code}`)
      const visit = required(ctx.visitDay.get(org.id), `the visit day of org ${org.code}`)
      for (const input of inputs) {
        rows.indicatorInput.push({
          id: ids.take('indicatorInput'),
          assessmentId: id,
          indicatorId: input.indicatorId as number,
          ratingLevel: input.ratingLevel ?? undefined,
          quantityValue: (input.quantityValue as string | undefined) ?? undefined,
          bonusPoints: (input.bonusPoints as string | undefined) ?? undefined,
          updatedAt: at(visit, '16:00'),
        })
      }
      // Every scheme indicator's frozen points and the dimension subtotals, as publishRound writes them.
      rows.assessmentIndicatorPoints.push({
        assessmentId: id,
        points: frozenPoints(score),
        dimensions: frozenDimensions(score),
      })
      rows.assessment.push({
        id,
        roundId: ctx.id,
        orgId: org.id,
        areaId: catalog.areaId[area],
        schemeId: scheme.id,
        category,
        unitType: org.unitType,
        status: 'SUBMITTED',
        baseScore: score.base,
        bonusScore: score.bonus,
        totalScore: score.total,
        frozenAt: publishedAt,
        updatedById: required(team.members[0], 'the first member of a team').id,
        createdAt: at(ctx.spec.start, '08:30'),
        updatedAt: publishedAt,
      })
    }
  }

  // R3 ranks per area and category, R4 lists and R5 adjustments per area, as publication does.
  const assessmentRow = new Map(rows.assessment.map((a) => [a.id, a]))
  const results = roundResults(
    scored.map((s) => ({
      s,
      orgId: s.org.id,
      area: s.area,
      category: s.category,
      base: s.score.base,
      total: s.score.total,
    })),
    rules,
    (a, b) => a.s.org.sortOrder - b.s.org.sortOrder,
  )
  for (const { entry, rank, mark, reasons, adjustments } of results) {
    const row = assessmentRow.get(entry.s.assessmentId)
    if (!row) throw new Error(`assessment ${entry.s.assessmentId} was not written`)
    row.rank = rank
    if (!mark) continue
    row.listMark = mark
    if (mark === 'BLUE') interview(catalog, ctx, entry.s, reasons, random)
    for (const adj of adjustments) {
      rows.performanceAdjustment.push({
        id: ids.take('performanceAdjustment'),
        roundId: ctx.id,
        orgId: entry.orgId,
        areaId: catalog.areaId[entry.area],
        category: entry.category,
        reason: adj.reason,
        points: adj.points,
        month,
        createdAt: publishedAt,
      })
    }
  }

  const pubYear = publishedAt.getUTCFullYear()
  rows.notice.push({
    id: ids.take('notice'),
    roundId: ctx.id,
    docNo: `白供电党〔${pubYear}〕${2 + ctx.index}号`,
    title: `关于${ctx.spec.year}年第${required(QUARTER_NAMES[ctx.spec.quarter - 1], `the name of quarter ${ctx.spec.quarter}`)}季度基层党建工作季度差异化积分考核评价结果的通报`,
    issuedBy: '中共国网白银供电公司委员会',
    issuedAt: publishedAt,
  })
}

export const INTERVIEWERS: Record<AreaCode, string> = {
  PARTY_BUILDING: `公司党委书记 ${LEADERSHIP.leader.displayName}`,
  INTEGRITY: `公司纪委书记 ${LEADERSHIP.disciplineSecretary}`,
  PUBLICITY: `公司党委副书记 ${LEADERSHIP.deputySecretary}`,
}

export function interview(
  catalog: Catalog,
  ctx: RoundCtx,
  s: Scored,
  reasons: readonly string[],
  random: Random,
): void {
  const { rows, ids } = catalog
  const area = required(
    AREAS.find((a) => a.code === s.area),
    `area ${s.area}`,
  )
  const date = addDays(
    required(ctx.spec.published, 'the publication date of a published round'),
    6 + (s.org.sortOrder % 4),
  )
  const id = ids.take('interview')
  const why = reasons.includes('BELOW_THRESHOLD')
    ? `基础得分${s.score.base}分，低于98分`
    : `总分${s.score.total}分，在${s.category}类党组织中排名末位`
  rows.interview.push({
    id,
    roundId: ctx.id,
    orgId: s.org.id,
    areaId: catalog.areaId[s.area],
    date: dbDate(date),
    interviewer: INTERVIEWERS[s.area],
    interviewee: `${s.org.secretary}（${s.org.shortName}书记）`,
    notes: `${ctx.name}${area.name}考评中，${s.org.name}${why}，进入“蓝榜”。约谈指出问题清单，${s.org.secretary}作表态发言，承诺逐项整改，下季度检查时“回头看”。`,
    createdAt: at(date, '15:00'),
  })
  const own = ctx.findings.filter(
    (f) => f.org.id === s.org.id && f.area === s.area && f.status !== 'WITHDRAWN',
  )
  const contents = [
    ...new Set(own.map((f) => `针对“${f.problem.name}”问题，${f.problem.measure}`)),
  ].slice(0, 2)
  contents.push(
    random.pick([
      '支部书记牵头开展一次党建工作专题自查，形成自查报告',
      '召开专题组织生活会，深入剖析问题根源',
      '制定提升方案，下季度检查前报送整改情况',
    ]),
  )
  contents.forEach((content, i) => {
    const itemId = ids.take('interviewItem')
    rows.interviewItem.push({ id: itemId, interviewId: id, content, sortOrder: i + 1 })
    ctx.interviewItems.push({ id: itemId, org: s.org, content, date })
  })
}

export function assessCurrent(
  catalog: Catalog,
  ctx: RoundCtx,
  strengthIn: (org: Org, round: number) => number,
  random: Random,
): void {
  const { rows, ids } = catalog
  for (const area of ctx.areas) {
    for (const org of catalog.orgs) {
      const { id, scheme, category } = createAssessment(catalog, ctx, org, area)
      const visit = ctx.visitDay.get(org.id)
      const team = required(ctx.teamOf.get(org.id), `the team of org ${org.code}`)
      let status: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' = 'NOT_STARTED'
      if (visit !== undefined) {
        status = random.chance(0.35) ? 'SUBMITTED' : 'IN_PROGRESS'
        const inputs = drawInputs(scheme, org.unitType, strengthIn(org, ctx.index), area, random)
        // An assessment in progress has only part of its inputs.
        const kept = status === 'SUBMITTED' ? inputs : inputs.filter(() => random.chance(0.6))
        for (const input of kept) {
          rows.indicatorInput.push({
            id: ids.take('indicatorInput'),
            assessmentId: id,
            indicatorId: input.indicatorId as number,
            ratingLevel: input.ratingLevel ?? undefined,
            quantityValue: (input.quantityValue as string | undefined) ?? undefined,
            bonusPoints: (input.bonusPoints as string | undefined) ?? undefined,
            updatedAt: at(visit, '16:00'),
          })
        }
      }
      rows.assessment.push({
        id,
        roundId: ctx.id,
        orgId: org.id,
        areaId: catalog.areaId[area],
        schemeId: scheme.id,
        category,
        unitType: org.unitType,
        status,
        updatedById:
          visit !== undefined
            ? required(team.members[0], 'the first member of a team').id
            : undefined,
        version: visit !== undefined ? 2 : 1,
        createdAt: at(ctx.spec.start, '08:30'),
        updatedAt: visit !== undefined ? at(visit, '16:00') : at(ctx.spec.start, '08:30'),
      })
    }
  }
}

export function annualResults(catalog: Catalog, rounds: RoundCtx[], random: Random): void {
  const { rows, ids } = catalog
  for (const round of rounds) {
    const year = round.spec.year
    const weight = catalog.ruleSet(year).quarterlyWeight
    for (const org of catalog.orgs) {
      const components = ANNUAL_COMPONENTS.map((c) => {
        const points = (85 + random.int(0, 26) / 2).toFixed(2)
        rows.annualComponentScore.push({
          id: ids.take('annualComponentScore'),
          year,
          orgId: org.id,
          code: c.code,
          points,
        })
        return { points, weight: c.weight }
      })
      const totals = rounds
        .filter((r) => r.spec.year === year)
        .map((r) => ({
          quarter: r.spec.quarter,
          total: required(
            r.scores.get(key(org.id, MAIN_AREA)),
            `the main-area score of org ${org.code}`,
          ).total,
        }))
      const result = annualRollup({ quarterlyTotals: totals, quarterlyWeight: weight, components })
      rows.annualResult.push({
        id: ids.take('annualResult'),
        year,
        orgId: org.id,
        ...result,
        computedAt: at(
          required(round.spec.published, 'the publication date of a published round'),
          '12:00',
        ),
      })
    }
  }
}
