import { describe, expect, it } from 'vitest'
import { sheetProgress } from './sheetProgress'

const indicator = (method: string, reason: string | null, applicable = true) => ({ method, reason, applicable })

describe('sheetProgress', () => {
  it('never shows an unsubmitted sheet’s total as if it were a score', () => {
    const untouched = { status: 'NOT_STARTED' as const, score: { total: '70.00', indicators: [indicator('RATING', 'NOT_RATED'), indicator('DEDUCTION', null)] } }
    expect(sheetProgress(untouched)).toEqual({ kind: 'unscored' })
    const partly = {
      status: 'IN_PROGRESS' as const,
      score: {
        total: '80.00',
        indicators: [indicator('RATING', null), indicator('QUANTITY', 'NOT_RATED'), indicator('RATING', 'NOT_RATED', false), indicator('BONUS', null)],
      },
    }
    expect(sheetProgress(partly)).toEqual({ kind: 'rated', done: 1, of: 2 })
  })

  it('shows the total once submitted', () => {
    expect(sheetProgress({ status: 'SUBMITTED', score: { total: '98.50', indicators: [] } })).toEqual({ kind: 'total', total: '98.50' })
  })
})
