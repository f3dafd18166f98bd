import { compareScores, formatCents, toCents } from './decimal'
import type {
  AdjustmentEntry,
  AdjustmentReason,
  Id,
  ListMarkEntry,
  ListReason,
  ListRow,
  ListsResult,
  OrgCategory,
  RuleSet,
} from './types'

/** The source's rules (R4, R5, R8, R10); each year's RuleSet starts from these. */
export const DEFAULT_RULE_SET: RuleSet = {
  redCategories: ['I', 'II'],
  blueLastCategories: ['I', 'II'],
  baseThresholdCategories: ['III'],
  baseThreshold: '98.00',
  redPoints: '1.50',
  bluePoints: '-1.50',
  thresholdPoints: '-0.50',
  quarterlyWeight: '0.40',
  warningDays: 7,
  rectificationDays: 30,
}

const ADJUSTMENT_OF: Record<ListReason, AdjustmentReason> = {
  FIRST_IN_CATEGORY: 'RED_LIST',
  LAST_IN_CATEGORY: 'BLUE_LIST',
  BELOW_THRESHOLD: 'BELOW_THRESHOLD',
}

/**
 * R4 red/blue lists and R5 performance adjustments for one area's assessments in one round.
 *
 * - Red: every org holding the best rank of a red category (all of them on a tie for first).
 * - Blue, last place: every org holding the worst rank of a blue-last category, but only when that
 *   rank is behind someone. An org alone in its category, or a category where everyone ties, is
 *   first and not last: red only. (Being last needs someone ahead of you.)
 * - Blue, threshold: every org of a threshold category whose BASE (not total: bonus cannot buy
 *   it out) is strictly below the threshold; exactly 98.00 is not blue.
 * An org matching both red and blue reasons (only possible with a custom RuleSet) is marked BLUE,
 * since its mark has one colour, and `reasons` lists everything that applied. Each applicable rule
 * yields its own adjustment, so the monthly performance reflects every rule that was met.
 *
 * Ranks come from the rows (rankEntries per category). Output follows row order.
 */
export function computeLists(rows: readonly ListRow[], rules: RuleSet): ListsResult {
  const bestRank = new Map<OrgCategory, number>()
  const worstRank = new Map<OrgCategory, number>()
  for (const row of rows) {
    bestRank.set(row.category, Math.min(bestRank.get(row.category) ?? Infinity, row.rank))
    worstRank.set(row.category, Math.max(worstRank.get(row.category) ?? -Infinity, row.rank))
  }
  const red = new Set(rules.redCategories)
  const blueLast = new Set(rules.blueLastCategories)
  const threshold = new Set(rules.baseThresholdCategories)
  const points: Record<AdjustmentReason, string> = {
    RED_LIST: formatCents(toCents(rules.redPoints)),
    BLUE_LIST: formatCents(toCents(rules.bluePoints)),
    BELOW_THRESHOLD: formatCents(toCents(rules.thresholdPoints)),
  }

  const marks: ListMarkEntry[] = []
  const adjustments: AdjustmentEntry[] = []
  const marked = new Set<Id>()
  for (const row of rows) {
    const reasons: ListReason[] = []
    // Both maps hold every row's category (filled from these rows above).
    const best = bestRank.get(row.category) ?? row.rank
    const worst = worstRank.get(row.category) ?? row.rank
    if (red.has(row.category) && row.rank === best) reasons.push('FIRST_IN_CATEGORY')
    if (blueLast.has(row.category) && row.rank === worst && worst > best)
      reasons.push('LAST_IN_CATEGORY')
    if (threshold.has(row.category) && compareScores(row.base, rules.baseThreshold) < 0) {
      reasons.push('BELOW_THRESHOLD')
    }
    if (reasons.length === 0) continue
    if (marked.has(row.orgId))
      throw new RangeError(`Org ${String(row.orgId)} appears twice in one area's rows`)
    marked.add(row.orgId)
    const blue = reasons.some((r) => r !== 'FIRST_IN_CATEGORY')
    marks.push({ orgId: row.orgId, category: row.category, mark: blue ? 'BLUE' : 'RED', reasons })
    for (const reason of reasons) {
      const adjustment = ADJUSTMENT_OF[reason]
      adjustments.push({
        orgId: row.orgId,
        category: row.category,
        reason: adjustment,
        points: points[adjustment],
      })
    }
  }
  return { marks, adjustments }
}
