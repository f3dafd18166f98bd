import type { Tx } from '../types'

/**
 * One interview per blue-list org and area (R9), held by the company's party committee: one
 * statement, or nothing to send (0) when the round has no blue list.
 */
export function openInterviews(
  tx: Tx,
  roundId: number,
  blue: readonly { orgId: number; areaId: number }[],
) {
  return blue.length
    ? tx.$executeRaw`
      INSERT INTO "Interview" ("roundId", "orgId", "areaId", "interviewer", "updatedAt")
      SELECT ${roundId}, u."orgId", u."areaId", '公司党委', CURRENT_TIMESTAMP
      FROM unnest(${blue.map((b) => b.orgId)}::int[], ${blue.map((b) => b.areaId)}::int[]) AS u("orgId", "areaId")`
    : 0
}
