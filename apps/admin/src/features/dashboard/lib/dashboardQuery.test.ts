import { describe, expect, it } from 'vitest'
import { dashboardQuery, parseDashboardQuery, publishedRoundsOf, resolveDashboardState } from './dashboardQuery'

const areas = [
  { id: 2, sortOrder: 1 },
  { id: 1, sortOrder: 0 },
]
const rounds = [
  { id: 10, name: '2024 Q4', year: 2024, quarter: 4, status: 'CLOSED', areas: [{ areaId: 1 }, { areaId: 2 }] },
  { id: 11, name: '2025 Q2', year: 2025, quarter: 2, status: 'PUBLISHED', areas: [{ areaId: 1 }] },
  { id: 12, name: '2025 Q4', year: 2025, quarter: 4, status: 'RECONCILING', areas: [{ areaId: 1 }] },
]

describe('dashboard URL state', () => {
  it('round-trips area, round and category, leaving the default category out', () => {
    const state = { areaId: 1, roundId: 11, category: 'II' as const }
    expect(dashboardQuery(state)).toEqual({ area: '1', round: '11', category: 'II' })
    expect(parseDashboardQuery({ area: '1', round: '11', category: 'II' })).toEqual(state)
    expect(dashboardQuery({ ...state, category: 'I' })).toEqual({ area: '1', round: '11' })
    expect(parseDashboardQuery({ category: 'IV', area: 'x' })).toEqual({ areaId: null, roundId: null, category: 'I' })
  })

  it('offers only published or closed rounds of the area, newest first', () => {
    expect(publishedRoundsOf(rounds, 1).map((r) => r.id)).toEqual([11, 10])
    expect(publishedRoundsOf(rounds, 2).map((r) => r.id)).toEqual([10])
  })

  it('fills the gaps: first area, latest published round of it; a round of another area is replaced', () => {
    expect(resolveDashboardState({ areaId: null, roundId: null, category: 'III' }, areas, rounds)).toEqual({
      areaId: 1,
      roundId: 11,
      category: 'III',
    })
    expect(resolveDashboardState({ areaId: 2, roundId: 11, category: 'I' }, areas, rounds)).toEqual({
      areaId: 2,
      roundId: 10,
      category: 'I',
    })
    // A round still reconciling is not on the board yet.
    expect(resolveDashboardState({ areaId: 1, roundId: 12, category: 'I' }, areas, rounds).roundId).toBe(11)
  })
})
