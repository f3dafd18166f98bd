import { describe, expect, it } from 'vitest'
import { findingIndicators } from './findingIndicators'

describe('findingIndicators', () => {
  it('offers deduction, rating and quantity indicators to a finding, so a row’s own indicator is always a choice', () => {
    const indicators = [
      { id: 1, method: 'DEDUCTION' as const },
      { id: 2, method: 'RATING' as const },
      { id: 3, method: 'QUANTITY' as const },
      { id: 4, method: 'BONUS' as const },
    ]
    expect(findingIndicators(indicators).map((i) => i.id)).toEqual([1, 2, 3])
  })
})
