import type { PrismaClient } from '@redblue/db'
import { chinaMonth, defaultDeadline, isPublished } from '@redblue/scoring'
import { ValidationError } from '../../errors'
import { requireAdmin, type Actor } from '../../access'
import { audit } from './audit'
import { assertRoundStatus, getRound, recordTransition } from './round-state'
import { recordRoundRules } from './rules'
import { SchemeCache } from './scoring'
import type { FaultHooks, Tx } from './types'
import { recordAdjustments } from './publish/adjustments'
import { freezePoints, roundReads, scoreRound } from './publish/freeze-scores'
import { openInterviews } from './publish/interviews'
import { issueNotice, type NoticeInput } from './publish/notice'
import { sendAheadOfScoring, sendBehind } from './publish/pipeline'
import { rankAndList, storeResults } from './publish/rank-and-list'
import { confirmUnanswered, refuseWhileDisputed } from './publish/reconciliation'
import { openRectifications } from './publish/rectifications'
import { storeSummaries } from './publish/summaries'

export interface PublishInput extends NoticeInput {
  roundId: number
  note?: string | null
  now?: Date
  /**
   * A client whose own pooled connections may read the round beside this transaction, through its
   * snapshot (`readInSnapshot`); PostgreSQL servers only — null or absent on PGlite.
   */
  reader?: PrismaClient | null
}

/**
 * RECONCILING → PUBLISHED (R3–R6, R8, R9), all in the caller's one transaction so that any
 * failure leaves nothing behind. The status flips first, so a concurrent second publish waits on
 * the row and then fails. Then the steps, each in `publish/`: reconciliation ends (no open
 * dispute; unanswered findings deemed confirmed), the scores are frozen, ranked and listed, the
 * adjustments recorded, the rectifications and interviews opened, the notice issued and the
 * summaries stored. How their statements reach the server (sent ahead, the scores computed
 * meanwhile) is `publish/pipeline.ts`'s; the `step` names mark where a test may inject a failure.
 */
export async function publishRound(
  tx: Tx,
  actor: Actor,
  input: PublishInput,
  hooks: FaultHooks = {},
) {
  requireAdmin(actor)
  const step = async (name: string) => {
    await hooks.onStep?.(name)
  }
  const now = input.now ?? new Date()
  const round = await getRound(tx, input.roundId)
  if (isPublished(round.status)) {
    throw new ValidationError('本轮检查结果已发布，不能重复发布')
  }
  assertRoundStatus(round, 'RECONCILING')
  await refuseWhileDisputed(tx, round.id)
  const published = await recordTransition(tx, actor, round, 'PUBLISHED', input.note ?? null, now)
  await step('status')

  const cache = new SchemeCache(tx)
  const [{ rules }] = await Promise.all([recordRoundRules(tx, round), cache.preloadRound(round.id)])
  // Neither write depends on the other having run, nor on the reads: the findings count the same
  // whether read before or after the deemed confirmations (COUNTED_AT_PUBLICATION).
  const {
    rows,
    written: [confirmed, opened],
  } = await sendAheadOfScoring(tx, input.reader, (db) => roundReads(db, round.id), [
    confirmUnanswered(tx, round.id, actor, now),
    openRectifications(tx, round.id, actor, now, defaultDeadline(now, rules.rectificationDays)),
  ] as const)

  const { scored, frozenDocument } = await scoreRound(cache, await rows)
  const lists = rankAndList(scored, rules)
  const month = chinaMonth(now)
  const [frozen, stored, adjusted, interviewed] = await sendBehind([
    freezePoints(tx, frozenDocument),
    storeResults(tx, scored, lists, now),
    recordAdjustments(tx, round.id, lists.adjustments, month),
    openInterviews(tx, round.id, lists.blue),
  ] as const)
  const deemedConfirmed = await confirmed
  const rectifications = await opened
  await frozen
  await step('frozen')
  await stored
  await adjusted
  await step('lists')
  await step('rectifications')
  await interviewed
  await issueNotice(tx, round, input, now)
  await step('interviews')
  await storeSummaries(tx, round.id, now)

  await audit(tx, actor, 'round.publishResults', 'InspectionRound', round.id, null, {
    assessments: scored.length,
    deemedConfirmed,
    rectifications,
    interviews: lists.blue.length,
    adjustments: lists.adjustments.length,
    month,
  })
  return published
}
