import { describe, expect, it } from 'vitest'
import { areaProblems } from './areaForm'

const areas = [
  { id: 1, code: 'PB', name: '基层党建' },
  { id: 2, code: 'IC', name: '党风廉政' },
]

describe('areaProblems', () => {
  it('accepts a new area', () => {
    expect(areaProblems({ code: 'PR', name: '宣传工作', sortOrder: 3 }, areas, null)).toEqual({})
  })
  it('needs a code and a name', () => {
    expect(areaProblems({ code: ' ', name: '', sortOrder: null }, areas, null)).toEqual({ code: 'codeRequired', name: 'nameRequired' })
    expect(areaProblems({ code: 'X'.repeat(51), name: '宣'.repeat(51), sortOrder: null }, areas, null)).toEqual({ code: 'tooLong', name: 'tooLong' })
  })
  it('refuses a code another area has, but not the area being renamed', () => {
    expect(areaProblems({ code: 'pb', name: '新专业', sortOrder: null }, areas, null)).toEqual({ code: 'codeTaken' })
    expect(areaProblems({ code: 'PB', name: '基层党建工作', sortOrder: 1 }, areas, 1)).toEqual({})
  })
})
