import { describe, expect, it } from 'vitest'
import { rankEntries } from './ranking'

interface Row {
  org: string
  total: string
}

const rows = (...totals: string[]): Row[] =>
  totals.map((total, i) => ({ org: String.fromCharCode(65 + i), total }))

describe('rankEntries', () => {
  it.each<[string, Row[], [string, number][]]>([
    ['empty', [], []],
    ['one org', rows('90.00'), [['A', 1]]],
    [
      'distinct totals, descending',
      rows('95.00', '99.50', '97.25'),
      [
        ['B', 1],
        ['C', 2],
        ['A', 3],
      ],
    ],
    [
      'a tie for first shares rank 1 and skips 2',
      rows('98.00', '97.00', '98.00'),
      [
        ['A', 1],
        ['C', 1],
        ['B', 3],
      ],
    ],
    [
      'a tie for last shares the last rank',
      rows('99.00', '96.50', '98.00', '96.50'),
      [
        ['A', 1],
        ['C', 2],
        ['B', 3],
        ['D', 3],
      ],
    ],
    [
      'everyone tied',
      rows('97.00', '97.00', '97.00'),
      [
        ['A', 1],
        ['B', 1],
        ['C', 1],
      ],
    ],
    [
      '97.99 ranks below 98.00',
      rows('97.99', '98.00'),
      [
        ['B', 1],
        ['A', 2],
      ],
    ],
    [
      '"98", "98.0" and "98.00" tie',
      rows('98', '98.0', '98.00', '100.5'),
      [
        ['D', 1],
        ['A', 2],
        ['B', 2],
        ['C', 2],
      ],
    ],
    [
      'totals above 100 (with bonus) and more decimals compare exactly',
      rows('104.999', '105.00', '99.995'),
      [
        ['B', 1],
        ['A', 2],
        ['C', 3],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(rankEntries(input).map((r) => [r.org, r.rank])).toEqual(expected)
  })

  it('orders tied entries by the secondary comparator without changing their rank', () => {
    const ranked = rankEntries(rows('97.00', '98.00', '97.00', '97.00'), (a, b) =>
      b.org.localeCompare(a.org),
    )
    expect(ranked.map((r) => [r.org, r.rank])).toEqual([
      ['B', 1],
      ['D', 2],
      ['C', 2],
      ['A', 2],
    ])
  })

  it('keeps the other fields and does not modify its input', () => {
    const input = [
      { id: 7, total: '90.00', extra: true },
      { id: 8, total: '91.00', extra: false },
    ]
    const copy = structuredClone(input)
    expect(rankEntries(input)).toEqual([
      { id: 8, total: '91.00', extra: false, rank: 1 },
      { id: 7, total: '90.00', extra: true, rank: 2 },
    ])
    expect(input).toEqual(copy)
  })
})
