import { describe, expect, it } from 'vitest'
import { ruleSetYearFor, ruleValueFor } from './rule-year'

describe('ruleSetYearFor', () => {
  it('uses the year’s own set, else the latest earlier one, else none', () => {
    expect(ruleSetYearFor([2038, 2040], 2040)).toBe(2040)
    expect(ruleSetYearFor([2038, 2040], 2041)).toBe(2040)
    expect(ruleSetYearFor([2038, 2040], 2039)).toBe(2038)
    expect(ruleSetYearFor([2038, 2040], 2037)).toBeNull()
    expect(ruleSetYearFor([], 2040)).toBeNull()
  })
})

describe('ruleValueFor', () => {
  it('inherits a value forward and falls back before the first stored year', () => {
    const days = new Map([
      [2040, 3],
      [2038, 10],
    ])
    expect(ruleValueFor(days, 2045, 7)).toBe(3)
    expect(ruleValueFor(days, 2039, 7)).toBe(10)
    expect(ruleValueFor(days, 2030, 7)).toBe(7)
  })
})
