import type { Id } from '@redblue/scoring'
import { chartNumber } from './common'
import type { ChartOption } from './types'

export interface ParetoRow {
  problemCategoryId: Id
  name: string
  count: number
  /** Running share of all findings up to and including this category, two decimals ("62.50"). */
  cumulativePercent: string
}

/**
 * The API's Pareto entries (most frequent first, running share computed there by the engine's
 * `paretoShares`) as the chart's rows.
 */
export function paretoRows(
  entries: readonly { problemCategoryId: Id; problemCategory: { name: string }; count: number; cumulativeShare: string }[],
): ParetoRow[] {
  return entries.map((e) => ({
    problemCategoryId: e.problemCategoryId,
    name: e.problemCategory.name,
    count: e.count,
    cumulativePercent: e.cumulativeShare,
  }))
}

export interface ParetoInput {
  rows: readonly ParetoRow[]
  /** The "vital few" line, in percent. */
  threshold?: number
  labels: { count: string; cumulative: string }
}

/** Bars of finding counts by problem category with the cumulative share as a line and an 80 % mark. */
export function paretoOption(input: ParetoInput): ChartOption {
  const threshold = input.threshold ?? 80
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0 },
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: input.rows.map((r) => r.name),
      axisLabel: { interval: 0, rotate: input.rows.length > 8 ? 40 : 0, width: 96, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        id: 'count',
        name: input.labels.count,
        data: input.rows.map((r) => r.count),
        color: '#c8161d',
      },
      {
        type: 'line',
        id: 'cumulative',
        name: input.labels.cumulative,
        yAxisIndex: 1,
        data: input.rows.map((r) => chartNumber(r.cumulativePercent)),
        color: '#1d5bd8',
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—') },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed' },
          // At the line's right end, under it: the left end sat on the tallest bar, while on the
          // right the cumulative line is above 80% and the bars are at their lowest.
          label: { formatter: `${threshold}%`, position: 'insideEndBottom' },
          data: [{ yAxis: threshold }],
        },
      },
    ],
  }
}
