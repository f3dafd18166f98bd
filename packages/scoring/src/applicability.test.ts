import { describe, expect, it } from 'vitest'
import { indicatorApplies } from './applicability'

describe('indicatorApplies', () => {
  it('applies unrestricted indicators to all, restricted ones only to their unit type', () => {
    expect(indicatorApplies(null, 'GRASSROOTS')).toBe(true)
    expect(indicatorApplies(undefined, 'HEADQUARTERS')).toBe(true)
    expect(indicatorApplies('GRASSROOTS', 'GRASSROOTS')).toBe(true)
    expect(indicatorApplies('HEADQUARTERS', 'GRASSROOTS')).toBe(false)
  })
})
