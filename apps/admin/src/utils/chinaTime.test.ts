import { describe, expect, it } from 'vitest'
import { chinaDay, chinaTime } from './chinaTime'

describe('China day and time', () => {
  it('agrees with the time-zone database for Asia/Shanghai across the stored range', () => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    // Every ~37 hours from 2000 to 2100: each hour of the day and both sides of midnight are met.
    for (let ms = Date.UTC(2000, 0, 1); ms < Date.UTC(2100, 11, 31); ms += 37 * 3600_000 + 17 * 60_000) {
      const at = new Date(ms)
      expect(chinaDay(at), at.toISOString()).toBe(day.format(at))
      expect(chinaTime(at), at.toISOString()).toBe(time.format(at))
    }
  })

  it('turns the day at 16:00 UTC', () => {
    expect(chinaDay(new Date('2026-11-15T15:59:59.999Z'))).toBe('2026-11-15')
    expect(chinaDay(new Date('2026-11-15T16:00:00.000Z'))).toBe('2026-11-16')
    expect(chinaTime(new Date('2026-11-15T16:00:00.000Z'))).toBe('00:00')
  })
})
