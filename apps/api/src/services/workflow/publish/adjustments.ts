import type { Tx } from '../types'
import type { PerformanceAdjustmentRow } from './rank-and-list'

/**
 * The round's performance adjustments (R5), dated to the month of publication in China time: one
 * statement, or nothing to send (0) when no org earned one.
 */
export function recordAdjustments(
  tx: Tx,
  roundId: number,
  adjustments: readonly PerformanceAdjustmentRow[],
  month: string,
) {
  return adjustments.length
    ? tx.$executeRaw`
      INSERT INTO "PerformanceAdjustment" ("roundId", "orgId", "areaId", "category", "reason", "points", "month")
      SELECT ${roundId}, u."orgId", u."areaId", u."category"::"OrgCategory", u."reason"::"AdjustmentReason",
             u."points", ${month}
      FROM unnest(${adjustments.map((a) => a.orgId)}::int[], ${adjustments.map((a) => a.areaId)}::int[],
        ${adjustments.map((a) => a.category)}::text[], ${adjustments.map((a) => a.reason)}::text[],
        ${adjustments.map((a) => a.points)}::numeric[])
        AS u("orgId", "areaId", "category", "reason", "points")`
    : 0
}
