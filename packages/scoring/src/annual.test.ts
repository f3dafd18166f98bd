import { describe, expect, it } from 'vitest'
import { annualRollup } from './annual'
import type { AnnualRollup, AnnualRollupInput } from './types'

describe('annualRollup', () => {
  it.each<[string, AnnualRollupInput, AnnualRollup]>([
    [
      'four quarters at 40% plus two components',
      {
        quarterlyTotals: [
          { quarter: 1, total: '98.50' },
          { quarter: 2, total: '99.00' },
          { quarter: 3, total: '100.50' },
          { quarter: 4, total: '97.00' },
        ],
        quarterlyWeight: '0.40',
        components: [
          { points: '90', weight: '0.30' },
          { points: '85.5', weight: '0.30' },
        ],
      },
      {
        quarters: [1, 2, 3, 4],
        quarterlyMean: '98.75',
        quarterlyComponent: '39.50',
        componentsTotal: '52.65',
        total: '92.15',
      },
    ],
    [
      'the mean is rounded half-up before weighting',
      {
        quarterlyTotals: [
          { quarter: 1, total: '98.01' },
          { quarter: 2, total: '98.02' },
        ],
        quarterlyWeight: '0.40',
        components: [],
      },
      // mean 98.015 → 98.02; × 0.4 = 39.208 → 39.21
      {
        quarters: [1, 2],
        quarterlyMean: '98.02',
        quarterlyComponent: '39.21',
        componentsTotal: '0.00',
        total: '39.21',
      },
    ],
    [
      'each component is rounded before summing',
      {
        quarterlyTotals: [{ quarter: 4, total: '100' }],
        quarterlyWeight: 0.4,
        components: [
          { points: '33.33', weight: '0.15' }, // 4.9995 → 5.00
          { points: '33.33', weight: '0.15' },
        ],
      },
      {
        quarters: [4],
        quarterlyMean: '100.00',
        quarterlyComponent: '40.00',
        componentsTotal: '10.00',
        total: '50.00',
      },
    ],
    [
      'fewer than four quarters (the year so far)',
      {
        quarterlyTotals: [
          { quarter: 1, total: '96' },
          { quarter: 2, total: '99' },
        ],
        quarterlyWeight: '0.40',
        components: [],
      },
      {
        quarters: [1, 2],
        quarterlyMean: '97.50',
        quarterlyComponent: '39.00',
        componentsTotal: '0.00',
        total: '39.00',
      },
    ],
    [
      'no quarters yet',
      {
        quarterlyTotals: [],
        quarterlyWeight: '0.40',
        components: [{ points: '80', weight: '0.6' }],
      },
      {
        quarters: [],
        quarterlyMean: '0.00',
        quarterlyComponent: '0.00',
        componentsTotal: '48.00',
        total: '48.00',
      },
    ],
    [
      'a year with only its fourth quarter published: that one quarter counts',
      {
        quarterlyTotals: [{ quarter: 4, total: '101.00' }],
        quarterlyWeight: '0.40',
        components: [],
      },
      {
        quarters: [4],
        quarterlyMean: '101.00',
        quarterlyComponent: '40.40',
        componentsTotal: '0.00',
        total: '40.40',
      },
    ],
    [
      'an org that joined mid-year: its quarters in order, whatever order they came in',
      {
        quarterlyTotals: [
          { quarter: 4, total: '98.50' },
          { quarter: 3, total: '99.00' },
        ],
        quarterlyWeight: '0.40',
        components: [],
      },
      {
        quarters: [3, 4],
        quarterlyMean: '98.75',
        quarterlyComponent: '39.50',
        componentsTotal: '0.00',
        total: '39.50',
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(annualRollup(input)).toEqual(expected)
  })
})
