import type { ListMark, OrgCategory } from '@redblue/db'
import { roundResults, type RuleSet } from '@redblue/scoring'
import type { Tx } from '../types'
import type { ScoredAssessment } from './freeze-scores'

/** Ranks and the red and blue lists of a round (R3–R5), from its frozen scores. */

export interface PerformanceAdjustmentRow {
  orgId: number
  areaId: number
  category: OrgCategory
  reason: string
  points: string
}

export interface RoundLists {
  rankOf: Map<number, number>
  markOf: Map<number, ListMark>
  /** R5: what each list and the threshold are worth, per org, area and category. */
  adjustments: PerformanceAdjustmentRow[]
  /** The blue-list orgs by area: each is interviewed (R9). */
  blue: { orgId: number; areaId: number }[]
}

/**
 * Ranks per (area, category) and marks the lists per area by the engine, keyed by assessment id:
 * JavaScript only, done while the server is busy with the writes sent before the scoring.
 */
export function rankAndList(scored: readonly ScoredAssessment[], rules: RuleSet): RoundLists {
  const results = roundResults(
    scored.map((s) => ({
      orgId: s.assessment.orgId,
      area: s.assessment.areaId,
      category: s.assessment.category,
      base: s.score.base,
      total: s.score.total,
      assessmentId: s.assessment.id,
    })),
    rules,
  )
  const lists: RoundLists = { rankOf: new Map(), markOf: new Map(), adjustments: [], blue: [] }
  for (const { entry, rank, mark, adjustments: own } of results) {
    lists.rankOf.set(entry.assessmentId, rank)
    if (mark) lists.markOf.set(entry.assessmentId, mark)
    if (mark === 'BLUE') lists.blue.push({ orgId: entry.orgId, areaId: entry.area })
    for (const adjustment of own) {
      lists.adjustments.push({
        orgId: entry.orgId,
        areaId: entry.area,
        category: entry.category,
        ...adjustment,
      })
    }
  }
  return lists
}

/**
 * Each assessment's frozen score with its rank, list mark and count of standing findings, in one
 * set-based statement: a statement per assessment made a provincial round's publication take
 * minutes.
 */
export function storeResults(
  tx: Tx,
  scored: readonly ScoredAssessment[],
  lists: RoundLists,
  now: Date,
) {
  const { rankOf, markOf } = lists
  return tx.$executeRaw`
    UPDATE "Assessment" a
    SET "baseScore" = u."base", "bonusScore" = u."bonus", "totalScore" = u."total", "rank" = u."rank",
        "listMark" = u."mark"::"ListMark", "findingCount" = u."standing", "frozenAt" = ${now},
        "version" = a."version" + 1, "updatedAt" = CURRENT_TIMESTAMP
    FROM unnest(
      ${scored.map((s) => s.assessment.id)}::int[],
      ${scored.map((s) => s.score.base)}::numeric[],
      ${scored.map((s) => s.score.bonus)}::numeric[],
      ${scored.map((s) => s.score.total)}::numeric[],
      ${scored.map((s) => rankOf.get(s.assessment.id) ?? null)}::int[],
      ${scored.map((s) => markOf.get(s.assessment.id) ?? null)}::text[],
      ${scored.map((s) => s.standing)}::int[]
    ) AS u("id", "base", "bonus", "total", "rank", "mark", "standing")
    WHERE a."id" = u."id"`
}
