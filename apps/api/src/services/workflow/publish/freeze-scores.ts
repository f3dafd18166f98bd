import { frozenRowJson, type OrgCategory, type ReconciliationStatus } from '@redblue/db'
import { scoreAssessment, type AssessmentScore } from '@redblue/scoring'
import { COUNTED_AT_PUBLICATION, findingInputs, type SchemeCache } from '../scoring'
import type { Tx } from '../types'
import { letTheIoThrough } from './pipeline'

/**
 * Freezing a round's scores at publication (R2, R6): every assessment scored by the engine from
 * what its inspectors entered and the findings that count, then written once and never again.
 */

interface ScoringInputRow {
  assessmentId: number
  indicatorId: number
  ratingLevel: string | null
  quantityValue: string | null
  bonusPoints: string | null
}

export interface PublishedAssessmentRow {
  id: number
  orgId: number
  areaId: number
  schemeId: number
  category: OrgCategory
  unitType: 'GRASSROOTS' | 'HEADQUARTERS'
}

interface ScoringFindingRow {
  id: number
  assessmentId: number
  indicatorId: number
  deduction: string
  reconciliationStatus: ReconciliationStatus
}

export interface ScoredAssessment {
  assessment: PublishedAssessmentRow
  score: AssessmentScore
  /** How many of its findings stand (count at publication). */
  standing: number
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group) group.push(row)
    else groups.set(k, [row])
  }
  return groups
}

/**
 * What the scoring reads of a round, by round: its assessments, the inspectors' inputs and the
 * findings, decimals as text (the engine reads "97.50" directly). Lazy Prisma statements: each
 * runs when first awaited.
 */
export function roundReads(db: Tx, roundId: number) {
  return [
    db.$queryRaw<PublishedAssessmentRow[]>`
      SELECT a."id", a."orgId", a."areaId", a."schemeId", a."category"::text AS "category",
             a."unitType"::text AS "unitType"
      FROM "Assessment" a WHERE a."roundId" = ${roundId} ORDER BY a."id"`,
    db.$queryRaw<ScoringInputRow[]>`
      SELECT ii."assessmentId", ii."indicatorId", ii."ratingLevel", ii."quantityValue"::text AS "quantityValue",
             ii."bonusPoints"::text AS "bonusPoints"
      FROM "IndicatorInput" ii JOIN "Assessment" a ON a."id" = ii."assessmentId"
      WHERE a."roundId" = ${roundId}`,
    db.$queryRaw<ScoringFindingRow[]>`
      SELECT f."id", f."assessmentId", f."indicatorId", f."deduction"::text AS "deduction",
             f."reconciliationStatus"::text AS "reconciliationStatus"
      FROM "Finding" f WHERE f."roundId" = ${roundId}`,
  ] as const
}

/**
 * Scores every assessment of the round in memory (the findings that count at publication: the
 * reads may precede the deemed confirmations), with what is frozen besides the scores (every
 * indicator's points and the dimension subtotals) as one JSON document, one row per assessment
 * (see frozenRowJson): as a jsonb[] parameter (9,000 objects of 60 points, every quote escaped) it
 * took ≈ 3 s to serialize and parse instead of ≈ 0.5 s, and the subtotals as rows of their own
 * (72,000 a round) ≈ 0.7–1.2 s to insert.
 */
export async function scoreRound(
  cache: SchemeCache,
  [assessments, inputRows, findingRows]: readonly [
    PublishedAssessmentRow[],
    ScoringInputRow[],
    ScoringFindingRow[],
  ],
): Promise<{ scored: ScoredAssessment[]; frozenDocument: string }> {
  const inputsOf = groupBy(inputRows, (r) => r.assessmentId)
  const findingsOf = groupBy(findingRows, (r) => r.assessmentId)
  const scored: ScoredAssessment[] = []
  const frozenRows: string[] = []
  for (const [i, assessment] of assessments.entries()) {
    await letTheIoThrough(i)
    const { prepared } = await cache.get(assessment.schemeId)
    const findings = findingInputs(findingsOf.get(assessment.id) ?? [], COUNTED_AT_PUBLICATION)
    const score = scoreAssessment(prepared, {
      unitType: assessment.unitType,
      inputs: inputsOf.get(assessment.id) ?? [],
      findings,
    })
    frozenRows.push(frozenRowJson(assessment.id, score))
    scored.push({ assessment, score, standing: findings.filter((f) => f.counts).length })
  }
  return { scored, frozenDocument: `[${frozenRows.join(',')}]` }
}

/**
 * Every scheme indicator's points and the subtotals in one row per assessment (not one input row
 * per indicator and one row per dimension: 9,000 rows for a provincial round instead of 612,000);
 * the inspector's inputs stay as they are. One statement.
 */
export function freezePoints(tx: Tx, frozenDocument: string) {
  return tx.$executeRaw`
    INSERT INTO "AssessmentIndicatorPoints" ("assessmentId", "points", "dimensions")
    SELECT r."a", r."p", r."s"
    FROM jsonb_to_recordset(${frozenDocument}::jsonb) AS r("a" int, "p" jsonb, "s" jsonb)`
}
