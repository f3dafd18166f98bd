import { describe, expect, it } from 'vitest'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import {
  AVERAGE_SERIES_ID,
  closeOutOption,
  dimensionTrendOption,
  findingStackOption,
  trendLinesOption,
  trendPointTarget,
} from './trend'

const rounds = [
  { id: 11, label: '2024 Q3' },
  { id: 12, label: '2024 Q4' },
  { id: 13, label: '2025 Q1' },
]

const lines = (option: ReturnType<typeof trendLinesOption>) => option.series as LineSeriesOption[]
const bars = (option: { series?: unknown }) => option.series as BarSeriesOption[]

describe('trendLinesOption', () => {
  const option = trendLinesOption({
    rounds,
    orgs: [
      { orgId: 1, name: '一支部', values: ['98.50', null, '97.99'] },
      { orgId: 2, name: '二支部', values: ['96.00', '99.25', '100.00'] },
    ],
    average: { name: 'Ⅰ类平均', values: ['97.25', '99.25', '98.99'] },
  })

  it('draws a line per org over the rounds, keeping a missing score as a gap', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024 Q3', '2024 Q4', '2025 Q1'])
    const [first, second] = lines(option)
    expect(first).toMatchObject({ type: 'line', id: 'org:1', name: '一支部', data: [98.5, null, 97.99] })
    expect(second).toMatchObject({ id: 'org:2', data: [96, 99.25, 100] })
  })

  it('emphasises the category average: last, thicker, above the orgs', () => {
    const series = lines(option)
    const average = series.at(-1)!
    expect(average).toMatchObject({ id: AVERAGE_SERIES_ID, name: 'Ⅰ类平均', data: [97.25, 99.25, 98.99] })
    const orgWidths = series.slice(0, -1).map((s) => s.lineStyle?.width ?? 0)
    expect(average.lineStyle?.width).toBeGreaterThan(Math.max(...orgWidths))
    expect(average.z).toBeGreaterThan(Math.max(...series.slice(0, -1).map((s) => s.z ?? 0)))
  })

  it('names the average at its end by its short label when it has one (the legend has the full name)', () => {
    const endLabel = (average: { name: string; endLabel?: string; values: string[] }) =>
      lines(trendLinesOption({ rounds, orgs: [], average })).at(-1)?.endLabel
    expect(endLabel({ name: 'Category I average', endLabel: 'Avg.', values: ['97.25'] })).toMatchObject({ show: true, formatter: 'Avg.' })
    expect(endLabel({ name: 'Ⅰ类平均', values: ['97.25'] })).toMatchObject({ show: true, formatter: 'Ⅰ类平均' })
  })

  it('keeps a highlighted org in focus and fades the others', () => {
    const focused = lines(
      trendLinesOption({
        rounds,
        orgs: [
          { orgId: 1, name: 'a', values: [] },
          { orgId: 2, name: 'b', values: [] },
        ],
        average: null,
        highlightOrgId: '2',
      }),
    )
    expect(focused).toHaveLength(2)
    expect(focused[1]!.lineStyle!.width).toBeGreaterThan(focused[0]!.lineStyle!.width as number)
    expect(focused[0]!.lineStyle!.opacity).toBeLessThan(focused[1]!.lineStyle!.opacity as number)
  })
})

describe('trendPointTarget', () => {
  it('maps a clicked point to its org and round', () => {
    expect(trendPointTarget({ componentType: 'series', seriesId: 'org:7', dataIndex: 2 }, rounds)).toEqual({
      orgId: '7',
      roundId: 13,
    })
  })

  it('ignores the average line and clicks outside the rounds', () => {
    expect(trendPointTarget({ componentType: 'series', seriesId: AVERAGE_SERIES_ID, dataIndex: 0 }, rounds)).toBeNull()
    expect(trendPointTarget({ componentType: 'series', seriesId: 'org:7', dataIndex: 9 }, rounds)).toBeNull()
    expect(trendPointTarget({ componentType: 'legend', seriesId: 'org:7', dataIndex: 0 }, rounds)).toBeNull()
  })
})

describe('dimensionTrendOption', () => {
  it('draws the lost points of each dimension per round', () => {
    const option = dimensionTrendOption({
      rounds,
      dimensions: [{ dimensionId: 3, name: '组织建设', values: ['1.50', '0.75', null] }],
    })
    expect(lines(option)).toEqual([expect.objectContaining({ id: 'dimension:3', data: [1.5, 0.75, null] })])
  })
})

describe('findingStackOption', () => {
  const categories = [
    { problemCategoryId: 1, name: '三会一课', counts: [1, 0, 2] },
    { problemCategoryId: 2, name: '台账不全', counts: [4, 3, 2] },
    { problemCategoryId: 3, name: '阵地建设', counts: [0, 1, 0] },
    { problemCategoryId: 4, name: '党费收缴', counts: [1, 1] },
  ]

  it('stacks counts per round, most frequent category first', () => {
    const series = bars(findingStackOption({ rounds, categories, labels: { others: '其他' } }))
    expect(series.map((s) => s.name)).toEqual(['台账不全', '三会一课', '党费收缴', '阵地建设'])
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['findings']))
    expect(series[0]!.data).toEqual([4, 3, 2])
    // A category missing the last round counts 0 there, so the stack stays aligned.
    expect(series[2]!.data).toEqual([1, 1, 0])
  })

  it('sums the categories beyond the top ones into one band, keeping each round total', () => {
    const series = bars(
      findingStackOption({ rounds, categories, top: 2, labels: { others: '其他' } }),
    )
    expect(series.map((s) => s.name)).toEqual(['台账不全', '三会一课', '其他'])
    expect(series[2]!.data).toEqual([1, 2, 0])
    const perRound = rounds.map((_, i) => series.reduce((sum, s) => sum + (s.data![i] as number), 0))
    expect(perRound).toEqual([6, 5, 4])
  })
})

describe('closeOutOption', () => {
  it('splits closed and open items and plots the rate on a 0–100 axis', () => {
    const option = closeOutOption({
      rounds,
      rates: [
        { total: 4, closed: 3, rate: '75.00' },
        { total: 0, closed: 0, rate: null },
        { total: 3, closed: 1, rate: '33.33' },
      ],
      labels: { closed: '已销号', open: '未销号', rate: '销号率' },
    })
    const [closed, open, rate] = option.series as [BarSeriesOption, BarSeriesOption, LineSeriesOption]
    expect(closed.data).toEqual([3, 0, 1])
    expect(open.data).toEqual([1, 0, 2])
    expect(closed.stack).toBe(open.stack)
    expect(rate).toMatchObject({ yAxisIndex: 1, data: [75, null, 33.33] })
    expect((option.yAxis as { max?: number }[])[1]!.max).toBe(100)
  })
})
