import { storeRoundInsights } from '@redblue/db'
import type { Tx } from '../workflow/types'

/**
 * Publication's step of R13: the round's insights, computed from what publication has just frozen
 * (scores, standing findings, rectification items) and stored with them, so a published round's
 * insights never change. Runs inside the publishing transaction.
 */
export async function storePublishedInsights(tx: Tx, roundId: number, now: Date): Promise<void> {
  await storeRoundInsights(tx, roundId, now)
}
