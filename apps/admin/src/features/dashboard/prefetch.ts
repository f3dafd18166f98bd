import type { RouteData } from '@/router/meta'
import { prefetchQuery } from '@/graphql/prefetch'
import { RoundInsightsQuery } from '@/features/insights/api'
import {
  CategoryRankingQuery,
  DashboardOptionsQuery,
  HeadlineQuery,
  LostPointsMatrixQuery,
  ParetoQuery,
  RepeatFindingsQuery,
  TrendsQuery,
} from './api'
import { dashboardSelection } from './lib/dashboardQuery'
import { dashboardVariables } from './lib/dashboardVariables'

/** The dashboard's pickers, then the figures, charts and insights of what the URL selects. */
const prefetchDashboard: RouteData = async (route, client) => {
  const options = await prefetchQuery(client, DashboardOptionsQuery, {})
  const selection = dashboardSelection(route.query, options.data)
  if (!selection.ready) return
  const variables = dashboardVariables(selection.state, selection.round)
  await Promise.all([
    prefetchQuery(client, HeadlineQuery, variables.headline),
    prefetchQuery(client, CategoryRankingQuery, variables.ranking),
    prefetchQuery(client, TrendsQuery, variables.trends),
    prefetchQuery(client, LostPointsMatrixQuery, variables.matrix),
    prefetchQuery(client, ParetoQuery, variables.pareto),
    prefetchQuery(client, RepeatFindingsQuery, variables.repeats),
    prefetchQuery(client, RoundInsightsQuery, variables.insights),
  ])
}

export default prefetchDashboard
