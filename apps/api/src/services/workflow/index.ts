/**
 * The quarterly workflow (docs/domain.md R2–R10) as plain async functions over a Prisma transaction
 * client and an actor. GraphQL resolvers open the transaction and call these; tests call them
 * directly. Every state change writes the audit log in the same transaction.
 *
 * Decisions the rules leave open:
 * - PLANNING → INSPECTING needs a team for every active assessed org with a category that year
 *   and a PUBLISHED scheme for every (area, category); the highest published revision is pinned.
 * - INSPECTING → RECONCILING needs every assessment SUBMITTED (an inspector can reopen one while
 *   the round is still inspecting). Findings are edited only while their assessment is open.
 * - Live scores count every finding except WITHDRAWN (worst case until reconciled); publication
 *   counts CONFIRMED and UPHELD only. Publication is refused while any finding is DISPUTED; a
 *   finding the org never reacted to is deemed confirmed (recorded as CONFIRM by the publisher).
 * - Assessment.version locks the inputs form; adding findings does not bump it.
 * - An inspector verifies items of orgs their team inspects in the opening round or in a round
 *   still under way (the look-back); admins always.
 * - Look-back: items opened in earlier rounds; each is verified or carried over at most once per
 *   round (a SUBMITTED item carried over goes back to the org as RETURNED).
 * - PUBLISHED → CLOSED once the next round has started and every still-open item this round
 *   opened was carried over in it.
 * - The annual roll-up uses the first area (基层党建) unless another is given.
 */
export * from '../../access'
export * from './annual'
export * from './assessments'
export * from './evidence'
export * from './feedback-forms'
export * from './findings'
export * from './interviews'
export * from './look-back'
export * from './publish'
export * from './reconciliation'
export * from './rectifications'
export * from './rounds'
export * from './rules'
export * from './scoring'
export * from './teams'
export * from './transition-preview'
export * from './round-progress'
export * from './todo'
export type { FaultHooks, Tx } from './types'
