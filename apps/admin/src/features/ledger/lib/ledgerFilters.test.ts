import { describe, expect, it } from 'vitest'
import { countFilters, EMPTY_FILTERS, ledgerQuery, parseLedgerQuery } from './ledgerFilters'

describe('ledger URL state', () => {
  it('round-trips every filter and the page through the URL', () => {
    const filters = {
      orgId: 3,
      roundId: 12,
      status: 'RETURNED' as const,
      colour: 'RED' as const,
      problemCategoryId: 7,
      source: 'INTERVIEW' as const,
      page: 4,
      pageSize: 50,
    }
    const query = ledgerQuery(filters)
    expect(query).toEqual({
      org: '3',
      round: '12',
      status: 'RETURNED',
      colour: 'RED',
      category: '7',
      source: 'INTERVIEW',
      page: '4',
      size: '50',
    })
    expect(parseLedgerQuery(query as Record<string, string>)).toEqual(filters)
  })

  it('leaves defaults out of the URL and ignores malformed values', () => {
    expect(ledgerQuery(EMPTY_FILTERS)).toEqual({})
    expect(parseLedgerQuery({ org: 'x', status: 'LOST', page: '-2', size: '7', colour: ['YELLOW'] })).toEqual({
      ...EMPTY_FILTERS,
      colour: 'YELLOW',
    })
  })
})

describe('countFilters', () => {
  it('counts each status and colour under the other filters', () => {
    const counts = countFilters({ ...EMPTY_FILTERS, orgId: 3, status: 'OPEN', colour: 'RED' })
    expect(counts.closed).toMatchObject({ orgId: 3, status: 'CLOSED', colour: 'RED' })
    expect(counts.yellow).toMatchObject({ orgId: 3, status: 'OPEN', colour: 'YELLOW' })
  })
})
