import { describe, expect, it } from 'vitest'
import {
  categoryAverageSeries,
  closeOutRate,
  dimensionAverages,
  findingCountsByCategory,
  lastRounds,
  orgSeries,
} from './trends'

const rounds = [
  { id: 'r4', year: 2022, quarter: 2 },
  { id: 'r1', year: 2021, quarter: 3 },
  { id: 'r6', year: 2023, quarter: 1 },
  { id: 'r2', year: 2021, quarter: 4 },
  { id: 'r5', year: 2022, quarter: 4 },
  { id: 'r3', year: 2022, quarter: 1 },
]

describe('lastRounds', () => {
  it.each<[number | undefined, string[]]>([
    [undefined, ['r2', 'r3', 'r4', 'r5', 'r6']],
    [2, ['r5', 'r6']],
    [10, ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']],
    [0, []],
  ])('n = %s', (n, expected) => {
    expect(lastRounds(rounds, n).map((r) => r.id)).toEqual(expected)
  })
})

describe('orgSeries', () => {
  it('aligns each org’s totals with the rounds, null where missing', () => {
    const rows = [
      { roundId: 'r1', orgId: 1, total: '97.5' },
      { roundId: 'r2', orgId: 1, total: '98.00' },
      { roundId: 'r2', orgId: 2, total: '99.25' },
      { roundId: 'r0', orgId: 3, total: '90.00' }, // outside the requested rounds
    ]
    expect(orgSeries(rows, ['r1', 'r2'])).toEqual([
      { orgId: 1, values: ['97.50', '98.00'] },
      { orgId: 2, values: [null, '99.25'] },
    ])
  })
})

describe('categoryAverageSeries', () => {
  it('averages totals per category and round, half-up to two decimals', () => {
    const rows = [
      { roundId: 'r1', category: 'III' as const, total: '97.00' },
      { roundId: 'r1', category: 'I' as const, total: '98.01' },
      { roundId: 'r1', category: 'I' as const, total: '98.02' },
      { roundId: 'r2', category: 'I' as const, total: '100' },
      { roundId: 'r2', category: 'I' as const, total: '99' },
      { roundId: 'r2', category: 'I' as const, total: '99' },
    ]
    expect(categoryAverageSeries(rows, ['r1', 'r2'])).toEqual([
      { category: 'I', values: ['98.02', '99.33'] },
      { category: 'III', values: ['97.00', null] },
    ])
  })
})

describe('findingCountsByCategory', () => {
  it('counts findings per category and round, most frequent first', () => {
    const findings = [
      { roundId: 'r1', problemCategoryId: 5 },
      { roundId: 'r1', problemCategoryId: 7 },
      { roundId: 'r2', problemCategoryId: 7 },
      { roundId: 'r2', problemCategoryId: 7 },
      { roundId: 'r9', problemCategoryId: 5 },
    ]
    expect(findingCountsByCategory(findings, ['r1', 'r2'])).toEqual([
      { problemCategoryId: 7, counts: [1, 2], total: 3 },
      { problemCategoryId: 5, counts: [1, 0], total: 1 },
    ])
  })
})

describe('closeOutRate', () => {
  it('gives the closed share per round as a percent, null for a round without items', () => {
    const items = [
      { roundId: 'r1', closed: true },
      { roundId: 'r1', closed: true },
      { roundId: 'r1', closed: false },
      { roundId: 'r2', closed: true },
    ]
    expect(closeOutRate(items, ['r1', 'r2', 'r3'])).toEqual([
      { roundId: 'r1', total: 3, closed: 2, rate: '66.67' },
      { roundId: 'r2', total: 1, closed: 1, rate: '100.00' },
      { roundId: 'r3', total: 0, closed: 0, rate: null },
    ])
  })
})

describe('dimensionAverages', () => {
  it('averages points and lost per dimension', () => {
    const rows = [
      { dimensionId: 1, points: '14.50', lost: '0.50' },
      { dimensionId: 1, points: '13.00', lost: '2.00' },
      { dimensionId: 1, points: '15.00', lost: '0.00' },
      { dimensionId: 2, points: '10', lost: '0' },
    ]
    expect(dimensionAverages(rows)).toEqual([
      { dimensionId: 1, count: 3, averagePoints: '14.17', averageLost: '0.83' },
      { dimensionId: 2, count: 1, averagePoints: '10.00', averageLost: '0.00' },
    ])
  })
})
