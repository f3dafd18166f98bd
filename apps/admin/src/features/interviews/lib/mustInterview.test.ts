import { describe, expect, it } from 'vitest'
import { interviewRows, itemProblems, progressOf, type ListedAssessment } from './mustInterview'

const area = (id: number) => ({ id, name: id === 1 ? '基层党建' : '党风廉政', sortOrder: id })
const org = (id: number) => ({ id, name: `支部${id}`, sortOrder: id })
function assessment(orgId: number, areaId: number, category: 'I' | 'II' | 'III', listMark: 'RED' | 'BLUE' | null, baseScore = '99.00'): ListedAssessment {
  return { orgId, areaId, category, listMark, baseScore, org: org(orgId), area: area(areaId) }
}

describe('interviewRows (who must be interviewed)', () => {
  const assessments = [
    assessment(1, 1, 'I', 'RED'),
    assessment(2, 1, 'I', 'BLUE'),
    assessment(5, 1, 'III', 'BLUE', '97.50'),
    assessment(4, 1, 'III', null, '98.00'),
    assessment(3, 1, 'II', 'BLUE'),
    assessment(2, 2, 'I', null),
  ]

  it('lists every blue mark of the round, per area, with why', () => {
    const rows = interviewRows(assessments, [])
    expect(rows.map((r) => [r.orgId, r.areaId, r.reason])).toEqual([
      [2, 1, 'BLUE_LIST'],
      [3, 1, 'BLUE_LIST'],
      [5, 1, 'BELOW_THRESHOLD'],
    ])
    expect(rows.every((r) => r.state === 'MISSING')).toBe(true)
  })

  it('never lists red or unmarked orgs, even at a low base score', () => {
    const rows = interviewRows([assessment(4, 1, 'III', null, '90.00'), assessment(1, 1, 'I', 'RED')], [])
    expect(rows).toEqual([])
  })

  it('marks done once the interview has a date, pending while empty', () => {
    const rows = interviewRows(assessments, [
      { id: 10, orgId: 2, areaId: 1, date: '2026-04-20', items: [{}] },
      { id: 11, orgId: 3, areaId: 1, date: null, items: [] },
    ])
    expect(rows.map((r) => r.state)).toEqual(['DONE', 'PENDING', 'MISSING'])
    expect(rows[0]!.interview?.id).toBe(10)
    expect(progressOf(rows)).toEqual({ required: 3, done: 1 })
  })

  it('keeps interviews added beyond the list, last, and does not count them as required', () => {
    const rows = interviewRows(assessments, [{ id: 12, orgId: 2, areaId: 2, date: '2026-04-21', items: [] }])
    const extra = rows.find((r) => r.reason === 'EXTRA')
    expect(extra).toMatchObject({ orgId: 2, areaId: 2, areaName: '党风廉政', state: 'DONE' })
    expect(rows.at(-1)).toBe(extra)
    expect(progressOf(rows)).toEqual({ required: 3, done: 0 })
  })
})

describe('itemProblems', () => {
  const draft = { content: '整改', measure: '', responsiblePerson: '', deadline: null }
  it('needs content', () => {
    expect(itemProblems({ ...draft, content: '  ' }, '2026-05-01')).toEqual({ content: 'contentRequired' })
    expect(itemProblems(draft, '2026-05-01')).toEqual({})
  })
  it('refuses a deadline in the past', () => {
    expect(itemProblems({ ...draft, deadline: '2026-04-30' }, '2026-05-01')).toEqual({ deadline: 'deadlinePast' })
    expect(itemProblems({ ...draft, deadline: '2026-05-01' }, '2026-05-01')).toEqual({})
  })
})
