import type { Id } from '@redblue/scoring'
import { AVERAGE_COLOUR } from './trend'
import { chartNumber, formatScore } from './common'
import type { ChartClick, ChartOption } from './types'

export interface DimensionComparison {
  dimensionId: Id
  name: string
  maxPoints: string
  /** The org's points in the dimension. */
  points: string
  /** The category's mean points in the dimension (same round, same scheme). */
  average: string | null
}

export interface DimensionCompareInput {
  dimensions: readonly DimensionComparison[]
  mode: 'bar' | 'radar'
  orgName: string
  labels: { average: string; max: string }
}

/** The org's dimension points against the category average, as grouped bars or a radar. */
export function dimensionCompareOption(input: DimensionCompareInput): ChartOption {
  const legend = { top: 0, left: 0 }
  if (input.mode === 'radar') {
    return {
      tooltip: { trigger: 'item' },
      legend,
      radar: {
        // Each axis runs to the dimension's maximum, so a full polygon means nothing lost.
        indicator: input.dimensions.map((d) => ({ name: d.name, max: chartNumber(d.maxPoints) ?? 0, min: 0 })),
        radius: '65%',
        center: ['50%', '56%'],
      },
      series: [
        {
          type: 'radar',
          id: 'comparison',
          data: [
            { name: input.orgName, value: input.dimensions.map((d) => chartNumber(d.points) ?? 0) },
            {
              name: input.labels.average,
              value: input.dimensions.map((d) => chartNumber(d.average) ?? 0),
              lineStyle: { type: 'dashed', width: 3, color: AVERAGE_COLOUR },
              itemStyle: { color: AVERAGE_COLOUR },
            },
          ],
        },
      ],
    }
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: formatScore },
    legend,
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: input.dimensions.map((d) => d.name),
      axisLabel: { interval: 0, width: 80, overflow: 'break' },
    },
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        type: 'bar',
        id: 'org',
        name: input.orgName,
        data: input.dimensions.map((d) => chartNumber(d.points)),
        color: '#c8161d',
      },
      {
        type: 'bar',
        id: 'average',
        name: input.labels.average,
        data: input.dimensions.map((d) => chartNumber(d.average)),
        color: AVERAGE_COLOUR,
      },
      {
        // The dimension's maximum as a faint marker behind the bars.
        type: 'line',
        id: 'max',
        name: input.labels.max,
        data: input.dimensions.map((d) => chartNumber(d.maxPoints)),
        symbol: 'rect',
        symbolSize: [24, 2],
        lineStyle: { opacity: 0 },
        color: '#909399',
        z: 1,
      },
    ],
  }
}

/** The dimension behind a click on the comparison chart (a bar, or an axis name of the radar). */
export function compareClickTarget(click: ChartClick, dimensions: readonly DimensionComparison[]): Id | null {
  if (click.componentType === 'series' && click.seriesType === 'bar' && click.dataIndex !== undefined) {
    return dimensions[click.dataIndex]?.dimensionId ?? null
  }
  if (click.componentType === 'radar' && click.name) {
    return dimensions.find((d) => d.name === click.name)?.dimensionId ?? null
  }
  return null
}
