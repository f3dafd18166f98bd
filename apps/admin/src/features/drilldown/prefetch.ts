import type { RouteData } from '@/router/meta'
import { prefetchQuery } from '@/graphql/prefetch'
import { AssessmentDrilldownQuery } from './api'
import { drilldownVariables, parseDrilldownRoute } from './lib/drilldownRoute'

/** The assessment's drill-down, all levels in one answer. */
const prefetchDrilldown: RouteData = async (route, client) => {
  const state = parseDrilldownRoute(route)
  if (state) await prefetchQuery(client, AssessmentDrilldownQuery, drilldownVariables(state))
}

export default prefetchDrilldown
