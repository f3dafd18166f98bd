import { addDays, chinaDate } from '@redblue/scoring'

/** A China calendar day as Prisma wants it for a `@db.Date` column (midnight UTC of that day). */
export function dbDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`)
}

/** An instant on a China calendar day, e.g. at('2025-12-08', '09:30'). */
export function at(day: string, time = '09:00'): Date {
  const [hours = '9', minutes = '0'] = time.split(':')
  const date = new Date(`${day}T${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}:00+08:00`)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a day and time: ${day} ${time}`)
  return date
}

export { addDays, chinaDate }

/** The later of two China days. */
export function maxDay(a: string, b: string): string {
  return a > b ? a : b
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b
}
