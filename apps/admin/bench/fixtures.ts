/**
 * The demo data's facts the benchmark opens (a finding behind lost points, an assessment being
 * scored), looked up over GraphQL with the same cookie and CSRF header the SPA sends.
 */
const CSRF_HEADER = 'x-redblue-csrf'
export const DEMO_PASSWORD = 'RedBlue@2026'

/** `name=value` of the session cookie of `username`. */
export async function signInCookie(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({
      query: `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }`,
      variables: { u: username, p: DEMO_PASSWORD },
    }),
  })
  const body = (await res.json()) as { data?: { login?: { __typename: string } } }
  if (body.data?.login?.__typename !== 'User') throw new Error(`Sign-in as ${username} failed: ${JSON.stringify(body)}`)
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0]
  if (!cookie) throw new Error(`Sign-in as ${username} set no cookie`)
  return cookie
}

async function query<T>(baseUrl: string, cookie: string, text: string, variables = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie },
    body: JSON.stringify({ query: text, variables }),
  })
  const body = (await res.json()) as { data?: T; errors?: unknown }
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`)
  return body.data
}

interface Round {
  id: number
  status: string
  year: number
  quarter: number
}

async function rounds(baseUrl: string, cookie: string): Promise<Round[]> {
  const data = await query<{ rounds: Round[] }>(baseUrl, cookie, '{ rounds { id status year quarter } }')
  return [...data.rounds].sort((a, b) => b.year - a.year || b.quarter - a.quarter)
}

/** A finding of the latest published round that led to a rectification: the drill-down's end. */
export async function drilldownFindingPath(baseUrl: string, leaderCookie: string): Promise<string> {
  const published = (await rounds(baseUrl, leaderCookie)).find((r) => r.status === 'PUBLISHED')
  if (!published) throw new Error('The demo data has no published round')
  const data = await query<{ findings: { id: number; assessmentId: number; rectificationId: number | null }[] }>(
    baseUrl,
    leaderCookie,
    'query ($roundId: Int!) { findings(roundId: $roundId) { id assessmentId rectificationId } }',
    { roundId: published.id },
  )
  const finding = data.findings.find((f) => f.rectificationId !== null) ?? data.findings[0]
  if (!finding) throw new Error('The latest published round has no finding')
  return `/dashboard/assessments/${finding.assessmentId}/findings/${finding.id}`
}

/** The first assessment the inspector scores in the round in progress. */
export async function workbenchPath(baseUrl: string, inspectorCookie: string): Promise<string> {
  const current = (await rounds(baseUrl, inspectorCookie)).find((r) => r.status === 'INSPECTING')
  if (!current) throw new Error('The demo data has no round in inspection')
  const data = await query<{ assessments: { id: number }[] }>(
    baseUrl,
    inspectorCookie,
    'query ($roundId: Int!) { assessments(roundId: $roundId) { id } }',
    { roundId: current.id },
  )
  const first = data.assessments[0]
  if (!first) throw new Error('The inspector has no assessment in the current round')
  return `/workbench/${first.id}`
}
