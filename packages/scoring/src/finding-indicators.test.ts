import { describe, expect, it } from 'vitest'
import { takesFindings } from './finding-indicators'

describe('takesFindings', () => {
  it('takes findings on deduction, rating and quantity indicators, never on a bonus', () => {
    expect(takesFindings('DEDUCTION')).toBe(true)
    expect(takesFindings('RATING')).toBe(true)
    expect(takesFindings('QUANTITY')).toBe(true)
    expect(takesFindings('BONUS')).toBe(false)
  })
})
