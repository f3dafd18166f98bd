import type { DashboardCategoryRankingQuery, ListMark } from '@/generated/graphql'

/** The columns of `CategoryRanking.table` the dashboard asks for, item i of each being row i. */
export type RankingColumns = DashboardCategoryRankingQuery['categoryRanking']['table']

/** One org's line of the ranking table. */
export interface RankingRow {
  assessmentId: number
  orgName: string
  rank: number | null
  base: string | null
  bonus: string | null
  total: string | null
  listMark: ListMark | null
  /** Previous rank − rank: positive moved up; null unless ranked in the same category both times. */
  rankChange: number | null
  totalChange: string | null
  /** Null for orgs whose findings the viewer may not see. */
  findingCount: number | null
  openRectifications: number | null
}

/** The ranking's rows in rank order, from the columns the API sends (one list per field). */
export function rankingRows(table: RankingColumns | null | undefined): RankingRow[] {
  if (!table) return []
  return table.assessmentIds.map((assessmentId, i) => ({
    assessmentId,
    orgName: table.orgNames[i] ?? '',
    rank: table.ranks[i] ?? null,
    base: table.bases[i] ?? null,
    bonus: table.bonuses[i] ?? null,
    total: table.totals[i] ?? null,
    listMark: table.listMarks[i] ?? null,
    rankChange: table.rankChanges[i] ?? null,
    totalChange: table.totalChanges[i] ?? null,
    findingCount: table.findingCounts[i] ?? null,
    openRectifications: table.openRectifications[i] ?? null,
  }))
}
