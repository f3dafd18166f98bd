/**
 * The layout of an assessment's frozen-points row (`AssessmentIndicatorPoints`, one per published
 * assessment): every writer (publication, the demo seed, the bench generator) and every reader in
 * TypeScript goes through these functions; SQL reads the subtotals through the view
 * "AssessmentDimensionScore" (migration `dimension_subtotals_in_frozen_points`), which relies on the
 * same keys.
 *
 * - `points`: indicator id → points, `{"412": "9.50"}`;
 * - `dimensions`: the subtotals in the scheme's order, `[{"d": 7, "p": "12.50", "l": "2.50"}]`.
 *
 * Points are two-decimal strings, never JSON numbers: they are read back as exact decimals.
 */
import type { AssessmentScore } from '@redblue/scoring'

/** One dimension subtotal as stored: dimension id, points, points lost. */
// A type, not an interface: Prisma's JSON input types take it as it is.
export type FrozenDimension = { d: number; p: string; l: string }

type ScoreParts = Pick<AssessmentScore, 'indicators' | 'dimensions'>

/** The `points` object of a score. */
export function frozenPoints(score: Pick<ScoreParts, 'indicators'>): Record<string, string> {
  return Object.fromEntries(score.indicators.map((i) => [String(i.indicatorId), i.points]))
}

/** The `dimensions` array of a score. */
export function frozenDimensions(score: Pick<ScoreParts, 'dimensions'>): FrozenDimension[] {
  return score.dimensions.map((d) => ({ d: Number(d.dimensionId), p: d.points, l: d.lost }))
}

/** A decimal as the engine writes it ("9.50", "-2.00") needs no escaping: quoted as it is. */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/

function quoted(text: string): string {
  return PLAIN_DECIMAL.test(text) ? `"${text}"` : JSON.stringify(text)
}

/**
 * `{"a":<assessment id>,"p":{…points},"s":[…dimensions]}` as text: what JSON.stringify would write
 * for `{ a, p: frozenPoints(score), s: frozenDimensions(score) }`, written out directly because
 * publication builds 9,000 of them (an object per assessment then JSON.stringify took 290–390 ms,
 * the text written piecewise 140–150 ms; without a JSON.stringify per value, ≈ 1 µs less for each
 * of the 540,000 points). A test parses it back.
 */
export function frozenRowJson(assessmentId: number, score: ScoreParts): string {
  let points = ''
  for (const i of score.indicators) {
    const key = typeof i.indicatorId === 'number' ? `"${i.indicatorId}"` : JSON.stringify(String(i.indicatorId))
    points += `${points ? ',' : ''}${key}:${quoted(i.points)}`
  }
  let dimensions = ''
  for (const d of score.dimensions) {
    dimensions += `${dimensions ? ',' : ''}{"d":${Number(d.dimensionId)},"p":${quoted(d.points)},"l":${quoted(d.lost)}}`
  }
  return `{"a":${assessmentId},"p":{${points}},"s":[${dimensions}]}`
}

/** The stored `points` object, or null when there is none (not published) or it is malformed. */
export function readFrozenPoints(stored: unknown): Record<string, string> | null {
  return stored && typeof stored === 'object' && !Array.isArray(stored)
    ? (stored as Record<string, string>)
    : null
}

/** The stored `dimensions` array ([] when there is none). */
export function readFrozenDimensions(stored: unknown): FrozenDimension[] {
  return Array.isArray(stored) ? (stored as FrozenDimension[]) : []
}
