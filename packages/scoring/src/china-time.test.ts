import { describe, expect, it } from 'vitest'
import {
  addDays,
  chinaDate,
  chinaDayEnd,
  chinaDayStart,
  chinaMonth,
  chinaMonthRange,
  daysBetween,
  defaultDeadline,
} from './china-time'

describe('chinaDate / chinaMonth', () => {
  it.each<[string, string, string]>([
    ['2026-03-31T15:59:59.999Z', '2026-03-31', '2026-03'],
    ['2026-03-31T16:00:00.000Z', '2026-04-01', '2026-04'], // midnight in Beijing
    ['2026-03-31T16:30:00Z', '2026-04-01', '2026-04'],
    ['2026-12-31T16:00:00Z', '2027-01-01', '2027-01'],
    ['2028-02-28T16:00:00Z', '2028-02-29', '2028-02'], // leap day
    ['2026-06-15T00:00:00+08:00', '2026-06-15', '2026-06'],
    ['2026-06-15T23:59:59+08:00', '2026-06-15', '2026-06'],
    ['1970-01-01T00:00:00Z', '1970-01-01', '1970-01'],
  ])('%s is %s in China', (instant, date, month) => {
    expect(chinaDate(new Date(instant))).toBe(date)
    expect(chinaMonth(new Date(instant))).toBe(month)
  })

  it('rejects an invalid Date', () => {
    expect(() => chinaDate(new Date('nope'))).toThrow(RangeError)
  })
})

describe('addDays / daysBetween', () => {
  it.each<[string, number, string]>([
    ['2026-04-01', 0, '2026-04-01'],
    ['2026-04-01', 30, '2026-05-01'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %d = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected)
    expect(daysBetween(date, expected)).toBe(n)
  })

  it.each(['2026-02-30', '2026-13-01', '2026-4-1', '26-04-01', '2026-04-01T00:00'])(
    'rejects %s',
    (bad) => {
      expect(() => addDays(bad, 1)).toThrow(RangeError)
    },
  )

  it('rejects fractional days', () => {
    expect(() => addDays('2026-04-01', 1.5)).toThrow(RangeError)
  })
})

describe('defaultDeadline', () => {
  it.each<[string, number | undefined, string]>([
    ['2026-03-31T16:30:00Z', undefined, '2026-05-01'], // published 1 April in China, +30
    ['2026-03-31T15:30:00Z', undefined, '2026-04-30'], // still 31 March in China
    ['2026-04-10T02:00:00Z', 7, '2026-04-17'],
  ])('published %s (+%s days) → %s', (instant, days, expected) => {
    expect(defaultDeadline(new Date(instant), days)).toBe(expected)
  })
})

describe('China day and month boundaries as instants', () => {
  it('a day runs from 00:00 to the next 00:00 in Beijing', () => {
    expect(chinaDayStart('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z')
    expect(chinaDayEnd('2026-04-01').toISOString()).toBe('2026-04-01T16:00:00.000Z')
  })

  it.each<[string, string, string]>([
    ['2026-04', '2026-03-31T16:00:00.000Z', '2026-04-30T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('month %s', (month, start, end) => {
    const range = chinaMonthRange(month)
    expect([range.start.toISOString(), range.end.toISOString()]).toEqual([start, end])
  })

  it.each(['2026-13', '2026-00', '2026-4'])('rejects month %s', (bad) => {
    expect(() => chinaMonthRange(bad)).toThrow(RangeError)
  })
})
