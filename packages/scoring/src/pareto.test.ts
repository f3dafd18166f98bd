import { describe, expect, it } from 'vitest'
import { paretoShares } from './pareto'

describe('paretoShares', () => {
  it('sorts by count and accumulates an exact running share ending at 100.00', () => {
    const rows = paretoShares([
      { problemCategoryId: 1, name: 'A', count: 1 },
      { problemCategoryId: 2, name: 'B', count: 3 },
      { problemCategoryId: 3, name: 'C', count: 2 },
    ])
    expect(rows.map((r) => [r.name, r.count, r.share, r.cumulativeShare])).toEqual([
      ['B', 3, '50.00', '50.00'],
      ['C', 2, '33.33', '83.33'],
      ['A', 1, '16.67', '100.00'],
    ])
  })

  it('rounds half up and keeps the input order for ties', () => {
    // 1/3 → 33.33, 2/3 → 66.67 (half-up on the third decimal); 1/8 = 12.5 % exactly.
    expect(
      paretoShares([
        { name: 'X', count: 1 },
        { name: 'Y', count: 1 },
        { name: 'Z', count: 1 },
      ]).map((r) => [r.name, r.cumulativeShare]),
    ).toEqual([
      ['X', '33.33'],
      ['Y', '66.67'],
      ['Z', '100.00'],
    ])
    expect(paretoShares([{ count: 1 }, { count: 7 }]).map((r) => r.share)).toEqual([
      '87.50',
      '12.50',
    ])
  })

  it('leaves out categories without findings, and is empty for no findings', () => {
    expect(paretoShares([{ name: 'A', count: 0 }])).toEqual([])
    expect(paretoShares([])).toEqual([])
  })
})
