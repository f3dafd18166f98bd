import { describe, expect, it } from 'vitest'
import { asPoints } from './pointsText'

describe('asPoints', () => {
  it('writes points with two decimal places, as the totals are', () => {
    expect(asPoints('5')).toBe('5.00')
    expect(asPoints(' 1.5 ')).toBe('1.50')
    expect(asPoints('6.00')).toBe('6.00')
  })
  it('leaves empty and unreadable text as typed, for the field’s own message', () => {
    expect(asPoints('')).toBe('')
    expect(asPoints('abc')).toBe('abc')
    expect(asPoints(null)).toBe('')
  })
})
