import { describe, expect, it } from 'vitest'
import { mergeActive } from './activeItems'
import { latestResult } from './ownResults'

describe('latestResult', () => {
  const rounds = [{ id: 1 }, { id: 2 }, { id: 3 }]
  it('is the last round with a total, with the category ranked in there', () => {
    expect(
      latestResult(rounds, {
        totals: ['97.00', '98.50', null],
        ranks: [3, 1, null],
        marks: [null, 'RED', null],
        categories: ['II', 'I', null],
      }),
    ).toMatchObject({ round: { id: 2 }, total: '98.50', rank: 1, mark: 'RED', category: 'I' })
  })
  it('is null without any published total', () => {
    expect(latestResult(rounds, { totals: [null, null, null], ranks: [], marks: [], categories: [] })).toBeNull()
    expect(latestResult(rounds, null)).toBeNull()
  })
})

describe('mergeActive', () => {
  it('lists open and returned items by deadline, a returned one first on the same day', () => {
    const open = [
      { id: 1, deadline: '2026-03-01', status: 'OPEN' },
      { id: 2, deadline: '2026-01-15', status: 'OPEN' },
    ]
    const returned = [{ id: 3, deadline: '2026-01-15', status: 'RETURNED' }]
    expect(mergeActive(open, returned).map((i) => i.id)).toEqual([3, 2, 1])
  })
})
