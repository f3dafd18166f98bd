import { describe, expect, it } from 'vitest'
import { parseCpuLine, stealMeter } from '../../bench/speed'

describe('CPU steal (bench/speed.ts)', () => {
  it('reads steal and total time from /proc/stat’s first line', () => {
    expect(parseCpuLine('cpu  100 5 50 800 10 1 4 30 0 0')).toEqual({ steal: 30, total: 1000 })
    expect(parseCpuLine('cpu0 100 5 50 800 10 1 4 30 0 0')).toBeNull()
    expect(parseCpuLine('cpu  100 5 50')).toBeNull()
  })

  it('answers a share in percent, or null where /proc/stat cannot be read', () => {
    const meter = stealMeter()
    const until = Date.now() + 100
    while (Date.now() < until) {
      // Spend some CPU time so the counters move.
    }
    const share = meter.share()
    if (share !== null) {
      expect(share).toBeGreaterThanOrEqual(0)
      expect(share).toBeLessThanOrEqual(100)
    } else {
      expect(process.platform).not.toBe('linux')
    }
  })
})
