import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { Id } from '@redblue/scoring'
import { chartNumber, formatScore } from './common'
import type { ChartClick, ChartOption, RoundPoint } from './types'

/** Series ids carry the org so that a click on a point can open it. */
const ORG_SERIES_PREFIX = 'org:'
export const AVERAGE_SERIES_ID = 'category-average'
/** The category average stands out: a thick amber line above the orgs' thin ones. */
export const AVERAGE_COLOUR = '#f0a020'

export interface TrendLinesInput {
  rounds: readonly RoundPoint[]
  orgs: readonly { orgId: Id; name: string; values: readonly (string | null)[] }[]
  /**
   * The category average's line; `endLabel` names it at its end (default: its name), where the
   * chart keeps 72 px of room: the legend carries the full name.
   */
  average: { name: string; endLabel?: string; values: readonly (string | null)[] } | null
  /** The org to keep in focus (the branch page's own org). */
  highlightOrgId?: Id | null
}

/** A line per org over the rounds, with the category average emphasised. */
export function trendLinesOption(input: TrendLinesInput): ChartOption {
  const highlighted = input.highlightOrgId ?? null
  const orgSeries: LineSeriesOption[] = input.orgs.map((org) => {
    const focus = highlighted !== null && String(org.orgId) === String(highlighted)
    return {
      type: 'line',
      id: `${ORG_SERIES_PREFIX}${org.orgId}`,
      name: org.name,
      data: input.rounds.map((_, i) => chartNumber(org.values[i])),
      symbolSize: focus ? 8 : 5,
      lineStyle: { width: focus ? 3 : 1.5, opacity: highlighted === null || focus ? 0.85 : 0.35 },
      emphasis: { focus: 'series' },
      z: focus ? 5 : 2,
    }
  })
  const series: LineSeriesOption[] = [...orgSeries]
  const average = input.average
  if (average) {
    series.push({
      type: 'line',
      id: AVERAGE_SERIES_ID,
      name: average.name,
      data: input.rounds.map((_, i) => chartNumber(average.values[i])),
      symbol: 'diamond',
      symbolSize: 10,
      color: AVERAGE_COLOUR,
      lineStyle: { width: 4, type: 'dashed', color: AVERAGE_COLOUR },
      endLabel: { show: true, formatter: average.endLabel ?? average.name },
      emphasis: { focus: 'series' },
      z: 10,
    })
  }
  return {
    tooltip: { trigger: 'axis', valueFormatter: formatScore },
    legend: { type: 'scroll', top: 0, left: 0, right: 64 },
    grid: { top: 40, left: 8, right: 72, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: input.rounds.map((r) => r.label) },
    yAxis: { type: 'value', scale: true },
    series,
  }
}

/** The org and round behind a clicked point of the trend chart; null for the average or a gap. */
export function trendPointTarget(
  click: ChartClick,
  rounds: readonly RoundPoint[],
): { orgId: string; roundId: Id } | null {
  if (click.componentType !== 'series' || !click.seriesId?.startsWith(ORG_SERIES_PREFIX)) return null
  if (click.dataIndex === undefined) return null
  const round = rounds[click.dataIndex]
  if (!round) return null
  return { orgId: click.seriesId.slice(ORG_SERIES_PREFIX.length), roundId: round.id }
}

export interface DimensionTrendInput {
  rounds: readonly RoundPoint[]
  /** Mean points lost per dimension and round. */
  dimensions: readonly { dimensionId: Id; name: string; values: readonly (string | null)[] }[]
}

/** Lost points by dimension over the rounds: where the category keeps losing. */
export function dimensionTrendOption(input: DimensionTrendInput): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: formatScore },
    legend: { type: 'scroll', top: 0, left: 0, right: 64 },
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: input.rounds.map((r) => r.label) },
    yAxis: { type: 'value', min: 0 },
    series: input.dimensions.map((d) => ({
      type: 'line',
      id: `dimension:${d.dimensionId}`,
      name: d.name,
      data: input.rounds.map((_, i) => chartNumber(d.values[i])),
      emphasis: { focus: 'series' },
    })),
  }
}

export interface FindingStackInput {
  rounds: readonly RoundPoint[]
  /** Findings per problem category and round (counts aligned with rounds). */
  categories: readonly { problemCategoryId: Id; name: string; counts: readonly number[] }[]
  /** Categories beyond the most frequent `top` are summed into one "others" band. */
  top?: number
  labels: { others: string }
}

/** Finding counts per problem category, stacked per round, most frequent categories first. */
export function findingStackOption(input: FindingStackInput): ChartOption {
  const top = input.top ?? 8
  const totalOf = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0)
  const sorted = [...input.categories].sort((a, b) => totalOf(b.counts) - totalOf(a.counts))
  const shown = sorted.slice(0, top)
  const rest = sorted.slice(top)
  const countsAt = (counts: readonly number[]) => input.rounds.map((_, i) => counts[i] ?? 0)
  const series: BarSeriesOption[] = shown.map((c) => ({
    type: 'bar',
    id: `problem-category:${c.problemCategoryId}`,
    name: c.name,
    stack: 'findings',
    data: countsAt(c.counts),
    emphasis: { focus: 'series' },
  }))
  if (rest.length > 0) {
    series.push({
      type: 'bar',
      id: 'problem-category:others',
      name: input.labels.others,
      stack: 'findings',
      data: input.rounds.map((_, i) => rest.reduce((sum, c) => sum + (c.counts[i] ?? 0), 0)),
      color: '#a0a0a0',
      emphasis: { focus: 'series' },
    })
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0, left: 0, right: 64 },
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: input.rounds.map((r) => r.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  }
}

export interface CloseOutInput {
  rounds: readonly RoundPoint[]
  /** Per round: items opened and items closed (销号), and the rate as a two-decimal percent. */
  rates: readonly { total: number; closed: number; rate: string | null }[]
  labels: { closed: string; open: string; rate: string }
}

/** Closed and still-open items per round as stacked bars, the close-out rate as a line (0–100 %). */
export function closeOutOption(input: CloseOutInput): ChartOption {
  const at = (i: number) => input.rates[i] ?? { total: 0, closed: 0, rate: null }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 0 },
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: input.rounds.map((r) => r.label) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        id: 'closed',
        name: input.labels.closed,
        stack: 'items',
        color: '#18a058',
        data: input.rounds.map((_, i) => at(i).closed),
      },
      {
        type: 'bar',
        id: 'open',
        name: input.labels.open,
        stack: 'items',
        color: '#d03050',
        data: input.rounds.map((_, i) => at(i).total - at(i).closed),
      },
      {
        type: 'line',
        id: 'rate',
        name: input.labels.rate,
        yAxisIndex: 1,
        data: input.rounds.map((_, i) => chartNumber(at(i).rate)),
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—') },
      },
    ],
  }
}
