import type { OrgCategory } from '@redblue/scoring'
import type { LostPointsMatrix } from '../charts/heatmap'
import type { RoundPoint } from '../charts/types'

/**
 * Turns the analytics API's answers into the chart builders' inputs. The API aligns every series
 * with its window of rounds (oldest first), which becomes the x axis as it is.
 */

export interface TrendData {
  rounds: readonly { id: number; year: number; quarter: number }[]
  orgs: readonly { orgId: number; org: { name: string; shortName?: string | null }; totals: readonly (string | null)[] }[]
  categoryAverages: readonly {
    category: OrgCategory
    totals: readonly (string | null)[]
    dimensions: readonly { code: string; name: string; lost: readonly (string | null)[] }[]
  }[]
  findingCounts: readonly { problemCategoryId: number; problemCategory: { name: string }; counts: readonly number[] }[]
  closeOutRates: readonly { roundId: number; total: number; closed: number; rate: string | null }[]
}

export const orgLabel = (org: { name: string; shortName?: string | null }) => org.shortName || org.name

export function roundPoints(
  rounds: TrendData['rounds'],
  label: (round: { year: number; quarter: number }) => string,
): RoundPoint[] {
  return rounds.map((r) => ({ id: r.id, label: label(r) }))
}

export function trendSeries(data: TrendData, category: OrgCategory) {
  const average = data.categoryAverages.find((a) => a.category === category) ?? null
  return {
    orgs: data.orgs.map((o) => ({ orgId: o.orgId, name: orgLabel(o.org), values: o.totals })),
    averageValues: average?.totals ?? null,
    dimensions: (average?.dimensions ?? []).map((d) => ({ dimensionId: d.code, name: d.name, values: d.lost })),
    categories: data.findingCounts.map((c) => ({
      problemCategoryId: c.problemCategoryId,
      name: c.problemCategory.name,
      counts: c.counts,
    })),
    // Close-out points come per round id; align them with the window in case the API skips one.
    rates: data.rounds.map(
      (r) => data.closeOutRates.find((c) => c.roundId === r.id) ?? { roundId: r.id, total: 0, closed: 0, rate: null },
    ),
  }
}

/** Whether any series has a value: an all-empty trend shows the empty state, not blank axes. */
export function hasValues(series: readonly { values: readonly (string | null)[] }[]): boolean {
  return series.some((s) => s.values.some((v) => v !== null))
}

export interface MatrixData {
  columns: readonly { code: string; name: string }[]
  rows: readonly { assessmentId: number; orgId: number; org: { name: string; shortName?: string | null }; lost: readonly (string | null)[] }[]
}

/** Rows of the API's matrix as heatmap cells; a dimension missing from an org's scheme stays blank. */
export function matrixInput(data: MatrixData): LostPointsMatrix & { assessmentIds: Map<string, number> } {
  return {
    orgs: data.rows.map((r) => ({ orgId: r.orgId, name: orgLabel(r.org) })),
    dimensions: data.columns.map((c) => ({ dimensionId: c.code, name: c.name })),
    cells: data.rows.flatMap((r) =>
      data.columns.flatMap((c, i) => {
        const lost = r.lost[i]
        return lost === null || lost === undefined ? [] : [{ orgId: r.orgId, dimensionId: c.code, lost }]
      }),
    ),
    assessmentIds: new Map(data.rows.map((r) => [String(r.orgId), r.assessmentId])),
  }
}
