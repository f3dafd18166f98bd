import { describe, expect, it } from 'vitest'
import { pointsJson } from '../../src/services/workflow/publish'

/**
 * Publication writes each assessment's frozen points as JSON text by hand (faster than building an
 * object per assessment and stringifying it); the text must parse to the object it stands for.
 */
describe('pointsJson', () => {
  it('parses to the object JSON.stringify would have written', () => {
    const indicators = [
      { indicatorId: 1003, points: '4.00' },
      { indicatorId: 1001, points: '0.00' },
      { indicatorId: 17, points: '-1.50' },
    ]
    const text = pointsJson(42, indicators)
    expect(JSON.parse(text)).toEqual({
      a: 42,
      p: { '1003': '4.00', '1001': '0.00', '17': '-1.50' },
    })
    expect(JSON.parse(text)).toEqual(
      JSON.parse(
        JSON.stringify({
          a: 42,
          p: Object.fromEntries(indicators.map((i) => [String(i.indicatorId), i.points])),
        }),
      ),
    )
  })

  it('escapes string ids and points', () => {
    const text = pointsJson(1, [{ indicatorId: 'a"b\\c', points: '1"2' }])
    expect(JSON.parse(text)).toEqual({ a: 1, p: { 'a"b\\c': '1"2' } })
  })

  it('writes an empty points object for a scheme without indicators', () => {
    expect(JSON.parse(pointsJson(7, []))).toEqual({ a: 7, p: {} })
  })
})
