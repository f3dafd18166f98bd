import { describe, expect, it } from 'vitest'
import { canDelete, sharedIndicatorProblems } from './sharedIndicatorForm'

const draft = { code: 'STD-6', name: '制度建设', method: 'DEDUCTION' as const, evaluationStandard: '', scoringGuide: '' }

describe('sharedIndicatorProblems', () => {
  it('accepts a new code with a name', () => {
    expect(sharedIndicatorProblems(draft, [{ code: 'STD-1' }])).toEqual({})
  })
  it('needs a code unique in the year and area, and a name', () => {
    expect(sharedIndicatorProblems({ ...draft, code: ' ', name: '' }, [])).toEqual({ code: 'required', name: 'required' })
    expect(sharedIndicatorProblems({ ...draft, code: 'std-1' }, [{ code: 'STD-1' }])).toEqual({ code: 'codeTaken' })
  })
})

describe('canDelete', () => {
  it('only while nothing links to it', () => {
    expect(canDelete({ linkedIndicators: [] })).toBe(true)
    expect(canDelete({ linkedIndicators: [{ id: 1 }] })).toBe(false)
  })
})
