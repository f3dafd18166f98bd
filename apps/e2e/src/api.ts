import { request as httpRequest } from 'node:http'
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
    const res = await postOnce(
      `${baseUrl}/graphql`,
      JSON.stringify({
        query: `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on AppError { message } } }`,
        variables: { u: username, p: password },
      }),
      { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    )
    const body = JSON.parse(res.body) as GraphQLResponse<{ login: MaybeError }>
    if (body.data?.login.__typename !== 'User') {
      throw new Error(`API sign-in as ${username} failed: ${JSON.stringify(body)}`)
    }
    const cookie = res.setCookie.map((c) => c.split(';')[0]).join('; ')
    return new ApiSession(baseUrl, cookie)
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await postOnce(`${this.baseUrl}/graphql`, JSON.stringify({ query, variables }), {
      'content-type': 'application/json',
      [CSRF_HEADER]: '1',
      cookie: this.cookie,
    })
    const body = JSON.parse(res.body) as GraphQLResponse<T>
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
    const result = data[field]
    if (result === undefined) throw new Error(`the answer to ${field} has no ${field} field`)
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

/**
 * POSTs on a connection of its own, closed after the answer. fetch keeps idle sockets for reuse, and
 * a journey calls the API again only after minutes of browser steps: on a loaded machine the
 * client's idle timer fires late, after the server has closed its end (Node's 5 s keep-alive), and
 * the reused socket answers ECONNRESET — a mutation then cannot tell whether it ran. A fresh
 * loopback connection per call costs nothing here and cannot meet a closed one.
 */
function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ body: string; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent: false, headers: { ...headers, connection: 'close', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ body: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
