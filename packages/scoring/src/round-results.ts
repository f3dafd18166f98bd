import { computeLists } from './lists'
import { rankEntries } from './ranking'
import type {
  AdjustmentReason,
  DecimalInput,
  Id,
  ListMark,
  ListReason,
  ListRow,
  OrgCategory,
  RuleSet,
  ScoreString,
} from './types'

/** One scored assessment of a round: an org's base and total in one area. */
export interface RoundEntry {
  orgId: Id
  /** The area the assessment belongs to; lists are drawn per area (R4). */
  area: Id
  category: OrgCategory
  base: DecimalInput
  /** As the engine returns it (`scoreAssessment`'s `total`). */
  total: string
}

/** What publication freezes for one assessment (R3–R5). */
export interface RoundResult<T extends RoundEntry> {
  entry: T
  /** Rank within the entry's (area, category), 1 = best; equal totals share it. */
  rank: number
  mark: ListMark | null
  reasons: ListReason[]
  /** One per rule met, in the order of `reasons`. */
  adjustments: { reason: AdjustmentReason; points: ScoreString }[]
}

const CATEGORIES: readonly OrgCategory[] = ['I', 'II', 'III']

/**
 * A round's results (docs/domain.md R3–R5): every (area, category) ranked by total, then each
 * area's red and blue lists and performance adjustments under `rules`. Publication, the demo seed
 * and the benchmarks all call this, so a rule changes in one place.
 *
 * Results come area by area (in the order areas first appear), category I, II, III within an area,
 * rank order within a category; `secondary` only orders entries that share a total (it never
 * changes a rank), otherwise tied entries keep their input order.
 */
export function roundResults<T extends RoundEntry>(
  entries: readonly T[],
  rules: RuleSet,
  secondary?: (a: T, b: T) => number,
): RoundResult<T>[] {
  const byArea = new Map<Id, Map<OrgCategory, T[]>>()
  for (const entry of entries) {
    let area = byArea.get(entry.area)
    if (!area) byArea.set(entry.area, (area = new Map<OrgCategory, T[]>()))
    const list = area.get(entry.category)
    if (list) list.push(entry)
    else area.set(entry.category, [entry])
  }

  const results: RoundResult<T>[] = []
  for (const area of byArea.values()) {
    const ranked: { entry: T; rank: number }[] = []
    for (const category of CATEGORIES) {
      const inCategory = area.get(category)
      if (!inCategory) continue
      const keyed = inCategory.map((entry) => ({ entry, total: entry.total }))
      const order = secondary && ((a: { entry: T }, b: { entry: T }) => secondary(a.entry, b.entry))
      for (const row of rankEntries(keyed, order)) ranked.push({ entry: row.entry, rank: row.rank })
    }
    const rows: ListRow[] = ranked.map(({ entry, rank }) => ({
      orgId: entry.orgId,
      category: entry.category,
      base: entry.base,
      total: entry.total,
      rank,
    }))
    const lists = computeLists(rows, rules)
    const markOf = new Map(lists.marks.map((m) => [m.orgId, m]))
    const adjustmentsOf = new Map<Id, RoundResult<T>['adjustments']>()
    for (const adjustment of lists.adjustments) {
      const own = adjustmentsOf.get(adjustment.orgId)
      const item = { reason: adjustment.reason, points: adjustment.points }
      if (own) own.push(item)
      else adjustmentsOf.set(adjustment.orgId, [item])
    }
    for (const { entry, rank } of ranked) {
      const mark = markOf.get(entry.orgId)
      results.push({
        entry,
        rank,
        mark: mark?.mark ?? null,
        reasons: mark?.reasons ?? [],
        adjustments: adjustmentsOf.get(entry.orgId) ?? [],
      })
    }
  }
  return results
}
