import { describe, expect, it } from 'vitest'
import type { BarSeriesOption, RadarSeriesOption } from 'echarts/charts'
import type { RadarComponentOption } from 'echarts/components'
import { compareClickTarget, dimensionCompareOption, type DimensionComparison } from './compare'

const dimensions: DimensionComparison[] = [
  { dimensionId: 1, name: '政治建设', maxPoints: '15.00', points: '14.50', average: '14.75' },
  { dimensionId: 2, name: '组织建设', maxPoints: '20.00', points: '18.00', average: null },
]
const labels = { average: '类别平均', max: '满分' }

describe('dimensionCompareOption', () => {
  it('as bars: the org against the category average per dimension', () => {
    const option = dimensionCompareOption({ dimensions, mode: 'bar', orgName: '一支部', labels })
    const [org, average] = option.series as BarSeriesOption[]
    expect(org).toMatchObject({ name: '一支部', data: [14.5, 18] })
    expect(average).toMatchObject({ name: '类别平均', data: [14.75, null] })
  })

  it('as a radar: each axis runs to the dimension maximum', () => {
    const option = dimensionCompareOption({ dimensions, mode: 'radar', orgName: '一支部', labels })
    expect((option.radar as RadarComponentOption).indicator).toEqual([
      { name: '政治建设', max: 15, min: 0 },
      { name: '组织建设', max: 20, min: 0 },
    ])
    const [series] = option.series as RadarSeriesOption[]
    expect(series!.data!.map((d) => (d as { value: number[] }).value)).toEqual([
      [14.5, 18],
      [14.75, 0],
    ])
  })
})

describe('compareClickTarget', () => {
  it('finds the dimension of a clicked bar or radar axis name', () => {
    expect(compareClickTarget({ componentType: 'series', seriesType: 'bar', dataIndex: 1 }, dimensions)).toBe(2)
    expect(compareClickTarget({ componentType: 'radar', name: '政治建设' }, dimensions)).toBe(1)
    expect(compareClickTarget({ componentType: 'series', seriesType: 'line', dataIndex: 0 }, dimensions)).toBeNull()
  })
})
