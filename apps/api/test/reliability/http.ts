/**
 * Real sockets for the reliability suite: the one-port server of src/server.ts listening on
 * 127.0.0.1, a small GraphQL client over fetch, and a raw HTTP writer that can break a request off
 * in the middle of its body.
 */
import type { Server } from 'node:http'
import { connect } from 'node:net'
import { createServer } from '../../src/server'
import { CSRF_HEADER, type Api } from '../../src/yoga'
import type { GqlResult } from '../helpers'

export interface Listening {
  server: Server
  base: string
  port: number
  close(): Promise<void>
}

export async function listen(api: Api): Promise<Listening> {
  const server = createServer({ api, adminDist: null })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('server has no port')
  return {
    server,
    port: address.port,
    base: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** POST /graphql over the socket; network failures come back as status 0. */
export async function post(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  cookie: string | null = null,
  timeoutMs = 15_000,
): Promise<GqlResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [CSRF_HEADER]: '1',
  }
  if (cookie) headers.cookie = cookie
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    let body: Pick<GqlResult, 'data' | 'errors'>
    try {
      body = JSON.parse(text) as typeof body
    } catch {
      body = { errors: [{ message: `HTTP ${response.status}, not JSON: ${text.slice(0, 120)}` }] }
    }
    return { ...body, status: response.status, headers: response.headers }
  } catch (error) {
    return {
      errors: [{ message: `network: ${String(error)}` }],
      status: 0,
      headers: new Headers(),
    }
  }
}

/**
 * Sends the head and the first `sendBytes` of `body`, announcing the full length, then destroys
 * the socket: a client that goes away in the middle of an upload.
 */
export function abortMidBody(
  port: number,
  head: Record<string, string>,
  body: Buffer,
  sendBytes: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = [
        'POST /graphql HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        `Content-Length: ${body.length}`,
        ...Object.entries(head).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ]
      socket.write(lines.join('\r\n'))
      socket.write(body.subarray(0, sendBytes), () => {
        // Give the server a moment to start reading the body, then vanish.
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 200)
      })
    })
    socket.on('error', reject)
  })
}

/**
 * A GraphQL multipart body (graphql-multipart-request-spec). Files go to `variables.files.N`
 * unless they name their own `path` (e.g. `variables.file` for a single Upload argument).
 */
export function multipartBody(
  query: string,
  variables: Record<string, unknown>,
  files: { name: string; bytes: Buffer; path?: string }[],
): { body: Buffer; contentType: string } {
  const boundary = `----redblue${Date.now().toString(16)}`
  const part = (name: string, content: Buffer | string, filename?: string) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${
          filename ? `; filename="${filename}"\r\nContent-Type: application/octet-stream` : ''
        }\r\n\r\n`,
      ),
      typeof content === 'string' ? Buffer.from(content) : content,
      Buffer.from('\r\n'),
    ])
  const listed = files.filter((f) => !f.path)
  const operations = JSON.stringify({
    query,
    variables: listed.length ? { ...variables, files: listed.map(() => null) } : variables,
  })
  let n = 0
  const map = JSON.stringify(
    Object.fromEntries(files.map((f, i) => [String(i), [f.path ?? `variables.files.${n++}`]])),
  )
  const body = Buffer.concat([
    part('operations', operations),
    part('map', map),
    ...files.map((f, i) => part(String(i), f.bytes, f.name)),
    Buffer.from(`--${boundary}--\r\n`),
  ])
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}
