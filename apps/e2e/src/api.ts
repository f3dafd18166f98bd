import { DEMO_PASSWORD } from './demo'

/** The header the API requires on every request (apps/api/src/yoga.ts CSRF_HEADER). */
export const CSRF_HEADER = 'x-redblue-csrf'

interface GraphQLResponse<T> {
  data?: T
  errors?: { message: string }[]
}

/** `{ __typename, message }` of the error members of the API's result unions. */
interface MaybeError {
  __typename?: string
  message?: string
}

/**
 * A signed-in GraphQL session over plain fetch: the same cookie and CSRF header the SPA sends.
 * Used only for the steps the UI does not cover (each call site says why).
 */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password = DEMO_PASSWORD) {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify({
        query: `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on AppError { message } } }`,
        variables: { u: username, p: password },
      }),
    })
    const body = (await res.json()) as GraphQLResponse<{ login: MaybeError }>
    if (body.data?.login.__typename !== 'User') {
      throw new Error(`API sign-in as ${username} failed: ${JSON.stringify(body)}`)
    }
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    return new ApiSession(baseUrl, cookie)
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await res.json()) as GraphQLResponse<T>
    if (body.errors?.length || !body.data) {
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}\n${query}`)
    }
    return body.data
  }

  /** A mutation whose result union must be the success type `typename`. */
  async mutate<T extends MaybeError>(
    field: string,
    typename: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const data = await this.request<Record<string, T>>(query, variables)
    const result = data[field]!
    if (result.__typename !== typename) {
      throw new Error(
        `${field} answered ${result.__typename}: ${result.message ?? JSON.stringify(result)}`,
      )
    }
    return result
  }

  /** GET a file the way the browser would (cookie + CSRF header). */
  async download(path: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: { [CSRF_HEADER]: '1', cookie: this.cookie } })
  }
}
