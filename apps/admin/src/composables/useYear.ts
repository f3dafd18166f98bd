import { chinaDate } from '@redblue/scoring'

/** This year in China Standard Time (the assessment calendar), whatever the browser's zone. */
export function currentYear(now = new Date()): number {
  return Number(chinaDate(now).slice(0, 4))
}

/** A few years around now for year pickers, newest first. */
export function yearOptions(around = currentYear(), back = 5, ahead = 1) {
  const years: { label: string; value: number }[] = []
  for (let y = around + ahead; y >= around - back; y--) years.push({ label: String(y), value: y })
  return years
}
