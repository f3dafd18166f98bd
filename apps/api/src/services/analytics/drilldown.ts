import {
  schemeDefinitionOf,
  type ListMark,
  type OrgCategory,
  type Prisma,
  type ReconciliationStatus,
  type ScoringMethod,
  type UnitType,
} from '@redblue/db'
import { scoreAssessment, sumScores, type LossReason, required } from '@redblue/scoring'
import type { Db } from '../../context'
import { NotFoundError } from '../../errors'
import { FINAL_COUNTED, findingInputs } from '../workflow/scoring'
import { fixed2, int, meanOf } from './numbers'
import { type Actor, visibleSql } from '../../access'
import { PUBLISHED_STATUSES } from './scope'

/**
 * The drill-down of one published assessment: ranking row → dimension subtotals against the
 * category average → indicators with the points lost and why → the findings behind each lost
 * point (their ids; the GraphQL layer loads the findings, their rectifications, history and
 * evidence in one go). Four statements, all at once, whatever the scheme's size.
 *
 * Totals and dimension subtotals are the frozen ones. The per-indicator "why" (reason and the
 * findings that cost the points) is not stored, so the engine rescores the assessment from the
 * same scheme revision, inputs and standing findings, which reproduces the frozen figures because a
 * published scheme never changes.
 */
export interface DimensionBreakdown {
  dimensionId: number
  code: string
  name: string
  max: string
  points: string | null
  lost: string | null
  /** Mean subtotal of the same dimension over the round's orgs of the same area and category. */
  categoryAveragePoints: string | null
  categoryAverageLost: string | null
  /** How many assessments the average covers. */
  categoryCount: number
}

export interface IndicatorBreakdown {
  indicatorId: number
  dimensionId: number | null
  code: string
  name: string
  method: ScoringMethod
  evaluationStandard: string
  scoringGuide: string
  max: string
  points: string
  lost: string
  applicable: boolean
  reason: LossReason | null
  ratingLevel: string | null
  quantityValue: string | null
  target: string | null
  targetUnit: string | null
  bonusPoints: string | null
  note: string | null
  /** Standing findings that cost this indicator points. */
  findingIds: number[]
}

export interface AssessmentBreakdown {
  assessmentId: number
  roundId: number
  orgId: number
  areaId: number
  schemeId: number
  category: OrgCategory
  unitType: UnitType
  rank: number | null
  listMark: ListMark | null
  base: string | null
  bonus: string | null
  total: string | null
  baseMax: string
  /** Sum of the points lost on base indicators: baseMax − base. */
  lost: string
  dimensions: DimensionBreakdown[]
  indicators: IndicatorBreakdown[]
  /** Every standing finding behind a lost point, in indicator order. */
  findingIds: number[]
}

interface HeaderRow {
  id: number
  roundId: number
  orgId: number
  areaId: number
  schemeId: number
  category: OrgCategory
  unitType: UnitType
  base: Prisma.Decimal | null
  bonus: Prisma.Decimal | null
  total: Prisma.Decimal | null
  rank: number | null
  listMark: ListMark | null
  bonusCap: Prisma.Decimal
}

interface DimensionRow {
  id: number
  code: string
  name: string
  maxPoints: Prisma.Decimal
  points: Prisma.Decimal | null
  lost: Prisma.Decimal | null
  sumPoints: Prisma.Decimal | null
  sumLost: Prisma.Decimal | null
  n: number | null
}

interface IndicatorRow {
  id: number
  dimensionId: number | null
  code: string
  name: string
  method: ScoringMethod
  evaluationStandard: string
  scoringGuide: string
  maxPoints: Prisma.Decimal
  unitTypeRestriction: UnitType | null
  ratingLevels: Prisma.JsonValue | null
  target: Prisma.Decimal | null
  targetUnit: string | null
  ratingLevel: string | null
  quantityValue: Prisma.Decimal | null
  bonusPoints: Prisma.Decimal | null
  note: string | null
}

interface FindingRow {
  id: number
  indicatorId: number
  deduction: Prisma.Decimal
  reconciliationStatus: ReconciliationStatus
}

export async function assessmentBreakdown(db: Db, viewer: Actor, assessmentId: number): Promise<AssessmentBreakdown> {
  // The header decides visibility; the scheme, inputs and findings are read at the same time (by
  // the assessment id, so no round trip waits for the header) and dropped if it finds nothing.
  const [[header], dimensions, indicators, findings] = await Promise.all([
    db.$queryRaw<HeaderRow[]>`
      SELECT a."id", a."roundId", a."orgId", a."areaId", a."schemeId", a."category", a."unitType",
             a."baseScore" AS "base", a."bonusScore" AS "bonus", a."totalScore" AS "total", a."rank", a."listMark",
             s."bonusCap"
      FROM "Assessment" a
      JOIN "InspectionRound" r ON r."id" = a."roundId"
      JOIN "Scheme" s ON s."id" = a."schemeId"
      WHERE a."id" = ${assessmentId} AND r."status" IN ${PUBLISHED_STATUSES}
        AND ${visibleSql(viewer, 'a."orgId"', 'a."roundId"')}`,
    db.$queryRaw<DimensionRow[]>`
      WITH own AS (SELECT a."roundId", a."areaId", a."category", a."schemeId" FROM "Assessment" a WHERE a."id" = ${assessmentId}),
      -- The category's sums per dimension, stored at publication (RoundDimensionSummary) instead of
      -- summing a thousand peers' subtotals on every drill-down; by code, as revisions of the
      -- scheme have dimensions of their own ids.
      peers AS (
        SELECT d2."code", sum(s2."points") AS "sumPoints", sum(s2."lost") AS "sumLost",
               sum(s2."assessments")::int AS "n"
        FROM own
        JOIN "RoundDimensionSummary" s2
          ON s2."roundId" = own."roundId" AND s2."areaId" = own."areaId" AND s2."category" = own."category"
        JOIN "Dimension" d2 ON d2."id" = s2."dimensionId"
        GROUP BY d2."code"
      )
      SELECT d."id", d."code", d."name", d."maxPoints", s."points", s."lost",
             peers."sumPoints", peers."sumLost", peers."n"
      FROM own
      JOIN "Dimension" d ON d."schemeId" = own."schemeId"
      LEFT JOIN "AssessmentDimensionScore" s ON s."dimensionId" = d."id" AND s."assessmentId" = ${assessmentId}
      LEFT JOIN peers ON peers."code" = d."code"
      ORDER BY d."sortOrder", d."id"`,
    db.$queryRaw<IndicatorRow[]>`
      SELECT i."id", i."dimensionId", i."code", i."name", i."method", i."evaluationStandard", i."scoringGuide",
             i."maxPoints", i."unitTypeRestriction", i."ratingLevels", i."target", i."targetUnit",
             ii."ratingLevel", ii."quantityValue", ii."bonusPoints", ii."note"
      FROM "Assessment" a
      JOIN "Indicator" i ON i."schemeId" = a."schemeId"
      LEFT JOIN "IndicatorInput" ii ON ii."indicatorId" = i."id" AND ii."assessmentId" = a."id"
      WHERE a."id" = ${assessmentId}
      ORDER BY i."sortOrder", i."id"`,
    db.$queryRaw<FindingRow[]>`
      SELECT f."id", f."indicatorId", f."deduction", f."reconciliationStatus"
      FROM "Finding" f WHERE f."assessmentId" = ${assessmentId}
      ORDER BY f."id"`,
  ])
  // Not published, not there, or not the viewer's to see: one answer for all three.
  if (!header) throw new NotFoundError('Assessment', assessmentId)

  const scheme = schemeDefinitionOf({ bonusCap: header.bonusCap, dimensions, indicators })
  const score = scoreAssessment(scheme, {
    unitType: header.unitType,
    inputs: indicators.map((i) => ({
      indicatorId: i.id,
      ratingLevel: i.ratingLevel,
      quantityValue: i.quantityValue,
      bonusPoints: i.bonusPoints,
    })),
    findings: findingInputs(findings, FINAL_COUNTED),
  })
  const scored = new Map(score.indicators.map((s) => [s.indicatorId, s]))

  const indicatorBreakdowns = indicators.map((i): IndicatorBreakdown => {
    const s = required(scored.get(i.id), `score of indicator ${i.id}`)
    return {
      indicatorId: i.id,
      dimensionId: i.dimensionId,
      code: i.code,
      name: i.name,
      method: i.method,
      evaluationStandard: i.evaluationStandard,
      scoringGuide: i.scoringGuide,
      max: s.max,
      points: s.points,
      lost: s.lost,
      applicable: s.applicable,
      reason: s.reason,
      // An indicator that does not apply counts nothing: no input of it is reported beside its 0.
      ratingLevel: s.applicable ? i.ratingLevel : null,
      quantityValue: s.applicable ? fixed2(i.quantityValue) : null,
      target: fixed2(i.target),
      targetUnit: i.targetUnit,
      bonusPoints: s.applicable ? fixed2(i.bonusPoints) : null,
      note: i.note,
      findingIds: s.findingIds.map(Number),
    }
  })
  return {
    assessmentId: header.id,
    roundId: header.roundId,
    orgId: header.orgId,
    areaId: header.areaId,
    schemeId: header.schemeId,
    category: header.category,
    unitType: header.unitType,
    rank: header.rank,
    listMark: header.listMark,
    base: fixed2(header.base),
    bonus: fixed2(header.bonus),
    total: fixed2(header.total),
    baseMax: score.baseMax,
    lost: sumScores(score.lostPoints.map((l) => l.lost)),
    dimensions: dimensions.map((d) => ({
      dimensionId: d.id,
      code: d.code,
      name: d.name,
      max: fixed2(d.maxPoints),
      points: fixed2(d.points),
      lost: fixed2(d.lost),
      categoryAveragePoints: meanOf(d.sumPoints, int(d.n)),
      categoryAverageLost: meanOf(d.sumLost, int(d.n)),
      categoryCount: int(d.n),
    })),
    indicators: indicatorBreakdowns,
    findingIds: indicatorBreakdowns.flatMap((i) => i.findingIds),
  }
}
