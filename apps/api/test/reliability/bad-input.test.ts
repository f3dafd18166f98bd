/**
 * Bad input (issue 11): a GENERATED sweep over every mutation of the built schema, plus deep,
 * aliased, oversized and batched queries. Every answer must be a typed error (a known
 * `extensions.code`, or an error union member with `code`) — never a 5xx, a masked
 * "Unexpected error." or a stack trace — and a checksum of every table (md5 of all rows) taken
 * before and after each mutation's variants must not change: refused calls write nothing, not even
 * an audit entry. The number of inputs tried is reported.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GraphQLField } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config'
import { schema } from '../../src/schema'
import { CSRF_HEADER } from '../../src/yoga'
import type { Caller } from '../access-matrix'
import { useTestApi, type GqlResult } from '../helpers'
import { changedTables, checksum, type Checksum } from './checksum'
import {
  baseArgs,
  demoWorld,
  documentFor,
  entityOf,
  FileValue,
  requestBody,
  variantsOf,
  withValue,
  type Variant,
  type World,
} from './sweep'
import {
  classify,
  cookieFor,
  loadAccessTable,
  PROJECT,
  REPORT_DIR,
  reportFigures,
  userId,
} from './support'

const uploadDir = mkdtempSync(join(tmpdir(), 'redblue-sweep-uploads-'))
/** One instant for the whole file: sessions are never "touched", so the checksum is stable. */
const NOW = new Date()
const api = useTestApi({
  reset: 'file',
  config: { now: () => NOW, uploads: { dir: uploadDir, maxBytes: 1024 * 1024 } },
})
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }))

/** SWEEP_ONLY=createFinding,login narrows the sweep while debugging. */
const only = process.env.SWEEP_ONLY?.split(',').filter(Boolean)
const mutationFields = Object.values(schema.getMutationType()!.getFields()).filter(
  (f) => !only?.length || only.includes(f.name),
)

type Role = Exclude<Caller, 'ANON'>
const USERNAME: Record<Role, string> = {
  ADMIN: 'admin',
  LEADER: 'leader',
  INSPECTOR: 'inspector1',
  BRANCH: 'branch1',
}

let world: World
let cookies: Record<Role, string>
let table: Map<string, readonly Caller[]>

beforeAll(async () => {
  await api.reset()
  world = await demoWorld(api.prisma)
  const config = defaultConfig({ now: () => NOW })
  cookies = {} as Record<Role, string>
  for (const role of Object.keys(USERNAME) as Role[]) {
    cookies[role] = await cookieFor(api.prisma, config, await userId(api.prisma, USERNAME[role]))
  }
  table = await loadAccessTable()
  // importOrgs gets a genuine workbook (its own template), so its other arguments are reached.
  const template = await api.fetch(
    `/files/template/orgs.xlsx?year=${world.year}`,
    {},
    { cookie: cookies.ADMIN },
  )
  orgsWorkbook = new FileValue('党组织.xlsx', new Uint8Array(await template.arrayBuffer()))
})

let orgsWorkbook: FileValue

/** Base arguments of a mutation: plausible values from the demo world (see sweep.ts). */
function baseFor(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  const base = baseArgs(field, world, world.own)
  if (field.name === 'importOrgs') base.file = orgsWorkbook
  return base
}

async function send(
  query: string,
  variables: Record<string, unknown>,
  cookie: string | null,
): Promise<GqlResult> {
  const { body, contentType } = requestBody(query, variables)
  const headers: Record<string, string> = { [CSRF_HEADER]: '1' }
  if (contentType) headers['content-type'] = contentType
  const response = await api.fetch('/graphql', { method: 'POST', headers, body }, { cookie })
  const text = await response.text()
  let parsed: Pick<GqlResult, 'data' | 'errors'>
  try {
    parsed = JSON.parse(text) as Pick<GqlResult, 'data' | 'errors'>
  } catch {
    parsed = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] }
  }
  return { ...parsed, status: response.status, headers: response.headers }
}

interface Failure {
  mutation: string
  caller: Role
  path: string
  label: string
  why: string
}

const tally = { inputs: 0, typedErrors: 0, mutations: 0, checksums: 0, untyped: 0, accepted: 0 }
const codes = new Map<string, number>()

/** Tables a refused call may still change, with the reason. */
const MAY_CHANGE: Record<string, string[]> = {
  // Failed logins are recorded on purpose: that is the throttle's memory (auth/throttle.ts).
  login: ['LoginAttempt'],
}

function plan(field: GraphQLField<unknown, unknown>): { caller: Role; variants: Variant[] }[] {
  const allowed = (table.get(`Mutation.${field.name}`) ?? []).filter((c): c is Role => c !== 'ANON')
  const primary: Role | undefined = (['ADMIN', 'INSPECTOR', 'BRANCH', 'LEADER'] as Role[]).find(
    (r) => allowed.includes(r),
  )
  if (!primary) return []
  const base = baseFor(field)
  const all = variantsOf(field, base, world)
  const isScope = (v: Variant) => v.label.startsWith('another org')
  const out = [
    {
      caller: primary,
      // An admin may act on any org: "another org's id" is no bad input for them.
      variants: primary === 'ADMIN' ? all.filter((v) => !isScope(v)) : all,
    },
  ]
  for (const role of ['INSPECTOR', 'BRANCH'] as Role[]) {
    if (role !== primary && allowed.includes(role)) {
      out.push({ caller: role, variants: all.filter(isScope) })
    }
  }
  return out
}

describe('generated bad-input sweep over every mutation', () => {
  it('covers every mutation field and knows what each id argument refers to', () => {
    const unmapped = mutationFields.flatMap((f) =>
      f.args.filter((a) => a.name === 'id' && !entityOf(f.name, 'id')).map(() => `${f.name}(id)`),
    )
    expect(unmapped).toEqual([])
    const noCaller = mutationFields.filter((f) => !table.get(`Mutation.${f.name}`)?.length)
    expect(noCaller.map((f) => f.name)).toEqual([])
  })

  it(
    'refuses every generated bad input with a typed error and changes nothing',
    { timeout: 600_000 },
    async () => {
      const failures: Failure[] = []
      const started = Date.now()
      for (const field of mutationFields) {
        const doc = documentFor(field)
        const base = baseFor(field)
        const exclude = MAY_CHANGE[field.name] ?? []
        const before: Checksum = await checksum(api.prisma, { exclude })
        tally.mutations++
        for (const { caller, variants } of plan(field)) {
          for (const variant of variants) {
            const vars = withValue(base, variant.path, variant.value)
            const res = await send(doc, vars, cookies[caller])
            tally.inputs++
            const outcome = classify(res, field.name)
            if (outcome.kind === 'error') {
              tally.typedErrors++
              codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1)
            } else {
              if (outcome.kind === 'untyped') tally.untyped++
              else tally.accepted++
              failures.push({
                mutation: field.name,
                caller,
                path: variant.path,
                label: variant.label,
                why: outcome.kind === 'untyped' ? outcome.why : 'accepted (success)',
              })
            }
          }
        }
        const after = await checksum(api.prisma, { exclude })
        tally.checksums += 2
        const changed = changedTables(before, after)
        if (changed.length) {
          failures.push({
            mutation: field.name,
            caller: 'ADMIN',
            path: '*',
            label: 'database checksum',
            why: `changed tables: ${changed.join(', ')}`,
          })
        }
      }
      const files = readdirSync(uploadDir)
      reportFigures('bad-input sweep', {
        mutations: tally.mutations,
        inputsTried: tally.inputs,
        typedErrors: tally.typedErrors,
        untyped: tally.untyped,
        accepted: tally.accepted,
        codes: Object.fromEntries(codes),
        checksumsCompared: tally.checksums / 2,
        orphanFiles: files.length,
        seconds: Math.round((Date.now() - started) / 1000),
      })
      const lines = failures.map(
        (f) => `${f.mutation} as ${f.caller}: ${f.path} ← ${f.label}: ${f.why.slice(0, 240)}`,
      )
      if (lines.length) {
        mkdirSync(REPORT_DIR, { recursive: true })
        writeFileSync(join(REPORT_DIR, `sweep-failures-${PROJECT}.txt`), lines.join('\n'))
      }
      expect(
        failures.map((f) => `${f.mutation} as ${f.caller}: ${f.path} ← ${f.label}: ${f.why}`),
      ).toEqual([])
      expect(files).toEqual([])
    },
  )
})

describe('hostile query shapes', () => {
  it(
    'deep, aliased, costly, oversized, batched and malformed requests: typed errors, nothing written',
    { timeout: 120_000 },
    async () => {
      const admin = cookies.ADMIN
      const before = await checksum(api.prisma, { exclude: ['LoginAttempt'] })
      const attempts = () => api.prisma.loginAttempt.count({ where: { username: 'admin' } })
      const attemptsBefore = await attempts()
      let deep = 'id'
      for (let i = 0; i < 30; i++) deep = `parent { ${deep} }`
      const aliases = (n: number, field: string) =>
        Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')
      const fragments = Array.from({ length: 50 }, (_, i) => `...F${i}`).join(' ')
      const fragmentDefs = Array.from(
        { length: 50 },
        (_, i) => `fragment F${i} on Query { me { id } }`,
      ).join(' ')
      const json = (body: unknown) => JSON.stringify(body)
      /**
       * `refused`: must be a typed error (optionally with a matching message). `answered`: a legal
       * request the server may answer (a 1 MB comment, form-encoded with the CSRF header, …), but
       * never with a 5xx, a masked error or a trace.
       */
      const cases: {
        name: string
        body: string
        contentType?: string
        want: 'refused' | 'answered'
        message?: RegExp
        /** A plain HTTP refusal is enough (e.g. 415 for a media type GraphQL does not speak). */
        httpStatus?: number
      }[] = [
        {
          name: 'depth 31 (over the depth and the cost limit)',
          want: 'refused',
          body: json({ query: `{ orgs { ${deep} } }` }),
          message: /depth|cost/i,
        },
        {
          name: '200 aliases',
          want: 'refused',
          body: json({ query: `{ ${aliases(200, 'me { id }')} }` }),
          message: /alias/i,
        },
        {
          name: 'lists nested 5 deep',
          want: 'answered',
          body: json({
            query: `{ orgs { children { children { children { children { id name } } } } } rounds { id } findings { id description } }`,
          }),
        },
        {
          name: '10k tokens',
          want: 'refused',
          body: json({ query: `{ me { ${'id '.repeat(10_000)} } }` }),
          message: /token/i,
        },
        {
          name: '100 directives',
          want: 'refused',
          body: json({ query: `{ me { id ${'@include(if: true) '.repeat(100)} } }` }),
        },
        {
          name: '50 fragment spreads',
          want: 'answered',
          body: json({ query: `{ ${fragments} } ${fragmentDefs}` }),
        },
        {
          name: 'cyclic fragments',
          want: 'refused',
          body: json({
            query: `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
          }),
        },
        {
          name: 'batched array',
          want: 'refused',
          body: json([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
        },
        {
          name: '100-element batch of logins',
          want: 'refused',
          body: json(
            Array.from({ length: 100 }, () => ({
              query: 'mutation { login(username: "admin", password: "x") { __typename } }',
            })),
          ),
        },
        {
          name: '15 aliased logins (each a typed AuthenticationError member)',
          want: 'answered',
          body: json({
            query: `mutation { ${aliases(15, 'login(username: "admin", password: "wrong") { __typename ... on AppError { code } }')} }`,
          }),
        },
        {
          name: '16 aliased logins',
          want: 'refused',
          body: json({
            query: `mutation { ${aliases(16, 'login(username: "admin", password: "wrong") { __typename }')} }`,
          }),
          message: /alias/i,
        },
        {
          name: 'two operations, no operationName',
          want: 'refused',
          body: json({ query: 'query A { me { id } } mutation B { logout }' }),
        },
        {
          name: 'unknown operationName',
          want: 'refused',
          body: json({ query: 'query A { me { id } }', operationName: 'Nope' }),
        },
        { name: 'syntax error', want: 'refused', body: json({ query: '{ me { ' }) },
        { name: 'query is a number', want: 'refused', body: json({ query: 42 }) },
        {
          name: 'variables is a string',
          want: 'refused',
          body: json({ query: '{ me { id } }', variables: 'oops' }),
        },
        { name: 'empty body', want: 'refused', body: '' },
        { name: 'truncated JSON', want: 'refused', body: '{"query": "{ me { id } }"' },
        {
          name: 'JSON with NaN',
          want: 'refused',
          body: '{"query": "{ me { id } }", "variables": {"a": NaN}}',
        },
        {
          name: '1 MB comment',
          want: 'answered',
          body: json({ query: `# ${'x'.repeat(1024 * 1024)}\n{ me { id } }` }),
        },
        {
          name: '1 MB string literal',
          want: 'refused',
          body: json({
            query: `mutation { login(username: "${'x'.repeat(1024 * 1024)}", password: "x") { __typename } }`,
          }),
        },
        {
          name: 'NUL escape in a literal',
          want: 'refused',
          body: json({
            query: 'mutation { login(username: "ad\\u0000min", password: "x") { __typename } }',
          }),
        },
        { name: 'unknown field', want: 'refused', body: json({ query: '{ secrets }' }) },
        {
          name: 'misspelt type in introspection',
          want: 'answered',
          body: json({ query: '{ __type(name: "Usr") { name } }' }),
        },
        {
          name: 'form-encoded body (with the CSRF header)',
          want: 'answered',
          body: 'query=%7Bme%7Bid%7D%7D',
          contentType: 'application/x-www-form-urlencoded',
        },
        {
          name: 'text/plain body',
          want: 'refused',
          body: '{ me { id } }',
          contentType: 'text/plain',
          httpStatus: 415,
        },
      ]
      const failures: string[] = []
      for (const c of cases) {
        const response = await api.fetch(
          '/graphql',
          {
            method: 'POST',
            headers: { 'content-type': c.contentType ?? 'application/json', [CSRF_HEADER]: '1' },
            body: c.body,
          },
          { cookie: admin },
        )
        const text = await response.text()
        let parsed: Pick<GqlResult, 'data' | 'errors'> = {}
        try {
          parsed = JSON.parse(text) as typeof parsed
        } catch {
          parsed = {
            errors: [{ message: `HTTP ${response.status}, not JSON: ${text.slice(0, 100)}` }],
          }
        }
        const res: GqlResult = { ...parsed, status: response.status, headers: response.headers }
        tally.inputs++
        const outcome = classify(res)
        if (c.httpStatus && response.status === c.httpStatus) continue
        if (outcome.kind === 'untyped') failures.push(`${c.name}: ${outcome.why}`)
        else if (c.want === 'refused' && outcome.kind !== 'error')
          failures.push(`${c.name}: answered`)
        else if (c.message && !c.message.test(res.errors?.map((e) => e.message).join(' ') ?? '')) {
          failures.push(
            `${c.name}: message ${JSON.stringify(res.errors?.[0]?.message)} does not match ${String(c.message)}`,
          )
        }
      }
      const after = await checksum(api.prisma, { exclude: ['LoginAttempt'] })
      reportFigures('hostile query shapes', { cases: cases.length })
      expect(failures).toEqual([])
      expect(changedTables(before, after)).toEqual([])
      // Aliasing does not multiply password guesses: the lock stops them after 5 recorded failures,
      // and batches are refused outright.
      expect((await attempts()) - attemptsBefore).toBeLessThanOrEqual(5)
    },
  )
})
