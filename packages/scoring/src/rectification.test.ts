import { describe, expect, it } from 'vitest'
import { rectificationWarning } from './rectification'
import type { RectificationWarning } from './types'

describe('rectificationWarning', () => {
  it.each<[string, string, boolean, number | undefined, RectificationWarning]>([
    [
      '2026-04-30',
      '2026-04-01',
      false,
      undefined,
      { colour: 'GREEN', overdue: false, daysLeft: 29 },
    ],
    [
      '2026-04-09',
      '2026-04-01',
      false,
      undefined,
      { colour: 'GREEN', overdue: false, daysLeft: 8 },
    ],
    [
      '2026-04-08',
      '2026-04-01',
      false,
      undefined,
      { colour: 'YELLOW', overdue: false, daysLeft: 7 },
    ],
    [
      '2026-04-02',
      '2026-04-01',
      false,
      undefined,
      { colour: 'YELLOW', overdue: false, daysLeft: 1 },
    ],
    [
      '2026-04-01',
      '2026-04-01',
      false,
      undefined,
      { colour: 'YELLOW', overdue: false, daysLeft: 0 },
    ], // deadline day
    ['2026-03-31', '2026-04-01', false, undefined, { colour: 'RED', overdue: true, daysLeft: -1 }],
    ['2026-01-01', '2026-04-01', false, undefined, { colour: 'RED', overdue: true, daysLeft: -90 }],
    [
      '2026-03-31',
      '2026-04-01',
      true,
      undefined,
      { colour: 'CLOSED', overdue: false, daysLeft: -1 },
    ],
    [
      '2026-04-30',
      '2026-04-01',
      true,
      undefined,
      { colour: 'CLOSED', overdue: false, daysLeft: 29 },
    ],
    ['2026-04-04', '2026-04-01', false, 3, { colour: 'YELLOW', overdue: false, daysLeft: 3 }],
    ['2026-04-05', '2026-04-01', false, 3, { colour: 'GREEN', overdue: false, daysLeft: 4 }],
    [
      '2026-03-01',
      '2026-02-22',
      false,
      undefined,
      { colour: 'YELLOW', overdue: false, daysLeft: 7 },
    ], // across February
  ])(
    'deadline %s, today %s, closed %s, warning %s',
    (deadline, today, closed, warningDays, expected) => {
      expect(rectificationWarning({ deadline, today, closed, warningDays })).toEqual(expected)
    },
  )
})
