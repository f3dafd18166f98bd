import { describe, expect, it } from 'vitest'
import type { InsightItem } from './insightLinks'
import { insightLink, splitInsights } from './insightLinks'
import { weakSpots } from './weakSpots'

function item(kind: InsightItem['kind'], parts: Partial<InsightItem> = {}): InsightItem {
  return {
    kind,
    severity: 'WARNING',
    category: 'I',
    sentence: '',
    sentenceEn: '',
    orgs: [{ id: 7, name: 'O7' }],
    problemCategories: [],
    dimensions: [],
    teams: [],
    figures: [],
    assessmentIds: [70, 71],
    findingIds: [],
    rectificationIds: [],
    roundIds: [],
    ...parts,
  }
}
const ctx = { roundId: 5, areaId: 2 }

describe('insightLink', () => {
  it.each<[string, InsightItem, unknown]>([
    ['a decline opens the org’s drill-down of this round', item('DECLINING_ORG'), { name: 'drilldown', params: { assessmentId: '71' } }],
    [
      'a weak dimension opens that dimension',
      item('ORG_WEAK_DIMENSION', { dimensions: [{ id: 3, name: 'D' }] }),
      { name: 'drilldown-dimension', params: { assessmentId: '71', dimensionId: '3' } },
    ],
    [
      'a repeat opens the finding found again',
      item('REPEAT_AFTER_VERIFICATION', { findingIds: [99] }),
      { name: 'drilldown-finding', params: { assessmentId: '71', findingId: '99' } },
    ],
    [
      'a concentration opens the ledger of the round and problem category',
      item('PROBLEM_CONCENTRATION', { problemCategories: [{ id: 4, name: 'P' }], orgs: [] }),
      { name: 'ledger', query: { round: '5', category: '4' } },
    ],
    ['overdue items open the org’s red items', item('OVERDUE_BY_ORG'), { name: 'ledger', query: { org: '7', colour: 'RED' } }],
    [
      'a category’s weak dimension opens the dashboard of that category',
      item('WEAK_DIMENSION', { category: 'III', orgs: [] }),
      { name: 'dashboard', query: { area: '2', round: '5', category: 'III' } },
    ],
  ])('%s', (_name, x, expected) => {
    expect(insightLink(x, ctx)?.to).toMatchObject(expected as object)
  })

  it('sends a branch to its own rectifications, and nowhere for category-wide figures', () => {
    expect(insightLink(item('OVERDUE_BY_ORG'), { ...ctx, branch: true })?.to).toEqual({ name: 'my-rectifications' })
    expect(insightLink(item('WEAK_DIMENSION'), { ...ctx, branch: true })).toBeNull()
  })

  it('puts warnings and notices first', () => {
    const { first, rest } = splitInsights([item('WEAK_DIMENSION', { severity: 'INFO' }), item('DECLINING_ORG'), item('OVERDUE_BY_TEAM', { severity: 'NOTICE' })])
    expect(first.map((x) => x.kind)).toEqual(['DECLINING_ORG', 'OVERDUE_BY_TEAM'])
    expect(rest.map((x) => x.kind)).toEqual(['WEAK_DIMENSION'])
    const many = splitInsights(Array.from({ length: 10 }, () => item('DECLINING_ORG')), 8)
    expect([many.first.length, many.rest.length]).toEqual([8, 2])
  })
})

describe('weakSpots', () => {
  const fig = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }))
  it('lists the weakest dimensions in order and says what to do next', () => {
    const s = weakSpots([
      item('ORG_WEAK_DIMENSION', { dimensions: [{ id: 2, name: '党员教育' }], figures: fig({ position: '2', points: '9.00', categoryAverage: '9.50', gap: '-0.50' }) }),
      item('ORG_WEAK_DIMENSION', { dimensions: [{ id: 1, name: '组织建设' }], figures: fig({ position: '1', points: '8.00', categoryAverage: '9.25', gap: '-1.25' }) }),
      item('REPEAT_AFTER_VERIFICATION', { problemCategories: [{ id: 4, name: '台账' }] }),
      item('OVERDUE_BY_ORG', { figures: fig({ overdue: '2' }) }),
      item('NEWLY_BLUE'),
    ])
    expect(s.dimensions.map((d) => [d.name, d.points, d.average, d.gap])).toEqual([
      ['组织建设', '8.00', '9.25', '1.25'],
      ['党员教育', '9.00', '9.50', '0.50'],
    ])
    expect(s.next).toEqual([
      { key: 'nextOverdue', params: { n: 2 } },
      { key: 'nextRepeat', params: { category: '台账' } },
      { key: 'nextDimension', params: { dimension: '组织建设' } },
    ])
    expect(s.warnings.map((x) => x.kind)).toEqual(['NEWLY_BLUE'])
  })

  it('has nothing to fix when nothing is named', () => {
    expect(weakSpots([]).next).toEqual([{ key: 'nextNone', params: {} }])
  })
})
