import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import {
  compareScores,
  divideRoundHalfUp,
  exactCents,
  formatCents,
  meanScore,
  sumScores,
  toCents,
  toFixed2,
  toPointsText,
} from './decimal'
import type { DecimalInput } from './types'

describe('toFixed2', () => {
  it.each<[DecimalInput, string]>([
    ['97.5', '97.50'],
    ['98', '98.00'],
    ['98.00', '98.00'],
    ['0', '0.00'],
    ['-1.5', '-1.50'],
    ['+3.1', '3.10'],
    ['1.005', '1.01'], // half-up, where the float 1.005 would round down
    ['1.004999', '1.00'],
    ['-1.005', '-1.01'], // ties away from zero
    ['-0.001', '0.00'], // never "-0.00"
    ['1.500', '1.50'],
    ['.5', '0.50'],
    ['1e2', '100.00'],
    [0.1, '0.10'],
    [97.99, '97.99'],
    [100, '100.00'],
    [new Decimal('12.345'), '12.35'],
    [{ toFixed: () => '7.125' }, '7.13'],
    ['123456789.99', '123456789.99'],
  ])('%s → %s', (input, expected) => {
    expect(toFixed2(input)).toBe(expected)
  })

  it.each<unknown>([
    '',
    'abc',
    '1,5',
    'NaN',
    'Infinity',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    ' 1',
  ])('rejects %s', (input) => {
    expect(() => toFixed2(input as DecimalInput)).toThrow(RangeError)
  })
})

describe('toPointsText', () => {
  it.each<[DecimalInput, string]>([
    ['98.00', '98'],
    ['98', '98'],
    [98.5, '98.50'],
    ['98.50', '98.50'],
    [new Decimal('97.999'), '98'],
    ['-0.50', '-0.50'],
    ['-1.5', '-1.50'],
  ])('%s prints as %s', (value, text) => {
    expect(toPointsText(value)).toBe(text)
  })
})

describe('exactCents', () => {
  it.each<[DecimalInput, number | null]>([
    ['97.50', 9750],
    ['97.5', 9750],
    ['0.01', 1],
    ['-0.01', -1],
    ['-0', 0],
    [7, 700],
    [0.07, 7],
    ['1.500', 150],
    ['1.505', null],
    ['0.001', null],
  ])('%s → %s', (input, expected) => {
    expect(exactCents(input)).toBe(expected)
  })

  it('reads 1.15 as 115 cents although 1.15 * 100 is 114.99999999999999 in floats', () => {
    expect(1.15 * 100).not.toBe(115)
    expect(exactCents(1.15)).toBe(115)
    expect(toCents('1.15')).toBe(115)
  })
})

describe('compareScores', () => {
  it.each<[DecimalInput, DecimalInput, -1 | 0 | 1]>([
    ['97.99', '98.00', -1],
    ['98.00', '97.99', 1],
    ['98', '98.00', 0],
    ['98.0', '98.00', 0],
    ['97.999', '98.00', -1], // compared exactly, not after rounding
    ['98.001', '98.00', 1],
    [new Decimal('98'), '98.00', 0],
    [0.1, '0.10', 0],
    ['-1.50', '-0.50', -1],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(compareScores(a, b)).toBe(expected)
  })
})

describe('sumScores', () => {
  it.each<[DecimalInput[], string]>([
    [[], '0.00'],
    [['0.1', '0.2'], '0.30'], // 0.1 + 0.2 !== 0.3 in floats
    [[0.1, 0.2], '0.30'],
    [['97.50', '1.50', '-0.50'], '98.50'],
    [['0.005', '0.005'], '0.01'], // exact sum first, then one rounding
    [['33.33', '33.33', '33.34'], '100.00'],
  ])('%j → %s', (xs, expected) => {
    expect(sumScores(xs)).toBe(expected)
  })
})

describe('meanScore', () => {
  it.each<[DecimalInput[], string | null]>([
    [[], null],
    [['90', '95'], '92.50'],
    [['1', '1', '2'], '1.33'],
    [['1', '2', '2'], '1.67'],
    [['0.01', '0.02'], '0.02'], // 0.015 rounds half-up
    [['-0.01', '-0.02'], '-0.02'], // −0.015: away from zero, like ROUND_HALF_UP
    [['-0.01', '0.01'], '0.00'], // never "-0.00"
    [['97.99', '98.00', '98.00'], '98.00'], // 97.996…
    [['97.995', '98'], '98.00'], // three decimals take the decimal path: 97.9975
    [['97.994', '97.99'], '97.99'], // 97.992
    [[98, '97.5'], '97.75'],
  ])('%j → %s', (xs, expected) => {
    expect(meanScore(xs)).toBe(expected)
  })

  it('agrees with decimal.js on thousands of generated lists (ties included)', () => {
    // A small deterministic generator: the fast integer path must give decimal.js' answer.
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let trial = 0; trial < 2000; trial++) {
      const n = 1 + (next() % 40)
      const xs: string[] = []
      for (let i = 0; i < n; i++) {
        const cents = (next() % 20001) - (trial % 5 === 0 ? 10000 : 0)
        xs.push((cents / 100).toFixed(2))
      }
      let sum = new Decimal(0)
      for (const x of xs) sum = sum.plus(x)
      const expected = sum.div(n).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
      expect(meanScore(xs)).toBe(expected === '-0.00' ? '0.00' : expected)
    }
  })
})

describe('divideRoundHalfUp', () => {
  it.each<[number, number, number]>([
    [10, 4, 3], // 2.5 → 3
    [9, 4, 2], // 2.25 → 2
    [-10, 4, -3], // away from zero
    [2 * 3000, 3, 2000],
    [20000, 3, 6667],
    [0, 7, 0],
    [2 ** 52 - 1, 2 ** 52, 1],
  ])('%d / %d → %d', (a, b, expected) => {
    expect(divideRoundHalfUp(a, b)).toBe(expected)
  })
})

describe('formatCents', () => {
  it.each<[number, string]>([
    [0, '0.00'],
    [5, '0.05'],
    [9750, '97.50'],
    [10000, '100.00'],
    [10001, '100.01'],
    [-150, '-1.50'],
    [-5, '-0.05'],
  ])('%d → %s', (cents, expected) => {
    expect(formatCents(cents)).toBe(expected)
  })

  it('rejects fractional cents', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError)
  })
})
