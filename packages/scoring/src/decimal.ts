import Decimal from 'decimal.js'
import type { DecimalInput, ScoreString } from './types'

/**
 * Exact decimal arithmetic for scores.
 *
 * Scores are held internally as integer hundredths ("cents": 97.50 → 9750), which are exact in a JS
 * number up to ±9·10^13 points and avoid allocating Decimal objects in the hot scoring loop. Inputs
 * with more than two decimals, or in exponent notation, take the slower decimal.js path so nothing is
 * ever silently read through a binary float.
 */

/**
 * Our own Decimal constructor: 100 significant digits make sums and products of score-sized inputs
 * exact, and half-up (away from zero on ties) is the rounding R2 asks for.
 */
export const D = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
})

/** Beyond this many points a cents value would leave the exactly representable integers. */
const MAX_POINTS = 9e13
const MAX_CENTS = MAX_POINTS * 100

function inputText(x: DecimalInput): string {
  if (typeof x === 'string') return x
  // String(number) is the shortest round-trip form, so the literal 0.1 reads as "0.1", not as the
  // binary float's expansion.
  if (typeof x === 'number') return String(x)
  // decimal.js (and Prisma's Decimal) print plain notation, unrounded, from toFixed() without args.
  return x.toFixed()
}

function invalid(text: string): RangeError {
  return new RangeError(`Not a finite decimal number: ${JSON.stringify(text)}`)
}

/** Parses any DecimalInput into an exact Decimal; throws RangeError for NaN, ±Infinity and junk. */
export function toDecimal(x: DecimalInput): Decimal {
  const text = inputText(x)
  let d: Decimal
  try {
    d = new D(text)
  } catch {
    throw invalid(text)
  }
  if (!d.isFinite()) throw invalid(text)
  return d
}

/**
 * Fast path: plain "[-+]digits[.d[d]]" strings. Returns undefined when the text needs the full
 * parser (more decimals, exponents, leading dot, too many digits, junk).
 */
function plainStringCents(s: string): number | undefined {
  const n = s.length
  let i = 0
  let negative = false
  let c = s.charCodeAt(0)
  if (c === 45) {
    negative = true
    i = 1
  } else if (c === 43) {
    i = 1
  }
  let whole = 0
  const wholeStart = i
  for (; i < n; i++) {
    c = s.charCodeAt(i)
    if (c < 48 || c > 57) break
    whole = whole * 10 + (c - 48)
  }
  const wholeDigits = i - wholeStart
  if (wholeDigits === 0 || wholeDigits > 13) return undefined
  let fraction = 0
  if (i < n) {
    if (c !== 46) return undefined
    const fractionDigits = n - i - 1
    if (fractionDigits > 2) return undefined
    for (let k = 1; k <= fractionDigits; k++) {
      const digit = s.charCodeAt(i + k) - 48
      if (digit < 0 || digit > 9) return undefined
      fraction = fraction * 10 + digit
    }
    if (fractionDigits === 1) fraction *= 10
  }
  const cents = whole * 100 + fraction
  return negative && cents !== 0 ? -cents : cents
}

/** Cents of a Decimal already known to be finite, or null if it has more than two decimals. */
function decimalExactCents(d: Decimal): number | null {
  if (d.decimalPlaces() > 2 || d.abs().gte(MAX_POINTS)) return null
  return d.times(100).toNumber()
}

/**
 * The input as exact integer hundredths, or null when it has more than two significant decimals
 * (or is too large). Throws RangeError when it is not a finite number.
 */
export function exactCents(x: DecimalInput): number | null {
  if (typeof x === 'number' && Number.isSafeInteger(x) && Math.abs(x) < MAX_POINTS) return x * 100
  const text = inputText(x)
  const fast = plainStringCents(text)
  if (fast !== undefined) return fast
  return decimalExactCents(toDecimal(text))
}

/** A Decimal rounded half-up to integer hundredths. */
export function decimalToCents(d: Decimal): number {
  if (d.abs().gte(MAX_POINTS)) throw new RangeError(`Score out of range: ${d.toFixed()}`)
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber()
}

/** The input rounded half-up to integer hundredths. */
export function toCents(x: DecimalInput): number {
  return exactCents(x) ?? decimalToCents(toDecimal(x))
}

/** round(a / b) half-up (away from zero on ties) for integers a and b > 0, exact while |a| + b is safe. */
export function divideRoundHalfUp(a: number, b: number): number {
  const negative = a < 0
  const x = negative ? -a : a
  let q = Math.floor(x / b)
  // The float quotient can land one off when it sits just below an integer; fix with the remainder.
  let r = x - q * b
  while (r < 0) {
    q -= 1
    r += b
  }
  while (r >= b) {
    q += 1
    r -= b
  }
  if (2 * r >= b) q += 1
  return negative && q !== 0 ? -q : q
}

let smallScores: string[] | undefined

/** 0.00 … 100.00 cover nearly every score; formatting them once saves work in the hot loop. */
function smallScoreTable(): string[] {
  if (!smallScores) {
    smallScores = []
    for (let c = 0; c <= 10000; c++) smallScores.push(formatCentsSlow(c))
  }
  return smallScores
}

function formatCentsSlow(cents: number): string {
  const negative = cents < 0
  const a = negative ? -cents : cents
  const whole = Math.floor(a / 100)
  const fraction = a - whole * 100
  return `${negative ? '-' : ''}${whole}.${fraction < 10 ? '0' : ''}${fraction}`
}

/** Integer hundredths → "97.50". */
export function formatCents(cents: number): ScoreString {
  if (!Number.isSafeInteger(cents) || Math.abs(cents) >= MAX_CENTS) {
    throw new RangeError(`Not an integer number of hundredths: ${cents}`)
  }
  if (cents >= 0 && cents <= 10000) return smallScoreTable()[cents] ?? formatCentsSlow(cents)
  return formatCentsSlow(cents)
}

/** A Decimal rounded half-up to two decimals, as a score string (never "-0.00"). */
export function decimalToFixed2(d: Decimal): ScoreString {
  return formatCents(decimalToCents(d))
}

/** Any decimal input rounded half-up to exactly two decimals: toFixed2('97.5') === '97.50'. */
export function toFixed2(x: DecimalInput): ScoreString {
  return formatCents(toCents(x))
}

/**
 * A rule value as documents print it (the notice, the Excel exports): toFixed2, without the
 * decimals of a whole number — '98' for 98.00, '98.50' for 98.5 — so both print it one way.
 */
export function toPointsText(x: DecimalInput): string {
  const fixed = toFixed2(x)
  return fixed.endsWith('.00') ? fixed.slice(0, -3) : fixed
}

/**
 * Exact comparison (no rounding, no floats): compareScores('97.99', '98.00') === -1. Usable as a
 * sort comparator for ascending order.
 */
export function compareScores(a: DecimalInput, b: DecimalInput): -1 | 0 | 1 {
  const ca = exactCents(a)
  const cb = exactCents(b)
  if (ca !== null && cb !== null) return ca < cb ? -1 : ca > cb ? 1 : 0
  const c = toDecimal(a).comparedTo(toDecimal(b))
  return c < 0 ? -1 : c > 0 ? 1 : 0
}

/** Exact sum, rounded half-up to two decimals once at the end. */
export function sumScores(xs: readonly DecimalInput[]): ScoreString {
  let cents = 0
  let rest: Decimal | null = null
  for (const x of xs) {
    const c = exactCents(x)
    if (c !== null) cents += c
    else rest = (rest ?? new D(0)).plus(toDecimal(x))
  }
  if (rest === null) return formatCents(cents)
  return decimalToFixed2(rest.plus(new D(cents).div(100)))
}

/** Exact mean rounded half-up to two decimals; null for an empty list. */
export function meanScore(xs: readonly DecimalInput[]): ScoreString | null {
  if (xs.length === 0) return null
  // Stored scores are whole hundredths: their mean is an integer division, exact and ~20× faster
  // than decimal.js (a trend takes the means of thousands of totals on every request). Anything
  // with more decimals, or a sum past 2^53, takes the decimal path.
  let cents = 0
  for (const x of xs) {
    const c = exactCents(x)
    if (c === null) return meanScoreDecimal(xs)
    cents += c
  }
  if (!Number.isSafeInteger(Math.abs(cents) + xs.length)) return meanScoreDecimal(xs)
  return formatCents(divideRoundHalfUp(cents, xs.length))
}

function meanScoreDecimal(xs: readonly DecimalInput[]): ScoreString {
  let sum = new D(0)
  for (const x of xs) sum = sum.plus(toDecimal(x))
  return decimalToFixed2(sum.div(xs.length))
}
