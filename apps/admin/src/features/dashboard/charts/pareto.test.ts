import { describe, expect, it } from 'vitest'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import { paretoOption, paretoRows } from './pareto'

describe('paretoRows', () => {
  it('shows the API entries in its order with the running share the API computed', () => {
    const rows = paretoRows([
      { problemCategoryId: 2, problemCategory: { name: 'B' }, count: 3, cumulativeShare: '50.00' },
      { problemCategoryId: 3, problemCategory: { name: 'C' }, count: 2, cumulativeShare: '83.33' },
      { problemCategoryId: 1, problemCategory: { name: 'A' }, count: 1, cumulativeShare: '100.00' },
    ])
    expect(rows.map((r) => [r.name, r.count, r.cumulativePercent])).toEqual([
      ['B', 3, '50.00'],
      ['C', 2, '83.33'],
      ['A', 1, '100.00'],
    ])
  })
})

describe('paretoOption', () => {
  it('draws counts as bars and the cumulative share on the 0–100 axis with an 80 % line', () => {
    const rows = paretoRows([
      { problemCategoryId: 1, problemCategory: { name: 'A' }, count: 5, cumulativeShare: '62.50' },
      { problemCategoryId: 2, problemCategory: { name: 'B' }, count: 3, cumulativeShare: '100.00' },
    ])
    const option = paretoOption({
      rows,
      labels: { count: '问题数', cumulative: '累计占比' },
    })
    const [bar, line] = option.series as [BarSeriesOption, LineSeriesOption]
    expect(bar.data).toEqual([5, 3])
    expect(line).toMatchObject({ yAxisIndex: 1, data: [62.5, 100] })
    expect(line.markLine?.data).toEqual([{ yAxis: 80 }])
    // Its figure at the right end, under the line: the left end is where the tallest bar stands.
    expect(line.markLine?.label).toMatchObject({ formatter: '80%', position: 'insideEndBottom' })
  })
})
