import { describe, expect, it } from 'vitest'
import { invalidInputs, isDecimalText } from './inputs'

describe('isDecimalText', () => {
  it('takes what the API takes: 0 or more, at most two decimals, or nothing yet', () => {
    for (const text of ['', '  ', '0', '5', '1.2', '1.23', '1.', '.5', '+2', ' 3.50 ', '100.00']) expect(isDecimalText(text), text).toBe(true)
  })

  it('refuses negatives, a third decimal and anything not a number', () => {
    for (const text of ['-1', '-0.5', '1.234', '0.001', 'abc', '1e3', '1,5', '--1', '.', '1.2.3']) expect(isDecimalText(text), text).toBe(false)
  })
})

describe('invalidInputs', () => {
  it('marks an indicator whose quantity or bonus cannot be saved', () => {
    const input = (quantityValue: string, bonusPoints: string) => ({ ratingLevel: null, quantityValue, bonusPoints, note: '' })
    expect([...invalidInputs({ 1: input('-5', ''), 2: input('', '1.234'), 3: input('3', '1.5'), 4: input('', '') })]).toEqual(['1', '2'])
  })
})
