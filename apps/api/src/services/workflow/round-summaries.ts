import { storeRoundSummaries as storeSummaries } from '@redblue/db'
import type { Tx } from './types'

/**
 * The analytics' stored per-round aggregates (dimension subtotal sums, finding counts per problem
 * category, feedback forms), written in the publishing transaction from the rows just frozen.
 * The SQL lives in the database (`"storeRoundSummaries"`, migration `round_summaries`) so that the
 * demo seed, the bench generator and the migration's backfill store exactly the same figures.
 * Rectification items are not summarised: they move after publication and are counted live.
 */
export async function storeRoundSummaries(tx: Tx, roundId: number): Promise<void> {
  await storeSummaries(tx, roundId)
}
