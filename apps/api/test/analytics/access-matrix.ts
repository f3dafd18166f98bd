/**
 * Role rows (R12) for the analytics fields; merged into test/access.test.ts's table. Every
 * signed-in role may call them: what each role then sees (all orgs, assigned orgs, its own org
 * plus the public rankings) is narrowed inside the queries and tested in test/analytics/.
 */
import { SIGNED_IN, type Caller } from '../access-matrix'

export const ACCESS: Record<string, readonly Caller[]> = {
  'Query.analyticsHeadline': SIGNED_IN,
  'Query.categoryRanking': SIGNED_IN,
  'Query.analyticsTrends': SIGNED_IN,
  'Query.assessmentDrilldown': SIGNED_IN,
  'Query.lostPointsMatrix': SIGNED_IN,
  'Query.problemCategoryPareto': SIGNED_IN,
  'Query.repeatFindings': SIGNED_IN,
  'Query.categoryAverages': SIGNED_IN,
}
