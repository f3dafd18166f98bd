/**
 * The aggregate helpers reproduce the engine's figures from SQL sums and counts: the mean of a
 * stored sum is `meanScore` of the values, a percent of counts is `closeOutRate` of the items.
 */
import { closeOutRate, meanScore } from '@redblue/scoring'
import { describe, expect, it } from 'vitest'
import { meanOf, percentOf } from '../../src/services/analytics/numbers'

function cents(seed: number, n: number): string[] {
  // Deterministic pseudo-random scores 0.00–110.00 (a linear congruential sequence).
  const values: string[] = []
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    const c = x % 11001
    values.push(`${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`)
  }
  return values
}

function exactSum(values: string[]): string {
  const total = values.reduce((sum, v) => sum + BigInt(v.replace('.', '')), 0n)
  const s = total.toString().padStart(3, '0')
  return `${s.slice(0, -2)}.${s.slice(-2)}`
}

describe('meanOf', () => {
  it.each([
    [['98.00', '97.99', '100.00'], '98.66'],
    [['0.01', '0.02'], '0.02'],
    [['0.01', '0.00'], '0.01'],
    [['100.00'], '100.00'],
  ])('mean of %j is %s', (values, mean) => {
    expect(meanOf(exactSum(values), values.length)).toBe(mean)
    expect(meanScore(values)).toBe(mean)
  })

  it('agrees with meanScore on a thousand random lists', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const values = cents(seed, 1 + (seed % 37))
      expect(meanOf(exactSum(values), values.length)).toBe(meanScore(values))
    }
  })

  it('is null for no values', () => {
    expect(meanOf(null, 0)).toBeNull()
    expect(meanOf('0', 0)).toBeNull()
  })
})

describe('percentOf', () => {
  it('agrees with closeOutRate for every split of up to 60 items', () => {
    for (let total = 0; total <= 60; total++) {
      for (let closed = 0; closed <= total; closed++) {
        const items = Array.from({ length: total }, (_, i) => ({ roundId: 1, closed: i < closed }))
        expect(percentOf(closed, total)).toBe(closeOutRate(items, [1])[0]!.rate)
      }
    }
  })
})
