import { describe, expect, it, vi } from 'vitest'
import { Client, fetchExchange, gql } from '@urql/core'
import { typenameFreeVariablesExchange, withoutTypenames } from './typename-free'

describe('withoutTypenames', () => {
  it('drops __typename at every depth and keeps everything else as it is', () => {
    const file = new Blob(['x'])
    const input = {
      __typename: 'RuleSet',
      year: 2026,
      redPoints: '1.50',
      annualComponents: [{ __typename: 'AnnualComponent', code: 'Q', name: '季度', weight: '0.60' }],
      nested: { __typename: 'X', list: [[{ __typename: 'Y', a: null }]] },
      file,
    }
    const out = withoutTypenames(input)
    expect(out).toEqual({
      year: 2026,
      redPoints: '1.50',
      annualComponents: [{ code: 'Q', name: '季度', weight: '0.60' }],
      nested: { list: [[{ a: null }]] },
      file,
    })
    expect(out.file).toBe(file)
    // The page's own object is left as it was.
    expect(input.annualComponents[0]).toHaveProperty('__typename', 'AnnualComponent')
  })
})

describe('typenameFreeVariablesExchange', () => {
  it('sends a mutation without the __typename its input carried over from a query', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(new Response(JSON.stringify({ data: { saveRuleSet: { __typename: 'RuleSet' } } }), { headers: { 'content-type': 'application/json' } })),
    )
    const client = new Client({ url: 'http://api.test/graphql', exchanges: [typenameFreeVariablesExchange(), fetchExchange], fetch, preferGetMethod: false })
    const input = { annualComponents: [{ __typename: 'AnnualComponent', code: 'Q', name: '季度', weight: '0.60' }] }
    await client.mutation(gql`mutation ($input: RuleSetInput!) { saveRuleSet(input: $input) { __typename } }`, { input }).toPromise()
    const body = JSON.parse(fetch.mock.calls[0]![1]!.body as string) as { variables: unknown }
    expect(body.variables).toEqual({ input: { annualComponents: [{ code: 'Q', name: '季度', weight: '0.60' }] } })
  })
})
