import { describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { createApiClient } from '@/graphql/client'
import prefetchDashboard from './prefetch'

const round = (id: number, year: number, quarter: number, status: string, areaIds: number[]) => ({
  __typename: 'Round',
  id,
  name: `${year}Q${quarter}`,
  year,
  quarter,
  status,
  publishedAt: null,
  areas: areaIds.map((areaId) => ({ __typename: 'RoundArea', areaId })),
})

const OPTIONS = {
  areas: [
    { __typename: 'Area', id: 2, name: '乙', sortOrder: 2 },
    { __typename: 'Area', id: 1, name: '甲', sortOrder: 1 },
  ],
  rounds: [round(9, 2025, 3, 'PUBLISHED', [1]), round(10, 2025, 4, 'CLOSED', [1, 2]), round(11, 2026, 1, 'INSPECTING', [1])],
}

function setup() {
  const sent: { operationName: string; variables: Record<string, unknown> }[] = []
  const fetchFn = vi.fn<typeof fetch>((_url, init) => {
    const body = JSON.parse(init?.body as string) as { operationName: string; variables: Record<string, unknown> }
    sent.push(body)
    const data = body.operationName === 'DashboardOptions' ? OPTIONS : null
    return Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }))
  })
  const client = createApiClient({ onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }, 'http://api.test/graphql', fetchFn)
  return { client, sent }
}

const route = (query: Record<string, string>) => ({ query }) as unknown as RouteLocationNormalized

describe('prefetchDashboard', () => {
  it("asks for the pickers, then for every panel of the first area's latest published round", async () => {
    const { client, sent } = setup()
    await prefetchDashboard(route({}), client)
    expect(sent[0]?.operationName).toBe('DashboardOptions')
    const byName = Object.fromEntries(sent.slice(1).map((s) => [s.operationName, s.variables]))
    expect(Object.keys(byName).sort()).toEqual([
      'DashboardCategoryRanking',
      'DashboardHeadline',
      'DashboardLostPointsMatrix',
      'DashboardPareto',
      'DashboardRepeatFindings',
      'DashboardTrends',
      'RoundInsights',
    ])
    expect(byName.DashboardHeadline).toEqual({ areaId: 1, period: { toYear: 2025, toQuarter: 4 } })
    expect(byName.DashboardCategoryRanking).toEqual({ roundId: 10, areaId: 1, category: 'I' })
    expect(byName.DashboardTrends).toEqual({ areaId: 1, untilRoundId: 10, rounds: 5, category: 'I' })
    expect(byName.DashboardRepeatFindings).toEqual({ areaId: 1, untilRoundId: 10, rounds: 5, limit: 20 })
    expect(byName.RoundInsights).toEqual({ roundId: 10, areaId: 1 })
  })

  it('follows what the URL picks, and asks nothing more when the area has no published round', async () => {
    const picked = setup()
    await prefetchDashboard(route({ area: '2', category: 'III' }), picked.client)
    expect(picked.sent.find((s) => s.operationName === 'DashboardLostPointsMatrix')?.variables).toEqual({ roundId: 10, areaId: 2, category: 'III' })

    const none = setup()
    OPTIONS.rounds.push(round(12, 2026, 2, 'INSPECTING', [3]))
    OPTIONS.areas.push({ __typename: 'Area', id: 3, name: '丙', sortOrder: 3 })
    await prefetchDashboard(route({ area: '3' }), none.client)
    expect(none.sent.map((s) => s.operationName)).toEqual(['DashboardOptions'])
  })
})
