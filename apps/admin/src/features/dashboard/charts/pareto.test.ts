import { describe, expect, it } from 'vitest'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import { paretoOption, paretoRows } from './pareto'

describe('paretoRows', () => {
  it('sorts by count and accumulates an exact running share ending at 100.00', () => {
    const rows = paretoRows([
      { problemCategoryId: 1, name: 'A', count: 1 },
      { problemCategoryId: 2, name: 'B', count: 3 },
      { problemCategoryId: 3, name: 'C', count: 2 },
    ])
    expect(rows.map((r) => [r.name, r.count, r.cumulativePercent])).toEqual([
      ['B', 3, '50.00'],
      ['C', 2, '83.33'],
      ['A', 1, '100.00'],
    ])
  })

  it('rounds half up and keeps the input order for ties', () => {
    // 1/8 = 12.5 %, 3/8 = 37.5 %: exact; 1/3 → 33.33, 2/3 → 66.67 (half-up on the third decimal).
    expect(
      paretoRows([
        { problemCategoryId: 'x', name: 'X', count: 1 },
        { problemCategoryId: 'y', name: 'Y', count: 1 },
        { problemCategoryId: 'z', name: 'Z', count: 1 },
      ]).map((r) => [r.name, r.cumulativePercent]),
    ).toEqual([
      ['X', '33.33'],
      ['Y', '66.67'],
      ['Z', '100.00'],
    ])
  })

  it('leaves out categories without findings, and is empty for no findings', () => {
    expect(paretoRows([{ problemCategoryId: 1, name: 'A', count: 0 }])).toEqual([])
    expect(paretoRows([])).toEqual([])
  })
})

describe('paretoOption', () => {
  it('draws counts as bars and the cumulative share on the 0–100 axis with an 80 % line', () => {
    const rows = paretoRows([
      { problemCategoryId: 1, name: 'A', count: 5 },
      { problemCategoryId: 2, name: 'B', count: 3 },
    ])
    const option = paretoOption({
      rows,
      labels: { exportTitle: 'PNG', count: '问题数', cumulative: '累计占比' },
      fileName: 'pareto',
    })
    const [bar, line] = option.series as [BarSeriesOption, LineSeriesOption]
    expect(bar.data).toEqual([5, 3])
    expect(line).toMatchObject({ yAxisIndex: 1, data: [62.5, 100] })
    expect(line.markLine?.data).toEqual([{ yAxis: 80 }])
  })
})
