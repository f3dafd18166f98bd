/** Role rows (R12) for the insight fields; merged into test/access.test.ts's table. */
import { ADMIN_LEADER, type Caller } from '../access-matrix'

export const ACCESS: Record<string, readonly Caller[]> = {
  'Query.roundInsights': ADMIN_LEADER,
  'Query.myRoundInsights': ['BRANCH'],
  'Query.noticeAnalysis': ADMIN_LEADER,
}
