import { describe, expect, it } from 'vitest'
import { exportUrl } from './exportUrl'

describe('exportUrl', () => {
  it('carries the filters and leaves empty ones out', () => {
    expect(exportUrl('adjustments', { month: '2026-04', roundId: null, year: '' })).toBe(
      '/files/export/adjustments.xlsx?month=2026-04',
    )
    expect(exportUrl('annual', { year: 2026 })).toBe('/files/export/annual.xlsx?year=2026')
  })
  it('has no query string without filters', () => {
    expect(exportUrl('rectifications')).toBe('/files/export/rectifications.xlsx')
  })
})
