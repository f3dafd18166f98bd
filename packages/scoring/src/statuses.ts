/**
 * Which round and finding statuses mean what (docs/domain.md R6, R7, R12): one definition for the
 * API's Prisma filters and SQL, and for the SPA.
 */
export type RoundStatus = 'PLANNING' | 'INSPECTING' | 'RECONCILING' | 'PUBLISHED' | 'CLOSED'
export type ReconciliationStatus = 'PENDING' | 'CONFIRMED' | 'DISPUTED' | 'UPHELD' | 'WITHDRAWN'

/** Rounds whose results are published: frozen, ranked, listed, on the board and in analytics. */
export const PUBLISHED_ROUND_STATUSES: RoundStatus[] = ['PUBLISHED', 'CLOSED']

/** Rounds in which a branch sees its own findings and scores (R12: from RECONCILING on). */
export const FINDINGS_VISIBLE_ROUND_STATUSES: RoundStatus[] = ['RECONCILING', 'PUBLISHED', 'CLOSED']

/** Findings that stand after reconciliation: they cost points and open rectification items. */
export const STANDING_FINDING_STATUSES: ReconciliationStatus[] = ['CONFIRMED', 'UPHELD']

/** Takes any text, so callers holding a status as plain text (the SPA's query state) ask too. */
export function isPublished(status: string): boolean {
  return (PUBLISHED_ROUND_STATUSES as readonly string[]).includes(status)
}
