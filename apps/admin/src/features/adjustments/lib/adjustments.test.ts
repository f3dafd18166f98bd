import { describe, expect, it } from 'vitest'
import { adjustmentTotals, monthsOf, signedPoints, validMonth } from './adjustments'

describe('adjustments', () => {
  const rows = [
    { month: '2026-04', reason: 'RED_LIST' as const, points: '1.50' },
    { month: '2026-04', reason: 'BLUE_LIST' as const, points: '-1.50' },
    { month: '2026-07', reason: 'BELOW_THRESHOLD' as const, points: '-0.50' },
  ]

  it('totals exactly, added and deducted apart', () => {
    expect(adjustmentTotals(rows)).toEqual({ count: 3, added: '1.50', deducted: '-2.00', net: '-0.50' })
    expect(adjustmentTotals([])).toEqual({ count: 0, added: '0.00', deducted: '0.00', net: '0.00' })
  })

  it('lists months newest first, once each', () => {
    expect(monthsOf(rows)).toEqual(['2026-07', '2026-04'])
  })

  it('accepts only YYYY-MM months', () => {
    expect(validMonth('2026-04')).toBe('2026-04')
    expect(validMonth('2026-13')).toBeNull()
    expect(validMonth('2026-4')).toBeNull()
    expect(validMonth('')).toBeNull()
    expect(validMonth(null)).toBeNull()
  })

  it('signs points the way payroll reads them', () => {
    expect(signedPoints('1.5')).toBe('+1.50')
    expect(signedPoints('-0.5')).toBe('-0.50')
    expect(signedPoints('0')).toBe('0.00')
  })
})
