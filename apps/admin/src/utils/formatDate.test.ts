import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatQuarter, formatRound } from './formatDate'

describe('one date and quarter format per language', () => {
  it('writes a day one way in Chinese and one way in English, whatever the input', () => {
    expect(formatDate('2026-11-16', 'zh-CN')).toBe('2026-11-16')
    // 16:30 UTC on the 15th is already the 16th in China.
    expect(formatDate('2026-11-15T16:30:00.000Z', 'zh-CN')).toBe('2026-11-16')
    expect(formatDate(new Date('2026-11-15T16:30:00.000Z'), 'en-US')).toBe('16 Nov 2026')
    expect(formatDate(null)).toBe('')
  })

  it('gives the time of day in China', () => {
    expect(formatDateTime('2026-11-16T01:05:00.000Z', 'zh-CN')).toBe('2026-11-16 09:05')
  })

  it('writes quarters with Arabic numerals in Chinese', () => {
    expect(formatQuarter(2026, 4, 'zh-CN')).toBe('2026年第4季度')
    expect(formatQuarter(2026, 4, 'en-US')).toBe('Q4 2026')
  })

  it('names a round in the reader’s language: as typed in Chinese, by its quarter in English', () => {
    const round = { name: '2026年第4季度党建工作督导检查', year: 2026, quarter: 4 }
    expect(formatRound(round, 'zh-CN')).toBe('2026年第4季度党建工作督导检查')
    expect(formatRound(round, 'en-US')).toBe('Q4 2026 inspection round')
    expect(formatRound({ ...round, name: 'Q4 audit' }, 'en-US')).toBe('Q4 audit')
  })
})
