import { describe, expect, it } from 'vitest'
import { dayOf, issuedAtOf, noticeInput, noticeProblems } from './noticeForm'

const draft = { docNo: '党建〔2026〕1号', title: '关于2026年第一季度党建工作督导检查情况的通报', issuedBy: '中共某某供电公司委员会', issuedOn: '2026-04-15' }

describe('noticeProblems', () => {
  it('accepts a complete register entry', () => {
    expect(noticeProblems(draft)).toEqual({})
  })
  it('requires every field and keeps the API limits', () => {
    expect(noticeProblems({ ...draft, docNo: '  ', issuedOn: null })).toEqual({ docNo: 'required', issuedOn: 'required' })
    expect(noticeProblems({ ...draft, title: '字'.repeat(201) })).toEqual({ title: 'tooLong' })
    expect(noticeProblems({ ...draft, title: '字'.repeat(200) })).toEqual({})
  })
})

describe('dates', () => {
  it('keeps the China calendar day both ways', () => {
    expect(dayOf(issuedAtOf('2026-04-15'))).toBe('2026-04-15')
    // 20:00 UTC is already the next day in China.
    expect(dayOf('2026-04-15T20:00:00Z')).toBe('2026-04-16')
  })
})

describe('noticeInput', () => {
  it('sends only what changed', () => {
    const saved = { docNo: draft.docNo, title: draft.title, issuedBy: draft.issuedBy, issuedAt: issuedAtOf('2026-04-15') }
    expect(noticeInput({ ...draft, title: ' 新标题 ' }, saved)).toEqual({ title: '新标题' })
    expect(noticeInput(draft, saved)).toEqual({})
  })
  it('sends everything for a first save', () => {
    expect(noticeInput(draft, null)).toEqual({
      docNo: draft.docNo,
      title: draft.title,
      issuedBy: draft.issuedBy,
      issuedAt: '2026-04-15T12:00:00+08:00',
    })
  })
})
