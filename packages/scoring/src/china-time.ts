import type { ChinaDateString, ChinaMonthString } from './types'

export function chinaDate(_now: Date): ChinaDateString {
  throw new Error('not implemented')
}
export function chinaMonth(_now: Date): ChinaMonthString {
  throw new Error('not implemented')
}
export function addDays(_date: ChinaDateString, _days: number): ChinaDateString {
  throw new Error('not implemented')
}
export function daysBetween(_from: ChinaDateString, _to: ChinaDateString): number {
  throw new Error('not implemented')
}
export function defaultDeadline(_publishedAt: Date, _days?: number): ChinaDateString {
  throw new Error('not implemented')
}
/** The instant a China calendar day starts (00:00 +08:00). */
export function chinaDayStart(_date: ChinaDateString): Date {
  throw new Error('not implemented')
}
/** The first instant after a China calendar day (next day 00:00 +08:00): a deadline runs until then. */
export function chinaDayEnd(_date: ChinaDateString): Date {
  throw new Error('not implemented')
}
/** [start, end) instants of a China calendar month. */
export function chinaMonthRange(_month: ChinaMonthString): { start: Date; end: Date } {
  throw new Error('not implemented')
}
