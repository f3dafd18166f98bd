import type { AssessmentStatus } from '@/generated/graphql'

export interface SheetForList {
  status: AssessmentStatus
  score: { total: string; indicators: readonly { applicable: boolean; reason?: string | null; method: string }[] }
}

/** Graded or measured indicators an inspector must fill before submitting (bonus and deductions need nothing). */
const NEEDS_INPUT = new Set(['RATING', 'QUANTITY'])

/**
 * What a list shows for a score sheet: its total only once submitted. Before that the engine's
 * total counts every unrated indicator as 0 and every untouched deduction as full marks — a number
 * that looks real and is not — so the list says 未评分, or how many indicators are rated so far.
 */
export function sheetProgress(sheet: SheetForList): { kind: 'total'; total: string } | { kind: 'unscored' } | { kind: 'rated'; done: number; of: number } {
  if (sheet.status === 'SUBMITTED') return { kind: 'total', total: sheet.score.total }
  const needed = sheet.score.indicators.filter((i) => i.applicable && NEEDS_INPUT.has(i.method))
  const done = needed.filter((i) => i.reason !== 'NOT_RATED').length
  if (sheet.status === 'NOT_STARTED' || done === 0) return { kind: 'unscored' }
  return { kind: 'rated', done, of: needed.length }
}
