import type { ChinaDateString, ChinaMonthString } from './types'

/**
 * Calendar arithmetic in China Standard Time. Asia/Shanghai has been UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact for every date this product handles and needs no timezone
 * database (which an air-gapped server may lack or have outdated).
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function pad4(n: number): string {
  return String(n).padStart(4, '0')
}

function checkInstant(now: Date): number {
  const t = now.getTime()
  if (Number.isNaN(t)) throw new RangeError('Invalid Date')
  return t
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day; rejects impossible dates like 2026-02-30. */
function dayNumber(date: ChinaDateString): number {
  const m = DATE_PATTERN.exec(date)
  if (!m) throw new RangeError(`Expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`)
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const t = Date.UTC(year, month - 1, day)
  const check = new Date(t)
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(`Not a calendar date: ${date}`)
  }
  return t / DAY_MS
}

function fromDayNumber(days: number): ChinaDateString {
  const d = new Date(days * DAY_MS)
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** The China calendar day of an instant: 2026-03-31T16:30Z → '2026-04-01'. */
export function chinaDate(now: Date): ChinaDateString {
  return fromDayNumber(Math.floor((checkInstant(now) + CHINA_OFFSET_MS) / DAY_MS))
}

/** The China calendar month of an instant ("the month of publication", R5). */
export function chinaMonth(now: Date): ChinaMonthString {
  return chinaDate(now).slice(0, 7)
}

/** 'YYYY-MM-DD' plus n calendar days (n may be negative). */
export function addDays(date: ChinaDateString, days: number): ChinaDateString {
  if (!Number.isInteger(days)) throw new RangeError(`Expected a whole number of days, got ${days}`)
  return fromDayNumber(dayNumber(date) + days)
}

/** Calendar days from `from` to `to`: daysBetween('2026-04-01', '2026-04-08') === 7. */
export function daysBetween(from: ChinaDateString, to: ChinaDateString): number {
  return dayNumber(to) - dayNumber(from)
}

/** Default rectification deadline (R8): the China publication day plus `days` (30 by default). */
export function defaultDeadline(publishedAt: Date, days = 30): ChinaDateString {
  return addDays(chinaDate(publishedAt), days)
}

/** The instant a China calendar day starts (00:00 +08:00). */
export function chinaDayStart(date: ChinaDateString): Date {
  return new Date(dayNumber(date) * DAY_MS - CHINA_OFFSET_MS)
}

/**
 * The first instant after a China calendar day (next day 00:00 +08:00). A deadline runs to the end
 * of its day, so an item is overdue from this instant on.
 */
export function chinaDayEnd(date: ChinaDateString): Date {
  return new Date((dayNumber(date) + 1) * DAY_MS - CHINA_OFFSET_MS)
}

/** [start, end) instants of a China calendar month, for "published in month M" queries. */
export function chinaMonthRange(month: ChinaMonthString): { start: Date; end: Date } {
  const m = MONTH_PATTERN.exec(month)
  const monthNumber = m ? Number(m[2]) : 0
  if (!m || monthNumber < 1 || monthNumber > 12) {
    throw new RangeError(`Expected a YYYY-MM month, got ${JSON.stringify(month)}`)
  }
  const year = Number(m[1])
  return {
    start: new Date(Date.UTC(year, monthNumber - 1, 1) - CHINA_OFFSET_MS),
    end: new Date(Date.UTC(year, monthNumber, 1) - CHINA_OFFSET_MS),
  }
}
