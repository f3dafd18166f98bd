/**
 * Paged lists (audit log, findings, interviews, the rectification ledger) take their default and
 * largest page from one table, PAGES in src/cost.ts — the same page the query cost multiplies by.
 * Asking for more than the largest page answers the largest page; zero or a negative limit answers
 * one row; a negative offset starts at the first row.
 */
import { describe, expect, it } from 'vitest'
import { fieldCost, PAGES, pageOf } from '../src/cost'
import { schema } from '../src/schema'
import { useTestApi } from './helpers'

const api = useTestApi({ reset: 'file' })

type Answer = { page: unknown[] & { items?: unknown[] } }

/** Each paged root field and how to read its rows from an answer. */
const PAGED: Record<keyof typeof PAGES, { select: string; rows: (data: Answer) => unknown[] }> = {
  'Query.auditLogs': { select: '{ id }', rows: (d) => d.page },
  'Query.findings': { select: '{ id }', rows: (d) => d.page },
  'Query.interviews': { select: '{ id }', rows: (d) => d.page },
  'Query.rectificationLedger': {
    select: '{ total items { id } }',
    rows: (d) => d.page.items ?? [],
  },
}

describe('page bounds', () => {
  it('pageOf keeps limit and offset within the table’s bounds', () => {
    for (const [key, bounds] of Object.entries(PAGES)) {
      expect(pageOf(key, {}), key).toEqual({ take: bounds.defaultLimit, skip: 0 })
      expect(pageOf(key, { limit: bounds.maxLimit + 1_000, offset: 3 }), key).toEqual({
        take: bounds.maxLimit,
        skip: 3,
      })
      expect(pageOf(key, { limit: 0, offset: -5 }), key).toEqual({ take: 1, skip: 0 })
      expect(pageOf(key, { limit: -7 }).take, key).toBe(1)
    }
  })

  it('the query cost counts the same page the resolver reads', () => {
    const fields = schema.getQueryType()!.getFields()
    for (const [key, bounds] of Object.entries(PAGES)) {
      const field = fields[key.slice('Query.'.length)]!
      const cost = (args: Record<string, unknown>) => fieldCost(args, {}, field as never).multiplier
      expect(cost({}), key).toBe(bounds.defaultLimit)
      expect(cost({ limit: bounds.maxLimit * 10 }), key).toBe(bounds.maxLimit)
      expect(cost({ limit: 0 }), key).toBe(1)
    }
  })

  it('every paged field answers at most its largest page, and one row for limit 0', async () => {
    const admin = await api.login('admin')
    for (const [key, { select, rows }] of Object.entries(PAGED)) {
      const name = key.slice('Query.'.length)
      const bounds = PAGES[key]!
      const ask = async (limit: number, offset = 0) => {
        const res = await api.gql<Answer>(
          `query ($limit: Int, $offset: Int) { page: ${name}(limit: $limit, offset: $offset) ${select} }`,
          { limit, offset },
          admin,
        )
        expect(res.errors, `${name}: ${JSON.stringify(res.errors)}`).toBeUndefined()
        return rows(res.data!)
      }
      const all = await ask(bounds.maxLimit * 10)
      expect(all.length, name).toBeLessThanOrEqual(bounds.maxLimit)
      expect(all.length, `${name}: the demo has rows`).toBeGreaterThan(0)
      expect(await ask(0), name).toHaveLength(1)
      expect(await ask(1, -5), name).toEqual(all.slice(0, 1))
    }
  })
})
