import { describe, expect, it, vi } from 'vitest'
import { gql } from '@urql/core'
import { createApiClient, type ErrorHandlers } from './client'

const Query = gql`
  query Probe {
    me {
      id
    }
  }
`

function setup(body: unknown, status = 200) {
  const fetchFn = vi.fn<typeof fetch>(() =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
  )
  const handlers: ErrorHandlers = { onAuthentication: vi.fn(), onConflict: vi.fn(), onError: vi.fn() }
  const client = createApiClient(handlers, 'http://api.test/graphql', fetchFn)
  return { client, fetchFn, handlers }
}

const errorBody = (code: string) => ({ data: null, errors: [{ message: code, extensions: { code } }] })

describe('API client', () => {
  it('sends the session cookie, the CSRF header and JSON on every request, as POST', async () => {
    const { client, fetchFn } = setup({ data: { me: null } })
    await client.query(Query, {}).toPromise()
    const [url, init] = fetchFn.mock.calls[0]!
    expect(url).toBe('http://api.test/graphql')
    expect(init?.method).toBe('POST')
    expect(init?.credentials).toBe('include')
    const headers = new Headers(init?.headers)
    expect(headers.get('x-redblue-csrf')).toBe('1')
    expect(headers.get('content-type')).toBe('application/json')
  })

  it('sends an object read from a query back in a mutation without the __typename it was read with', async () => {
    const { client, fetchFn } = setup({ data: { me: { __typename: 'User', id: 1, components: [{ __typename: 'AnnualComponent', code: 'Q' }] } } })
    const read = await client.query(gql`query { me { id components { code } } }`, {}).toPromise()
    const components = (read.data as { me: { components: object[] } }).me.components
    // The cache adds __typename to what it reads; the API's input types have no such field.
    expect(components[0]).toHaveProperty('__typename', 'AnnualComponent')
    await client.mutation(gql`mutation ($input: RuleSetInput!) { saveRuleSet(input: $input) { __typename } }`, { input: { annualComponents: components } }).toPromise()
    const body = JSON.parse(fetchFn.mock.calls[1]![1]!.body as string) as { variables: unknown }
    expect(body.variables).toEqual({ input: { annualComponents: [{ code: 'Q' }] } })
  })

  it('turns an expired session into the sign-in redirect handler', async () => {
    const { client, handlers } = setup(errorBody('UNAUTHENTICATED'))
    await client.query(Query, {}).toPromise()
    expect(handlers.onAuthentication).toHaveBeenCalledTimes(1)
    expect(handlers.onError).not.toHaveBeenCalled()
  })

  it('reports conflicts globally unless the page resolves them itself', async () => {
    const first = setup(errorBody('CONFLICT'))
    await first.client.query(Query, {}).toPromise()
    expect(first.handlers.onConflict).toHaveBeenCalledTimes(1)

    const second = setup(errorBody('CONFLICT'))
    await second.client.query(Query, {}, { handlesConflict: true }).toPromise()
    expect(second.handlers.onConflict).not.toHaveBeenCalled()
    expect(second.handlers.onError).not.toHaveBeenCalled()
  })

  it('shows other errors unless the caller is silent', async () => {
    const loud = setup(errorBody('FORBIDDEN'))
    await loud.client.query(Query, {}).toPromise()
    expect(loud.handlers.onError).toHaveBeenCalledWith(expect.anything(), 'forbidden', expect.anything())

    const quiet = setup(errorBody('FORBIDDEN'))
    await quiet.client.query(Query, {}, { silent: true }).toPromise()
    expect(quiet.handlers.onError).not.toHaveBeenCalled()
  })
})
