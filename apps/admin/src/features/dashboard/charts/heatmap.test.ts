import { describe, expect, it } from 'vitest'
import type { VisualMapComponentOption } from 'echarts/components'
import { heatmapCellTarget, heatmapData, heatmapOption, type LostPointsMatrix } from './heatmap'

const matrix: LostPointsMatrix = {
  orgs: [
    { orgId: 1, name: '一支部' },
    { orgId: 2, name: '二支部' },
  ],
  dimensions: [
    { dimensionId: 10, name: '政治建设' },
    { dimensionId: 20, name: '组织建设' },
    { dimensionId: 30, name: '党员教育' },
  ],
  cells: [
    { orgId: 1, dimensionId: 10, lost: '0.00' },
    { orgId: 1, dimensionId: 30, lost: '2.50' },
    { orgId: 2, dimensionId: 20, lost: '1.25' },
    // An org outside the matrix (another category) is not drawn.
    { orgId: 9, dimensionId: 10, lost: '4.00' },
  ],
}

describe('heatmapData', () => {
  it('places each cell at [dimension index, org index, lost points]', () => {
    expect(heatmapData(matrix)).toEqual([
      [0, 0, 0],
      [2, 0, 2.5],
      [1, 1, 1.25],
    ])
  })
})

describe('heatmapOption', () => {
  it('writes the points lost in the cells that lost any, and nothing in the others', () => {
    const series = (heatmapOption({ ...matrix }).series as { label: { formatter: (p: { value: number[] }) => string } }[])[0]
    const label = (value: number[]) => series?.label.formatter({ value })
    expect(label([0, 0, 0])).toBe('')
    expect(label([2, 0, 2.5])).toBe('2.50')
    expect(label([1, 1, 1.25])).toBe('1.25')
  })

  it('scales the colours from nothing lost to the most lost', () => {
    const option = heatmapOption({ ...matrix })
    const visualMap = option.visualMap as VisualMapComponentOption & { min: number; max: number }
    expect(visualMap.min).toBe(0)
    expect(visualMap.max).toBe(2.5)
    expect((option.yAxis as { data: string[] }).data).toEqual(['一支部', '二支部'])
    expect((option.xAxis as { data: string[] }).data).toEqual(['政治建设', '组织建设', '党员教育'])
  })

  it('starts from white on the light theme and from near the background on the dark one', () => {
    const first = (dark: boolean) =>
      ((heatmapOption({ ...matrix }, dark).visualMap as { inRange: { color: string[] } }).inRange.color[0] ?? '')
    const brightness = (hex: string) => [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0) / 3
    expect(brightness(first(false))).toBeGreaterThan(240)
    expect(brightness(first(true))).toBeLessThan(48)
  })

  it('still has a range when nothing was lost', () => {
    const option = heatmapOption({ ...matrix, cells: [] })
    expect((option.visualMap as { max: number }).max).toBe(1)
  })
})

describe('heatmapCellTarget', () => {
  it('opens the org and dimension of the clicked cell', () => {
    expect(heatmapCellTarget({ seriesType: 'heatmap', value: [2, 0, 2.5] }, matrix)).toEqual({
      orgId: 1,
      dimensionId: 30,
    })
    expect(heatmapCellTarget({ seriesType: 'bar', value: [2, 0, 2.5] }, matrix)).toBeNull()
  })
})
