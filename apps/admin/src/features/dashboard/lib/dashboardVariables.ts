import type { DashboardState } from './dashboardQuery'

/** Rounds in the trend charts, and so in the Pareto and the repeat findings: the five up to the chosen one. */
export const TREND_ROUNDS = 5

/** Repeat findings listed at most. */
const REPEAT_LIMIT = 20

/**
 * The variables of each dashboard query for a state and its round: one place for the page and for
 * the prefetch that sends the same queries ahead of it (a different variable would be a different
 * request, fetched twice).
 */
export function dashboardVariables(state: DashboardState, round: { year: number; quarter: number } | null) {
  const areaId = state.areaId ?? 0
  const roundId = state.roundId ?? 0
  // Pareto and repeats cover the same rounds as the trends, asked for by that window so they load
  // beside the trends, not after them.
  const window = { areaId, untilRoundId: state.roundId, rounds: TREND_ROUNDS }
  return {
    headline: {
      areaId: state.areaId,
      // Everything up to the chosen round: "since the mechanism started, as of this quarter".
      period: round ? { toYear: round.year, toQuarter: round.quarter } : null,
    },
    ranking: { roundId, areaId, category: state.category },
    trends: { ...window, category: state.category },
    matrix: { roundId, areaId, category: state.category },
    pareto: { ...window, category: state.category },
    repeats: { ...window, limit: REPEAT_LIMIT },
    // InsightPanel's props, which are its query's variables.
    insights: { roundId, areaId },
  }
}
