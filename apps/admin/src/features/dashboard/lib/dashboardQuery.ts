import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { isPublished, type OrgCategory } from '@redblue/scoring'

export const CATEGORIES: readonly OrgCategory[] = ['I', 'II', 'III']

/** What the dashboard shows, as the URL holds it: area, round and category (so a view can be shared). */
export interface DashboardState {
  areaId: number | null
  roundId: number | null
  category: OrgCategory
}

function int(value: LocationQuery[string] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null
}

export function parseDashboardQuery(query: LocationQuery): DashboardState {
  const category = Array.isArray(query.category) ? query.category[0] : query.category
  return {
    areaId: int(query.area),
    roundId: int(query.round),
    category: CATEGORIES.includes(category as OrgCategory) ? (category as OrgCategory) : 'I',
  }
}

export function dashboardQuery(state: DashboardState): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (state.areaId !== null) query.area = String(state.areaId)
  if (state.roundId !== null) query.round = String(state.roundId)
  if (state.category !== 'I') query.category = state.category
  return query
}

export interface RoundOption {
  id: number
  name: string
  year: number
  quarter: number
  status: string
  areas: readonly { areaId: number }[]
}

/** Rounds whose results are out (published or closed) and that covered the area, newest first. */
export function publishedRoundsOf<R extends RoundOption>(rounds: readonly R[], areaId: number | null): R[] {
  return rounds
    .filter((r) => isPublished(r.status) && (areaId === null || r.areas.some((a) => a.areaId === areaId)))
    .sort((a, b) => b.year - a.year || b.quarter - a.quarter)
}

/**
 * The state with its gaps filled: the first area, and the latest published round of that area
 * (also when the URL names a round that does not cover the area).
 */
export function resolveDashboardState(
  state: DashboardState,
  areas: readonly { id: number; sortOrder: number }[],
  rounds: readonly RoundOption[],
): DashboardState {
  const sortedAreas = [...areas].sort((a, b) => a.sortOrder - b.sortOrder)
  const areaId = state.areaId !== null && areas.some((a) => a.id === state.areaId) ? state.areaId : (sortedAreas[0]?.id ?? null)
  const candidates = publishedRoundsOf(rounds, areaId)
  const roundId =
    state.roundId !== null && candidates.some((r) => r.id === state.roundId) ? state.roundId : (candidates[0]?.id ?? null)
  return { areaId, roundId, category: state.category }
}

/**
 * What the URL selects once the pickers' options have loaded: the state with its gaps filled, the
 * published rounds of its area (newest first) and the chosen one among them.
 */
export function dashboardSelection<R extends RoundOption>(
  query: LocationQuery,
  options: { areas: readonly { id: number; sortOrder: number }[]; rounds: readonly R[] } | null | undefined,
) {
  const state = resolveDashboardState(parseDashboardQuery(query), options?.areas ?? [], options?.rounds ?? [])
  const rounds = publishedRoundsOf(options?.rounds ?? [], state.areaId)
  const round = rounds.find((r) => r.id === state.roundId) ?? null
  return { state, rounds, round, ready: state.areaId !== null && state.roundId !== null }
}
