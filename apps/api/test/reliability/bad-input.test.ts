/**
 * Bad input: a GENERATED sweep over every mutation of the built schema, plus deep,
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
import {
  DIMENSION_SHEET,
  FINDING_SHEET,
  INDICATOR_SHEET,
  ORG_SHEET,
  PROBLEM_CATEGORY_SHEET,
} from '../../src/services/excel/specs'
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
import {
  bookWith,
  cellAddress,
  cellCases,
  loadBook,
  readCell,
  rowEdits,
  type CellCase,
  type CellInput,
} from './workbook-sweep'

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
  workbooks = await genuineWorkbooks()
})

/**
 * The three imports get genuine workbooks, so their other arguments (and, below, their cells)
 * are reached: importOrgs its pre-filled template; importSchemeIndicators the template of a
 * draft made for the sweep (a revision of the inspector's scheme), which holds the draft's whole
 * content; importFindings its (empty) template with one good row for an org of inspector1's team.
 */
interface Workbooks {
  orgs: Uint8Array
  indicators: Uint8Array
  findings: Uint8Array
  draft: { id: number; version: number }
  /** The good findings row and the codes the findings cases need. */
  finding: FindingWorld
}

interface FindingWorld {
  row: Record<string, CellInput>
  otherTeamOrg: string
  otherOrgForm: string | null
  otherRoundForm: string | null
  bonusIndicator: string | null
  foreignIndicator: string | null
  maxPoints: number
  existing: { indicatorCode: string; category: string; description: string } | null
}

let workbooks: Workbooks

async function templateBytes(path: string, cookie: string): Promise<Uint8Array> {
  const res = await api.fetch(path, {}, { cookie })
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

async function genuineWorkbooks(): Promise<Workbooks> {
  const prisma = api.prisma
  const orgs = await templateBytes(`/files/template/orgs.xlsx?year=${world.year}`, cookies.ADMIN)
  const revised = await send(
    `mutation ($id: Int!) { reviseScheme(id: $id) { __typename ... on Scheme { id version } ... on AppError { message } } }`,
    { id: world.own.Scheme },
    cookies.ADMIN,
  )
  const draft = revised.data?.reviseScheme as { __typename: string; id: number; version: number }
  if (draft?.__typename !== 'Scheme') throw new Error(`reviseScheme: ${JSON.stringify(revised)}`)
  const indicators = await templateBytes(
    `/files/template/indicators.xlsx?schemeId=${draft.id}`,
    cookies.ADMIN,
  )

  const round = await prisma.inspectionRound.findUniqueOrThrow({
    where: { id: world.own.InspectionRound! },
    include: { areas: { include: { area: true } } },
  })
  const inspector = await prisma.user.findUniqueOrThrow({ where: { username: 'inspector1' } })
  const assessment = await prisma.assessment.findFirstOrThrow({
    where: {
      roundId: round.id,
      status: { not: 'SUBMITTED' },
      org: {
        teamAssignments: {
          some: { roundId: round.id, team: { members: { some: { userId: inspector.id } } } },
        },
      },
    },
    include: { org: true, area: true },
    orderBy: [{ orgId: 'asc' }, { id: 'asc' }],
  })
  const indicator = await prisma.indicator.findFirstOrThrow({
    where: { schemeId: assessment.schemeId, method: 'DEDUCTION', maxPoints: { gte: 1 } },
    orderBy: { id: 'asc' },
  })
  const category = await prisma.problemCategory.findFirstOrThrow({
    where: { active: true },
    orderBy: { id: 'asc' },
  })
  const otherTeamOrg = await prisma.organization.findUniqueOrThrow({
    where: { id: world.other.Organization! },
  })
  const otherOrgForm = await prisma.feedbackForm.findFirst({
    where: { roundId: round.id, orgId: { not: assessment.orgId } },
  })
  const otherRoundForm = await prisma.feedbackForm.findFirst({
    where: { roundId: { not: round.id } },
  })
  const bonus = await prisma.indicator.findFirst({
    where: { schemeId: assessment.schemeId, method: 'BONUS' },
  })
  const ownCodes = (
    await prisma.indicator.findMany({
      where: { schemeId: assessment.schemeId },
      select: { code: true },
    })
  ).map((i) => i.code)
  const foreign = await prisma.indicator.findFirst({ where: { code: { notIn: ownCodes } } })
  const existing = await prisma.finding.findFirst({
    where: { assessmentId: assessment.id },
    include: { indicator: true, problemCategory: true },
    orderBy: { id: 'asc' },
  })
  const row: Record<string, CellInput> = {
    orgCode: assessment.org.code,
    orgName: assessment.org.name,
    area: round.areas.length > 1 ? assessment.area.name : null,
    visitDate: `${world.year}-${String(world.quarter * 3).padStart(2, '0')}-10`,
    formNo: null,
    indicatorCode: indicator.code,
    problemCategory: category.code,
    description: '扫描：台账记录不完整',
    checkMethod: '查阅资料',
    deduction: 0.5,
  }
  const findingsTemplate = await templateBytes(
    `/files/template/findings.xlsx?roundId=${round.id}`,
    cookies.INSPECTOR,
  )
  const findings = await bookWith(findingsTemplate, rowEdits(FINDING_SHEET, 2, row))
  return {
    orgs,
    indicators,
    findings,
    draft: { id: draft.id, version: draft.version },
    finding: {
      row,
      otherTeamOrg: otherTeamOrg.code,
      otherOrgForm: otherOrgForm?.formNo ?? null,
      otherRoundForm: otherRoundForm?.formNo ?? null,
      bonusIndicator: bonus?.code ?? null,
      foreignIndicator: foreign?.code ?? null,
      maxPoints: Number(indicator.maxPoints.toString()),
      existing: existing
        ? {
            indicatorCode: existing.indicator.code,
            category: existing.problemCategory.code,
            description: existing.description,
          }
        : null,
    },
  }
}

/** Base arguments of a mutation: plausible values from the demo world (see sweep.ts). */
function baseFor(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  const base = baseArgs(field, world, world.own)
  if (field.name === 'importOrgs') base.file = new FileValue('党组织.xlsx', workbooks.orgs)
  if (field.name === 'importSchemeIndicators') {
    base.schemeId = workbooks.draft.id
    base.version = workbooks.draft.version
    base.file = new FileValue('指标.xlsx', workbooks.indicators)
  }
  if (field.name === 'importFindings') base.file = new FileValue('问题.xlsx', workbooks.findings)
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

// ---- hostile cells in genuine workbooks ------------------------------------------------------

const IMPORT_RESULT = `{ __typename ... on AppError { code message } ... on ImportReport { applied problems { sheet cell message } } }`

interface ImportProblemAnswer {
  sheet: string
  cell: string | null
  message: string
}

const cellTally = { inputs: 0, listed: 0, byImport: {} as Record<string, number> }

/**
 * Sends every case as `caller` and requires: a typed answer (an import report with
 * `applied: false` listing the hostile cell, or a typed error), no 5xx, and the same checksum of
 * every table before and after.
 */
async function sweepCells(
  name: 'importOrgs' | 'importSchemeIndicators' | 'importFindings',
  caller: Role,
  base: Uint8Array,
  cases: CellCase[],
  document: string,
  variables: Record<string, unknown>,
): Promise<string[]> {
  const failures: string[] = []
  const wb = await loadBook(base)
  const before = await checksum(api.prisma)
  // The base file itself passes (dry run): every problem below is the hostile cell's.
  const clean = await send(
    document,
    { ...variables, dryRun: true, file: new FileValue('base.xlsx', base) },
    cookies[caller],
  )
  const cleanReport = clean.data?.[name] as
    { applied?: boolean; problems?: ImportProblemAnswer[] } | undefined
  if (!cleanReport || cleanReport.problems?.length !== 0) {
    failures.push(
      `${name}: the base workbook is not clean: ${JSON.stringify(clean.data ?? clean.errors).slice(0, 500)}`,
    )
  }
  for (const c of cases) {
    const bytes = await bookWith(base, c.edits)
    const res = await send(
      document,
      { ...variables, file: new FileValue('hostile.xlsx', bytes) },
      cookies[caller],
    )
    cellTally.inputs++
    cellTally.byImport[name] = (cellTally.byImport[name] ?? 0) + 1
    tally.inputs++
    const outcome = classify(res, name)
    if (outcome.kind !== 'error') {
      tally[outcome.kind === 'untyped' ? 'untyped' : 'accepted']++
      failures.push(`${name}: ${c.label}: ${outcome.kind === 'untyped' ? outcome.why : 'accepted'}`)
      continue
    }
    tally.typedErrors++
    codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1)
    const target = c.expect ?? c.edits[0]!
    const address = cellAddress(wb, target.sheet, target.row, target.key)
    const problems =
      (res.data?.[name] as { problems?: ImportProblemAnswer[] } | undefined)?.problems ?? []
    if (problems.some((p) => p.sheet === target.sheet.name && p.cell === address))
      cellTally.listed++
    else {
      failures.push(
        `${name}: ${c.label}: ${target.sheet.name}!${address} not listed; got ${JSON.stringify(problems.length ? problems : (res.data ?? res.errors)).slice(0, 300)}`,
      )
    }
  }
  const changed = changedTables(before, await checksum(api.prisma))
  tally.checksums += 2
  if (changed.length) failures.push(`${name}: database checksum changed: ${changed.join(', ')}`)
  return failures
}

describe('Excel imports: hostile cells in genuine workbooks', () => {
  it(
    'importOrgs: every bad cell of 党组织 and 问题类别 is listed; nothing changes',
    { timeout: 300_000 },
    async () => {
      const O = ORG_SHEET
      const P = PROBLEM_CATEGORY_SHEET
      const wb = await loadBook(workbooks.orgs)
      const code2 = readCell(wb, O, 2, 'code')
      const cases: CellCase[] = [
        ...cellCases(O, 2, 'code', 'text', { required: true }),
        ...cellCases(O, 2, 'name', 'text', { required: true }),
        ...cellCases(O, 2, 'shortName', 'text'),
        ...cellCases(O, 2, 'unitType', 'choice', { required: true }),
        ...cellCases(O, 2, 'parentCode', 'text'),
        ...cellCases(O, 2, 'assessed', 'yesNo'),
        ...cellCases(O, 2, 'active', 'yesNo'),
        ...cellCases(O, 2, 'sortOrder', 'int'),
        ...cellCases(O, 2, 'category', 'choice'),
        {
          label: '党组织: unknown parent code',
          edits: [{ sheet: O, row: 2, key: 'parentCode', value: 'NO-SUCH-ORG' }],
        },
        {
          label: '党组织: its own parent',
          edits: [{ sheet: O, row: 2, key: 'parentCode', value: code2 }],
        },
        {
          label: '党组织: duplicate code',
          edits: [{ sheet: O, row: 3, key: 'code', value: code2 }],
        },
        ...cellCases(P, 2, 'code', 'text', { required: true }),
        ...cellCases(P, 2, 'name', 'text', { required: true }),
        ...cellCases(P, 2, 'description', 'text'),
        ...cellCases(P, 2, 'sortOrder', 'int'),
        ...cellCases(P, 2, 'active', 'yesNo'),
        {
          label: '问题类别: duplicate code',
          edits: [{ sheet: P, row: 3, key: 'code', value: readCell(wb, P, 2, 'code') }],
        },
      ]
      const failures = await sweepCells(
        'importOrgs',
        'ADMIN',
        workbooks.orgs,
        cases,
        `mutation ($file: Upload!, $year: Int, $dryRun: Boolean) { importOrgs(file: $file, year: $year, dryRun: $dryRun) ${IMPORT_RESULT} }`,
        { year: world.year },
      )
      expect(failures).toEqual([])
    },
  )

  it(
    'importSchemeIndicators: every bad cell of 维度 and 指标 is listed; the draft stays as it was',
    { timeout: 300_000 },
    async () => {
      const D = DIMENSION_SHEET
      const I = INDICATOR_SHEET
      const wb = await loadBook(workbooks.indicators)
      const ws = wb.getWorksheet(I.name)!
      const rowWith = (method: string) => {
        for (let r = 2; r <= ws.rowCount; r++) if (readCell(wb, I, r, 'method') === method) return r
        return null
      }
      const deduction = rowWith('扣分制') ?? 2
      const rating = rowWith('评级制')
      const quantity = rowWith('数量制')
      const maxOf = (row: number) => Number(readCell(wb, I, row, 'maxPoints'))
      const draft = await api.prisma.scheme.findUniqueOrThrow({ where: { id: workbooks.draft.id } })
      // Shared codes repeat across years: a code of another year or area counts as unknown only
      // when this year's area has no shared indicator with it.
      const local = await api.prisma.sharedIndicator.findMany({
        where: { year: draft.year, areaId: draft.areaId },
        select: { code: true },
      })
      const foreignShared = await api.prisma.sharedIndicator.findFirst({
        where: { code: { notIn: local.map((l) => l.code) } },
      })
      // A row that is not linked to a shared indicator, given a shared code another row already uses.
      // (The later of the two rows is the one reported.)
      let plainRow: number | null = null
      let usedShared: CellInput = null
      for (let r = 2; r <= ws.rowCount; r++) {
        const shared = readCell(wb, I, r, 'sharedCode')
        if (shared && !usedShared) usedShared = shared
        else if (usedShared && !shared && readCell(wb, I, r, 'code') && plainRow === null)
          plainRow = r
      }
      const cases: CellCase[] = [
        ...cellCases(D, 2, 'code', 'text', { required: true }),
        ...cellCases(D, 2, 'name', 'text', { required: true }),
        ...cellCases(D, 2, 'maxPoints', 'decimal', { required: true }),
        {
          label: '维度: duplicate code',
          edits: [{ sheet: D, row: 3, key: 'code', value: readCell(wb, D, 2, 'code') }],
        },
        ...cellCases(I, deduction, 'code', 'text', { required: true }),
        ...cellCases(I, deduction, 'name', 'text', { required: true }),
        ...cellCases(I, deduction, 'dimensionCode', 'text'),
        ...cellCases(I, deduction, 'method', 'choice', { required: true }),
        ...cellCases(I, deduction, 'maxPoints', 'decimal', { required: true }),
        ...cellCases(I, deduction, 'evaluationStandard', 'text'),
        ...cellCases(I, deduction, 'scoringGuide', 'text'),
        ...cellCases(I, deduction, 'unitType', 'choice'),
        ...cellCases(I, deduction, 'ratingLevels', 'text'),
        ...cellCases(I, deduction, 'target', 'decimal'),
        ...cellCases(I, deduction, 'targetUnit', 'text'),
        ...cellCases(I, deduction, 'defaultDeduction', 'decimal'),
        ...cellCases(I, deduction, 'sharedCode', 'text'),
        {
          label: '指标: duplicate code',
          edits: [
            {
              sheet: I,
              row: deduction === 2 ? 3 : 2,
              key: 'code',
              value: readCell(wb, I, deduction, 'code'),
            },
          ],
        },
        {
          label: '指标: unknown dimension',
          edits: [{ sheet: I, row: deduction, key: 'dimensionCode', value: 'NO-SUCH-DIM' }],
        },
        {
          label: '指标: unknown shared indicator',
          edits: [{ sheet: I, row: deduction, key: 'sharedCode', value: 'NO-SUCH-SHARED' }],
        },
        {
          label: '指标: default deduction over the maximum',
          edits: [
            { sheet: I, row: deduction, key: 'defaultDeduction', value: maxOf(deduction) + 1 },
          ],
        },
        ...(['好:abc', '好:101', '好:-5', '好:100；好:80', '好'] as const).map((value) => ({
          label: `指标: rating levels “${value}”`,
          edits: [{ sheet: I, row: rating ?? deduction, key: 'ratingLevels', value }],
        })),
        ...(quantity
          ? [
              {
                label: '指标: quantity without a target',
                edits: [{ sheet: I, row: quantity, key: 'target', value: null }],
              },
            ]
          : []),
        ...(plainRow && usedShared
          ? [
              {
                label: '指标: a shared indicator another row already uses',
                edits: [{ sheet: I, row: plainRow, key: 'sharedCode', value: usedShared }],
              },
            ]
          : []),
        ...(foreignShared
          ? [
              {
                label: '指标: a shared indicator of another year or area',
                edits: [{ sheet: I, row: deduction, key: 'sharedCode', value: foreignShared.code }],
              },
            ]
          : []),
      ]
      const failures = await sweepCells(
        'importSchemeIndicators',
        'ADMIN',
        workbooks.indicators,
        cases,
        `mutation ($file: Upload!, $schemeId: Int!, $version: Int, $dryRun: Boolean) { importSchemeIndicators(schemeId: $schemeId, version: $version, file: $file, dryRun: $dryRun) ${IMPORT_RESULT} }`,
        { schemeId: workbooks.draft.id, version: workbooks.draft.version },
      )
      expect(failures).toEqual([])
    },
  )

  it(
    'importFindings: every bad cell, other teams’ orgs, other rounds’ forms and duplicates are listed; nothing changes',
    { timeout: 300_000 },
    async () => {
      const F = FINDING_SHEET
      const f = workbooks.finding
      const set = (key: string, value: CellInput, label: string): CellCase => ({
        label: `问题清单: ${label}`,
        edits: [{ sheet: F, row: 2, key, value }],
      })
      const cases: CellCase[] = [
        ...cellCases(F, 2, 'orgCode', 'text', { required: true }),
        ...cellCases(F, 2, 'area', 'choice'),
        ...cellCases(F, 2, 'visitDate', 'date', { required: true }),
        ...cellCases(F, 2, 'formNo', 'text'),
        ...cellCases(F, 2, 'indicatorCode', 'text', { required: true }),
        ...cellCases(F, 2, 'problemCategory', 'text', { required: true }),
        ...cellCases(F, 2, 'description', 'text', { required: true }),
        ...cellCases(F, 2, 'checkMethod', 'choice', { required: true }),
        ...cellCases(F, 2, 'deduction', 'decimal'),
        set('orgCode', 'NO-SUCH-ORG', 'unknown org'),
        set('orgCode', f.otherTeamOrg, 'an org of another team'),
        set('indicatorCode', 'NO-SUCH-IND', 'unknown indicator'),
        set('problemCategory', 'NO-SUCH-CATEGORY', 'unknown problem category'),
        set('formNo', 'NO-SUCH-FORM', 'unknown feedback form'),
        set('deduction', f.maxPoints + 1, 'deduction over the indicator’s maximum'),
        ...(f.otherOrgForm ? [set('formNo', f.otherOrgForm, 'another org’s feedback form')] : []),
        ...(f.otherRoundForm
          ? [set('formNo', f.otherRoundForm, 'a feedback form of another round')]
          : []),
        ...(f.bonusIndicator ? [set('indicatorCode', f.bonusIndicator, 'a bonus indicator')] : []),
        ...(f.foreignIndicator
          ? [set('indicatorCode', f.foreignIndicator, 'an indicator of another scheme')]
          : []),
        {
          label: '问题清单: the same row twice',
          edits: rowEdits(F, 3, f.row),
          expect: { sheet: F, row: 3, key: 'description' },
        },
        ...(f.existing
          ? [
              {
                label: '问题清单: a finding the assessment already has (imported again)',
                edits: rowEdits(F, 2, {
                  ...f.row,
                  indicatorCode: f.existing.indicatorCode,
                  problemCategory: f.existing.category,
                  description: f.existing.description,
                  deduction: null,
                }),
                expect: { sheet: F, row: 2, key: 'description' },
              },
            ]
          : []),
      ]
      const failures = await sweepCells(
        'importFindings',
        'INSPECTOR',
        workbooks.findings,
        cases,
        `mutation ($file: Upload!, $roundId: Int!, $dryRun: Boolean) { importFindings(roundId: $roundId, file: $file, dryRun: $dryRun) ${IMPORT_RESULT} }`,
        { roundId: world.own.InspectionRound },
      )
      expect(failures).toEqual([])
    },
  )

  it('reports the workbook figures', () => {
    reportFigures('bad-input workbook cells', {
      inputsTried: cellTally.inputs,
      byImport: cellTally.byImport,
      badCellListed: cellTally.listed,
    })
    if (!only?.length) expect(cellTally.inputs).toBeGreaterThan(150)
  })
})
