import { describe, expect, it } from 'vitest'
import { feedbackFormDocxUrl, feedbackFormProblems, formOptions, totalDeduction } from './feedbackForm'

describe('feedbackFormProblems', () => {
  it('accepts a visit up to today', () => {
    expect(feedbackFormProblems({ visitDate: '2026-04-10', summary: '' }, '2026-04-10')).toEqual({})
  })
  it('needs a visit date that is not in the future', () => {
    expect(feedbackFormProblems({ visitDate: null, summary: '' }, '2026-04-10')).toEqual({ visitDate: 'visitDateRequired' })
    expect(feedbackFormProblems({ visitDate: '2026-04-11', summary: '' }, '2026-04-10')).toEqual({ visitDate: 'visitDateFuture' })
  })
  it('bounds the summary', () => {
    expect(feedbackFormProblems({ visitDate: '2026-04-10', summary: '字'.repeat(2001) }, '2026-04-10')).toEqual({ summary: 'summaryTooLong' })
  })
})

describe('formOptions', () => {
  it('lists newest visit first with number and date', () => {
    expect(
      formOptions([
        { id: 1, formNo: '2026Q1-A-01', visitDate: '2026-03-02' },
        { id: 2, formNo: '2026Q1-A-02', visitDate: '2026-03-09' },
      ]),
    ).toEqual([
      { value: 2, label: '2026Q1-A-02 · 2026-03-09' },
      { value: 1, label: '2026Q1-A-01 · 2026-03-02' },
    ])
  })
})

describe('totalDeduction', () => {
  it('sums exactly', () => {
    expect(totalDeduction([{ deduction: '0.10' }, { deduction: '0.20' }])).toBe('0.30')
    expect(totalDeduction([])).toBe('0.00')
  })
})

describe('feedbackFormDocxUrl', () => {
  it('is the API download of that form', () => {
    expect(feedbackFormDocxUrl(42)).toBe('/files/feedback-form/42.docx')
  })
})
