import { describe, expect, it } from 'vitest'
import { hasValues, matrixInput, trendSeries, type TrendData } from './chartInputs'

const data: TrendData = {
  rounds: [
    { id: 1, year: 2024, quarter: 4 },
    { id: 2, year: 2025, quarter: 4 },
  ],
  orgs: [{ orgId: 7, org: { name: '第一党支部', shortName: '一支部' }, totals: ['98.00', null] }],
  categoryAverages: [
    { category: 'I', totals: ['99.00', '99.50'], dimensions: [{ code: 'D1', name: '政治建设', lost: ['0.10', '0.00'] }] },
    { category: 'II', totals: ['97.00', '98.00'], dimensions: [] },
  ],
  findingCounts: [{ problemCategoryId: 5, problemCategory: { name: '台账不全' }, counts: [2, 1] }],
  // The API skipped the first round (no items): it still gets a point on the axis.
  closeOutRates: [{ roundId: 2, total: 4, closed: 3, rate: '75.00' }],
}

describe('trendSeries', () => {
  it('takes the chosen category’s average and dimensions, and aligns close-out points with the rounds', () => {
    const series = trendSeries(data, 'II')
    expect(series.averageValues).toEqual(['97.00', '98.00'])
    expect(series.orgs).toEqual([{ orgId: 7, name: '一支部', values: ['98.00', null] }])
    expect(series.rates).toEqual([
      { roundId: 1, total: 0, closed: 0, rate: null },
      { roundId: 2, total: 4, closed: 3, rate: '75.00' },
    ])
    expect(trendSeries(data, 'I').dimensions).toEqual([{ dimensionId: 'D1', name: '政治建设', values: ['0.10', '0.00'] }])
    expect(trendSeries(data, 'III').averageValues).toBeNull()
  })

  it('knows an all-gap series is empty', () => {
    expect(hasValues([{ values: [null, null] }])).toBe(false)
    expect(hasValues([{ values: [null, '1.00'] }])).toBe(true)
  })
})

describe('matrixInput', () => {
  it('turns rows of lost points into cells, skipping dimensions an org’s scheme lacks', () => {
    const input = matrixInput({
      columns: [
        { code: 'D1', name: '政治建设' },
        { code: 'D2', name: '组织建设' },
      ],
      rows: [
        { assessmentId: 70, orgId: 7, org: { name: '第一党支部', shortName: null }, lost: ['0.50', null] },
        { assessmentId: 80, orgId: 8, org: { name: '第二党支部', shortName: '二支部' }, lost: ['0.00', '1.25'] },
      ],
    })
    expect(input.orgs.map((o) => o.name)).toEqual(['第一党支部', '二支部'])
    expect(input.cells).toEqual([
      { orgId: 7, dimensionId: 'D1', lost: '0.50' },
      { orgId: 8, dimensionId: 'D1', lost: '0.00' },
      { orgId: 8, dimensionId: 'D2', lost: '1.25' },
    ])
    expect(input.assessmentIds.get('8')).toBe(80)
  })
})
