import type { Id } from '@redblue/scoring'
import { darkThemeOverrides, themeOverrides } from '@/app/theme'
import { chartNumber, formatScore } from './common'
import type { ChartClick, ChartOption } from './types'

export interface LostPointsMatrix {
  orgs: readonly { orgId: Id; name: string }[]
  dimensions: readonly { dimensionId: Id; name: string }[]
  cells: readonly { orgId: Id; dimensionId: Id; lost: string }[]
}

/** Heatmap points [dimension index, org index, lost points]; cells of unknown orgs/dimensions dropped. */
export function heatmapData(matrix: LostPointsMatrix): [number, number, number][] {
  const orgIndex = new Map(matrix.orgs.map((o, i) => [String(o.orgId), i]))
  const dimensionIndex = new Map(matrix.dimensions.map((d, i) => [String(d.dimensionId), i]))
  const data: [number, number, number][] = []
  for (const cell of matrix.cells) {
    const y = orgIndex.get(String(cell.orgId))
    const x = dimensionIndex.get(String(cell.dimensionId))
    const lost = chartNumber(cell.lost)
    if (x === undefined || y === undefined || lost === null) continue
    data.push([x, y, lost])
  }
  return data
}

/**
 * From nothing lost to the most, in the theme's background towards its red: white to deep red on
 * the light theme; on the dark one from near its background to its lighter red, so that cells with
 * nothing lost do not glare and the labels (light there) stay readable.
 */
const LOST_COLOURS = {
  light: ['#fdf0f0', '#f4a3a8', themeOverrides.common?.primaryColor ?? ''],
  dark: ['#2a1d20', '#8c2f35', darkThemeOverrides.common?.primaryColor ?? ''],
}

/** A cell's figure: the points lost, or nothing when none were. */
function heatmapLabel(lost: number | undefined): string {
  return lost ? formatScore(lost) : ''
}

/** Org × dimension, coloured by points lost (LOST_COLOURS). */
export function heatmapOption(input: LostPointsMatrix, dark = false): ChartOption {
  const data = heatmapData(input)
  const max = data.reduce((m, [, , v]) => Math.max(m, v), 0)
  return {
    tooltip: {
      position: 'top',
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const [x, y, v] = (p?.value ?? []) as [number, number, number]
        const org = input.orgs[y]?.name ?? ''
        const dimension = input.dimensions[x]?.name ?? ''
        return `${org}<br/>${dimension}: −${formatScore(v)}`
      },
    },
    grid: { top: 32, left: 8, right: 72, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: input.dimensions.map((d) => d.name), splitArea: { show: true } },
    yAxis: { type: 'category', data: input.orgs.map((o) => o.name), splitArea: { show: true }, inverse: true },
    visualMap: {
      min: 0,
      // A matrix with nothing lost still needs a range to draw.
      max: max > 0 ? max : 1,
      calculable: true,
      // The handles' figures are points, as in the cells (the default rounded 1.60 to 2).
      precision: 2,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      inRange: { color: LOST_COLOURS[dark ? 'dark' : 'light'] },
    },
    series: [
      {
        type: 'heatmap',
        id: 'lost-points',
        data,
        // Only the cells that lost points carry a figure: a grid of 0.00 hid the few that matter.
        label: { show: true, formatter: (p) => heatmapLabel((p.value as number[])[2]) },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0, 0, 0, 0.4)' } },
      },
    ],
  }
}

/** The org and dimension of a clicked cell. */
export function heatmapCellTarget(click: ChartClick, matrix: LostPointsMatrix): { orgId: Id; dimensionId: Id } | null {
  if (click.seriesType !== 'heatmap' || !Array.isArray(click.value)) return null
  const [x, y] = click.value as [number, number]
  const org = matrix.orgs[y]
  const dimension = matrix.dimensions[x]
  return org && dimension ? { orgId: org.orgId, dimensionId: dimension.dimensionId } : null
}
