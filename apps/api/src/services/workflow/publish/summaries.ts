import { storePublishedInsights } from '../../insights/store'
import { storeRoundSummaries } from '../round-summaries'
import type { Tx } from '../types'

/**
 * Stored per-round aggregates of what was just frozen, and each assessment's count of standing
 * findings (the analytics read them), then the round's insights (R13): one definition in the
 * database for every writer. The count was written with the scores (the findings that counted),
 * so the function finds it equal and rewrites no row: a second update of a row this transaction
 * wrote re-checks every foreign key of it (PostgreSQL skips the check for unchanged keys only on
 * older rows), ≈ 45,000 checks for a provincial round.
 */
export async function storeSummaries(tx: Tx, roundId: number, now: Date): Promise<void> {
  await storeRoundSummaries(tx, roundId)
  await storePublishedInsights(tx, roundId, now)
}
