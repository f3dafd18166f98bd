/**
 * A moment as its calendar day and clock time in China (DOMAIN.md, "Time"), whatever the
 * browser's zone. China has kept UTC+8 all year since 1991 and the dates this product stores are
 * bounded to 2000–2100, so the offset is a constant. `Intl.DateTimeFormat` with
 * `timeZone: 'Asia/Shanghai'` gives the same answers but loads the time-zone data on first use,
 * which cost ~100 ms of every page's start-up in the browser benchmark's profiles.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

function inChina(at: Date): string {
  // An ISO string of the shifted moment reads as China's wall clock: 2026-11-16T09:05:00.000Z.
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString()
}

/** 2026-11-16 */
export function chinaDay(at: Date): string {
  return inChina(at).slice(0, 10)
}

/** 09:05 */
export function chinaTime(at: Date): string {
  return inChina(at).slice(11, 16)
}
