/**
 * The load test, run as a child process by measure.ts: autocannon against the bench's server with
 * a mixed read workload. Reads its settings as JSON on stdin and prints the summary as one JSON
 * line. A request counts as an error when the connection fails or times out, the status is not
 * 2xx, or the GraphQL response carries `errors`.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

export interface LoadRequest {
  name: string
  body: string
  cookie: string
}

export interface LoadResult {
  connections: number
  duration: number
  requests: number
  requestsPerSecond: number
  latency: { p50: number; p97_5: number; p99: number; max: number; average: number }
  connectionErrors: number
  timeouts: number
  non2xx: number
  graphqlErrors: number
  /** connectionErrors + non2xx + graphqlErrors (timeouts are among the connection errors). */
  errors: number
  /** Responses per request name. */
  mix: Record<string, number>
}

async function main() {
  let input = ''
  for await (const chunk of process.stdin) input += String(chunk)
  const args = JSON.parse(input) as {
    url: string
    connections: number
    duration: number
    requests: LoadRequest[]
  }
  let graphqlErrors = 0
  const mix: Record<string, number> = {}
  const requests = args.requests.map((r) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', 'x-redblue-csrf': '1', cookie: r.cookie },
    body: r.body,
    onResponse: (_status: number, body: string) => {
      mix[r.name] = (mix[r.name] ?? 0) + 1
      if (body.includes('"errors"')) graphqlErrors++
    },
  }))
  // Every connection walks the list from its own starting point: with slow requests a connection
  // makes only a few in the run, and all starting at the top would measure the first kinds only.
  let clients = 0
  const result = await autocannon({
    url: args.url,
    connections: args.connections,
    duration: args.duration,
    timeout: 30,
    requests,
    setupClient: (client) => {
      const start = clients++ % requests.length
      client.setRequests([...requests.slice(start), ...requests.slice(0, start)])
    },
  })
  const summary: LoadResult = {
    connections: args.connections,
    duration: result.duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latency: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      average: result.latency.average,
    },
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    errors: result.errors + result.non2xx + graphqlErrors,
    mix,
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
