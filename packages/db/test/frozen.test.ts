import { describe, expect, it } from 'vitest'
import {
  frozenDimensions,
  frozenPoints,
  frozenRowJson,
  readFrozenDimensions,
  readFrozenPoints,
} from '../src/frozen'

/**
 * Publication writes each assessment's frozen row as JSON text by hand (faster than building an
 * object per assessment and stringifying it); the text must parse to the object the seed and the
 * generator build with frozenPoints/frozenDimensions, which the readers and the SQL view expect.
 */
describe('frozenRowJson', () => {
  const score = {
    indicators: [
      { indicatorId: 1003, points: '4.00' },
      { indicatorId: 1001, points: '0.00' },
      { indicatorId: 17, points: '-1.50' },
    ],
    dimensions: [
      { dimensionId: 9, points: '4.00', lost: '11.00' },
      { dimensionId: '3', points: '0.00', lost: '15.00' },
    ],
  } as unknown as Parameters<typeof frozenRowJson>[1]

  it('parses to the object JSON.stringify would have written', () => {
    const text = frozenRowJson(42, score)
    const expected = { a: 42, p: frozenPoints(score), s: frozenDimensions(score) }
    expect(JSON.parse(text)).toEqual(expected)
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(expected).toEqual({
      a: 42,
      p: { '1003': '4.00', '1001': '0.00', '17': '-1.50' },
      s: [
        { d: 9, p: '4.00', l: '11.00' },
        { d: 3, p: '0.00', l: '15.00' },
      ],
    })
  })

  it('escapes string ids and points', () => {
    const text = frozenRowJson(1, {
      indicators: [{ indicatorId: 'a"b\\c', points: '1"2' }],
      dimensions: [{ dimensionId: 5, points: '3"4', lost: '\\' }],
    } as unknown as Parameters<typeof frozenRowJson>[1])
    expect(JSON.parse(text)).toEqual({
      a: 1,
      p: { 'a"b\\c': '1"2' },
      s: [{ d: 5, p: '3"4', l: '\\' }],
    })
  })

  it('writes an empty object and array for a scheme without indicators', () => {
    expect(JSON.parse(frozenRowJson(7, { indicators: [], dimensions: [] }))).toEqual({
      a: 7,
      p: {},
      s: [],
    })
  })
})

describe('reading a frozen row', () => {
  it('answers null points and no subtotals before publication', () => {
    expect(readFrozenPoints(null)).toBeNull()
    expect(readFrozenPoints(undefined)).toBeNull()
    expect(readFrozenPoints(['9.50'])).toBeNull()
    expect(readFrozenDimensions(null)).toEqual([])
    expect(readFrozenDimensions({ d: 1 })).toEqual([])
  })

  it('answers the stored values as they are', () => {
    expect(readFrozenPoints({ '12': '9.50' })).toEqual({ '12': '9.50' })
    expect(readFrozenDimensions([{ d: 1, p: '9.50', l: '0.50' }])).toEqual([
      { d: 1, p: '9.50', l: '0.50' },
    ])
  })
})
