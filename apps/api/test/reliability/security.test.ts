/**
 * Security, on the demo data, beyond the field-level role matrix of
 * test/access.test.ts:
 *
 * - org scope (R12): role × operation × own/other org — a BRANCH user of org A reading org B's
 *   findings, assessments, rectifications, interviews, adjustments, forms and evidence files gets
 *   nothing or FORBIDDEN/NOT_FOUND; an INSPECTOR writing for an org not assigned to their team is
 *   refused — and never learns the record through a ConflictError (scope before version);
 * - sessions: idle and absolute expiry, revocation by logout, password reset and disabling;
 * - login throttling, also against a parallel burst;
 * - CSRF: requests a browser can send cross-site without a preflight are refused without the
 *   header and run nothing; no CORS grant to other origins;
 * - cookie flags (HttpOnly, SameSite=Lax, Path=/, Secure over https only, 256-bit token);
 * - uploads: type, content, size, count, path-traversal names; downloads: traversal, scope;
 * - the board shows nothing of an unpublished round and no finding text;
 * - no password, token or token hash in anything the server prints, nor in the audit log.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultConfig } from '../../src/config'
import { CSRF_HEADER } from '../../src/yoga'
import { DEMO_PASSWORD, sessionCookieFrom, useTestApi, type GqlResult } from '../helpers'
import { changedTables, checksum } from './checksum'
import { multipartBody } from './http'
import { cookieFor, reportFigures, userId } from './support'

const uploadDir = mkdtempSync(join(tmpdir(), 'redblue-security-uploads-'))
const MAX_BYTES = 256 * 1024
const api = useTestApi({
  reset: 'file',
  config: { uploads: { dir: uploadDir, maxBytes: MAX_BYTES } },
})
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }))
const config = defaultConfig()

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

interface OrgRows {
  org: number
  currentAssessment: number
  currentFinding: number
  publishedAssessment: number
  publishedFinding: number
  rectification: number
  interview: number | null
  evidence: number
  currentEvidence: number
}

let A: OrgRows
let B: OrgRows
let currentRound: number
let publishedRound: number
let cookies: { admin: string; branch: string; inspector: string; leader: string }
const tally = { matrixCells: 0, checks: 0 }

/** An evidence file on disk and in the database for a finding (the demo has none). */
async function evidenceFor(findingId: number): Promise<number> {
  const storedName = `${randomBytes(16)
    .toString('hex')
    .replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5')}.pdf`
  writeFileSync(join(uploadDir, storedName), PDF)
  const row = await api.prisma.evidenceFile.create({
    data: {
      findingId,
      originalName: '佐证.pdf',
      storedName,
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    },
  })
  return row.id
}

async function rowsOf(org: number): Promise<OrgRows> {
  const p = api.prisma
  const first = { orderBy: { id: 'asc' as const } }
  const currentAssessment = await p.assessment.findFirstOrThrow({
    where: { roundId: currentRound, orgId: org },
    ...first,
  })
  const currentFinding = await p.finding.findFirstOrThrow({
    where: { roundId: currentRound, orgId: org },
    ...first,
  })
  const publishedAssessment = await p.assessment.findFirstOrThrow({
    where: { roundId: publishedRound, orgId: org },
    ...first,
  })
  const publishedFinding = await p.finding.findFirstOrThrow({
    where: { roundId: publishedRound, orgId: org },
    ...first,
  })
  const rectification =
    (await p.rectification.findFirst({ where: { orgId: org, status: 'SUBMITTED' }, ...first })) ??
    (await p.rectification.findFirstOrThrow({ where: { orgId: org }, ...first }))
  const interview = await p.interview.findFirst({ where: { orgId: org }, ...first })
  return {
    org,
    currentAssessment: currentAssessment.id,
    currentFinding: currentFinding.id,
    publishedAssessment: publishedAssessment.id,
    publishedFinding: publishedFinding.id,
    rectification: rectification.id,
    interview: interview?.id ?? null,
    evidence: await evidenceFor(publishedFinding.id),
    currentEvidence: await evidenceFor(currentFinding.id),
  }
}

beforeAll(async () => {
  await api.reset()
  const p = api.prisma
  currentRound = (await p.inspectionRound.findFirstOrThrow({ where: { status: 'INSPECTING' } })).id
  publishedRound = (
    await p.inspectionRound.findFirstOrThrow({
      where: { status: 'PUBLISHED' },
      orderBy: { id: 'desc' },
    })
  ).id
  const branch = await p.user.findUniqueOrThrow({ where: { username: 'branch1' } })
  const inspector = await p.user.findUniqueOrThrow({ where: { username: 'inspector1' } })
  // Every org inspector1's teams ever inspected (they may verify those orgs' rectifications).
  const myTeams = await p.teamAssignment.findMany({
    where: { team: { members: { some: { userId: inspector.id } } } },
  })
  expect(myTeams.some((t) => t.orgId === branch.orgId && t.roundId === currentRound)).toBe(true)
  // Org B: another org, never inspected by inspector1's teams, with findings in both rounds.
  const candidates = await p.organization.findMany({
    where: {
      id: { notIn: [branch.orgId!, inspector.orgId ?? -1, ...myTeams.map((t) => t.orgId)] },
      assessed: true,
      AND: [
        { findings: { some: { roundId: currentRound } } },
        { findings: { some: { roundId: publishedRound } } },
        { rectifications: { some: {} } },
        { interviews: { some: {} } },
      ],
    },
    orderBy: { id: 'asc' },
  })
  A = await rowsOf(branch.orgId!)
  B = await rowsOf(candidates[0]!.id)
  cookies = {
    admin: await cookieFor(p, config, await userId(p, 'admin')),
    branch: await cookieFor(p, config, branch.id),
    inspector: await cookieFor(p, config, inspector.id),
    leader: await cookieFor(p, config, await userId(p, 'leader')),
  }
})

// ---- org scope matrix ----------------------------------------------------------------------------

/**
 * 'allowed' when a read returned something or a write got past the scope check, 'denied' when
 * nothing or FORBIDDEN/NOT_FOUND came back, else a description of the surprise.
 */
function verdict(res: GqlResult, field: string): string {
  expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500)
  const code = res.errors?.[0]?.extensions?.code
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return 'denied'
  if (code) return `error ${code}: ${res.errors?.[0]?.message}`
  const value = res.data?.[field] as unknown
  if (value === null || value === undefined) return 'denied'
  if (Array.isArray(value)) return value.length ? 'allowed' : 'denied'
  if (typeof value === 'object') {
    const v = value as { __typename?: string; code?: string; total?: number }
    if (v.code === 'FORBIDDEN' || v.code === 'NOT_FOUND') return 'denied'
    // A CONFLICT or a validation error means the scope check passed (own rows).
    if (v.code) return 'allowed'
    if (typeof v.total === 'number') return v.total > 0 ? 'allowed' : 'denied'
  }
  return 'allowed'
}

interface Cell {
  name: string
  role: 'branch' | 'inspector'
  run: (rows: OrgRows) => Promise<string>
}

const q =
  (
    query: string,
    field: string,
    vars: (r: OrgRows) => Record<string, unknown>,
    role: 'branch' | 'inspector',
  ) =>
  async (r: OrgRows) =>
    verdict(await api.gql(query, vars(r), cookies[role]), field)

const E = `__typename ... on AppError { code message }`
const STALE = 2 ** 31 - 1

const CELLS: Cell[] = [
  // BRANCH reads (published round: results are visible to the org itself)
  {
    name: 'findings of an org',
    role: 'branch',
    run: q(
      `query ($o: Int!, $r: Int!) { findings(orgId: $o, roundId: $r) { id description } }`,
      'findings',
      (r) => ({ o: r.org, r: publishedRound }),
      'branch',
    ),
  },
  {
    name: 'a finding by id',
    role: 'branch',
    run: q(
      `query ($id: Int!) { finding(id: $id) { id description } }`,
      'finding',
      (r) => ({ id: r.publishedFinding }),
      'branch',
    ),
  },
  {
    name: 'assessments of an org',
    role: 'branch',
    run: q(
      `query ($o: Int!, $r: Int!) { assessments(roundId: $r, orgId: $o) { id totalScore } }`,
      'assessments',
      (r) => ({ o: r.org, r: publishedRound }),
      'branch',
    ),
  },
  {
    name: 'an assessment by id',
    role: 'branch',
    run: q(
      `query ($id: Int!) { assessment(id: $id) { id inputs { indicatorId } } }`,
      'assessment',
      (r) => ({ id: r.publishedAssessment }),
      'branch',
    ),
  },
  {
    name: 'an assessment drill-down',
    role: 'branch',
    run: q(
      `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) { assessmentId lost } }`,
      'assessmentDrilldown',
      (r) => ({ id: r.publishedAssessment }),
      'branch',
    ),
  },
  {
    name: 'the rectification ledger of an org',
    role: 'branch',
    run: q(
      `query ($o: Int!) { rectificationLedger(filter: { orgId: $o }) { total items { id } } }`,
      'rectificationLedger',
      (r) => ({ o: r.org }),
      'branch',
    ),
  },
  {
    name: 'a rectification by id',
    role: 'branch',
    run: q(
      `query ($id: Int!) { rectification(id: $id) { id measure } }`,
      'rectification',
      (r) => ({ id: r.rectification }),
      'branch',
    ),
  },
  {
    name: 'interviews of an org',
    role: 'branch',
    run: q(
      `query ($o: Int!) { interviews(orgId: $o) { id notes } }`,
      'interviews',
      (r) => ({ o: r.org }),
      'branch',
    ),
  },
  {
    name: 'performance adjustments of an org',
    role: 'branch',
    run: q(
      `query ($o: Int!) { performanceAdjustments(orgId: $o) { id points } }`,
      'performanceAdjustments',
      (r) => ({ o: r.org }),
      'branch',
    ),
  },
  {
    name: 'feedback forms of an org',
    role: 'branch',
    run: q(
      `query ($o: Int!, $r: Int!) { feedbackForms(roundId: $r, orgId: $o) { id summary } }`,
      'feedbackForms',
      (r) => ({ o: r.org, r: publishedRound }),
      'branch',
    ),
  },
  { name: 'evidence download', role: 'branch', run: (r) => download(r.evidence, cookies.branch) },
  // INSPECTOR reads and writes in the current round (own = an org assigned to their team)
  {
    name: 'findings of an org (current round)',
    role: 'inspector',
    run: q(
      `query ($o: Int!, $r: Int!) { findings(orgId: $o, roundId: $r) { id } }`,
      'findings',
      (r) => ({ o: r.org, r: currentRound }),
      'inspector',
    ),
  },
  {
    name: 'assessments of an org (current round)',
    role: 'inspector',
    run: q(
      `query ($o: Int!, $r: Int!) { assessments(roundId: $r, orgId: $o) { id } }`,
      'assessments',
      (r) => ({ o: r.org, r: currentRound }),
      'inspector',
    ),
  },
  {
    name: 'evidence download (current round)',
    role: 'inspector',
    run: (r) => download(r.currentEvidence, cookies.inspector),
  },
  {
    name: 'save assessment inputs (stale version)',
    role: 'inspector',
    run: q(
      `mutation ($id: Int!) { saveAssessmentInputs(assessmentId: $id, version: ${STALE}, inputs: []) { ${E} } }`,
      'saveAssessmentInputs',
      (r) => ({ id: r.currentAssessment }),
      'inspector',
    ),
  },
  {
    name: 'update a finding (stale version)',
    role: 'inspector',
    run: q(
      `mutation ($id: Int!) { updateFinding(id: $id, version: ${STALE}, input: { description: "改" }) { ${E} } }`,
      'updateFinding',
      (r) => ({ id: r.currentFinding }),
      'inspector',
    ),
  },
  {
    name: 'delete a finding (stale version)',
    role: 'inspector',
    run: q(
      `mutation ($id: Int!) { deleteFinding(id: $id, version: ${STALE}) { ${E} } }`,
      'deleteFinding',
      (r) => ({ id: r.currentFinding }),
      'inspector',
    ),
  },
  {
    name: 'verify a rectification (stale version)',
    role: 'inspector',
    run: q(
      `mutation ($id: Int!) { verifyRectification(id: $id, version: ${STALE}) { ${E} } }`,
      'verifyRectification',
      (r) => ({ id: r.rectification }),
      'inspector',
    ),
  },
  {
    name: 'return a rectification (stale version)',
    role: 'inspector',
    run: q(
      `mutation ($id: Int!) { returnRectification(id: $id, version: ${STALE}, reason: "不合格") { ${E} } }`,
      'returnRectification',
      (r) => ({ id: r.rectification }),
      'inspector',
    ),
  },
  {
    name: 'create a finding',
    role: 'inspector',
    run: q(
      `mutation ($a: Int!, $i: Int!, $p: Int!) { createFinding(assessmentId: $a, input: { indicatorId: $i, problemCategoryId: $p, description: "越权测试", checkMethod: DOCUMENT_REVIEW }) { ${E} } }`,
      'createFinding',
      (r) => ({
        a: r.currentAssessment,
        i: indicatorOf.get(r.currentAssessment)!,
        p: problemCategory,
      }),
      'inspector',
    ),
  },
  {
    name: 'create a feedback form',
    role: 'inspector',
    run: q(
      `mutation ($o: Int!, $r: Int!) { createFeedbackForm(orgId: $o, roundId: $r, visitDate: "2026-11-20") { ${E} } }`,
      'createFeedbackForm',
      (r) => ({ o: r.org, r: currentRound }),
      'inspector',
    ),
  },
  { name: 'attach evidence to a finding', role: 'inspector', run: (r) => attach(r.currentFinding) },
  // BRANCH writes
  {
    name: 'update a rectification (stale version)',
    role: 'branch',
    run: q(
      `mutation ($id: Int!) { updateRectification(id: $id, version: ${STALE}, input: { measure: "改" }) { ${E} } }`,
      'updateRectification',
      (r) => ({ id: r.rectification }),
      'branch',
    ),
  },
  {
    name: 'submit a rectification (stale version)',
    role: 'branch',
    run: q(
      `mutation ($id: Int!) { submitRectification(id: $id, version: ${STALE}, note: "已整改") { ${E} } }`,
      'submitRectification',
      (r) => ({ id: r.rectification }),
      'branch',
    ),
  },
  {
    name: 'confirm a finding',
    role: 'branch',
    run: q(
      `mutation ($id: Int!) { confirmFinding(id: $id) { ${E} } }`,
      'confirmFinding',
      (r) => ({ id: r.publishedFinding }),
      'branch',
    ),
  },
  {
    name: 'dispute a finding',
    role: 'branch',
    run: q(
      `mutation ($id: Int!) { disputeFinding(id: $id, reason: "有异议") { ${E} } }`,
      'disputeFinding',
      (r) => ({ id: r.publishedFinding }),
      'branch',
    ),
  },
]

const indicatorOf = new Map<number, number>()
let problemCategory = 0

async function download(id: number, cookie: string): Promise<string> {
  const res = await api.fetch(`/files/evidence/${id}`, { method: 'GET' }, { cookie })
  await res.arrayBuffer()
  if (res.status === 200) return 'allowed'
  if (res.status === 404 || res.status === 403) return 'denied'
  return `HTTP ${res.status}`
}

const ATTACH = `mutation ($id: Int!, $files: [Upload!]!) { attachFindingEvidence(findingId: $id, files: $files) { __typename ... on AppError { code message } ... on ValidationError { problems { code } } ... on MutationAttachFindingEvidenceSuccess { data { id originalName url } } } }`

async function upload(
  query: string,
  variables: Record<string, unknown>,
  files: { name: string; bytes: Buffer }[],
  cookie: string | null,
  headers: Record<string, string> = { [CSRF_HEADER]: '1' },
): Promise<GqlResult> {
  const { body, contentType } = multipartBody(query, variables, files)
  const res = await api.fetch(
    '/graphql',
    {
      method: 'POST',
      body: new Uint8Array(body),
      headers: { ...headers, 'content-type': contentType },
    },
    { cookie },
  )
  const text = await res.text()
  let parsed: Pick<GqlResult, 'data' | 'errors'>
  try {
    parsed = JSON.parse(text) as typeof parsed
  } catch {
    parsed = { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 100)}` }] }
  }
  return { ...parsed, status: res.status, headers: res.headers }
}

async function attach(findingId: number): Promise<string> {
  return verdict(
    await upload(ATTACH, { id: findingId }, [{ name: 'a.pdf', bytes: PDF }], cookies.inspector),
    'attachFindingEvidence',
  )
}

describe('org scope (R12): role × operation × own/other org', () => {
  it(
    'own org: allowed; another org: nothing or FORBIDDEN/NOT_FOUND — never a ConflictError',
    { timeout: 120_000 },
    async () => {
      for (const r of [A, B]) {
        const a = await api.prisma.assessment.findUniqueOrThrow({
          where: { id: r.currentAssessment },
        })
        const i = await api.prisma.indicator.findFirstOrThrow({
          where: { schemeId: a.schemeId, method: 'DEDUCTION' },
        })
        indicatorOf.set(r.currentAssessment, i.id)
      }
      problemCategory = (await api.prisma.problemCategory.findFirstOrThrow()).id
      const got: Record<string, string> = {}
      const want: Record<string, string> = {}
      for (const cell of CELLS) {
        for (const [target, rows] of [
          ['own', A],
          ['other', B],
        ] as const) {
          const key = `${cell.role} · ${cell.name} · ${target}`
          got[key] = await cell.run(rows)
          want[key] = target === 'own' ? 'allowed' : 'denied'
          tally.matrixCells++
        }
      }
      expect(got).toEqual(want)
    },
  )

  it('a BRANCH user sees none of its own findings or scores while the round is still inspecting', async () => {
    const findings = await api.gql(
      `query ($o: Int!, $r: Int!) { findings(orgId: $o, roundId: $r) { id } }`,
      { o: A.org, r: currentRound },
      cookies.branch,
    )
    expect(verdict(findings, 'findings')).toBe('denied')
    const assessment = await api.gql(
      `query ($id: Int!) { assessment(id: $id) { id } }`,
      { id: A.currentAssessment },
      cookies.branch,
    )
    expect(verdict(assessment, 'assessment')).toBe('denied')
    expect(await download(A.currentEvidence, cookies.branch)).toBe('denied')
    tally.checks += 3
  })

  it('a LEADER reads everything and changes nothing', async () => {
    const read = await api.gql(
      `query ($o: Int!) { findings(orgId: $o) { id } }`,
      { o: B.org },
      cookies.leader,
    )
    expect(verdict(read, 'findings')).toBe('allowed')
    const write = await api.gql(
      `mutation ($id: Int!) { deleteFinding(id: $id, version: 1) { ${E} } }`,
      { id: B.currentFinding },
      cookies.leader,
    )
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' })
    tally.checks += 2
  })
})

// ---- sessions --------------------------------------------------------------------------------------

const ME = `{ me { username } }`

describe('sessions', () => {
  it(
    'expire after the idle time and at the absolute cap; logout, password reset and disabling revoke them',
    { timeout: 120_000 },
    async () => {
      let now = Date.now()
      const yoga = api.createInstance({ now: () => new Date(now) })
      const login = async (username: string, password = DEMO_PASSWORD) => {
        const res = await api.gql(
          `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }`,
          { u: username, p: password },
          { ip: `10.9.${Math.floor(Math.random() * 250)}.1` },
          yoga,
        )
        const cookie = sessionCookieFrom(res.headers)
        expect(cookie, JSON.stringify(res.data)).toBeTruthy()
        return cookie!
      }
      const me = async (cookie: string) =>
        (await api.gql(ME, {}, cookie, yoga)).data?.me?.username ?? null
      const HOUR = 3_600_000
      // Own users: a login at a clock days ahead sweeps that user's sessions as expired, and the
      // other tests' sessions (made at the real time) must survive.
      const adminHash = (await api.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } }))
        .passwordHash
      for (const [username, role] of [
        ['sessleader', 'LEADER'],
        ['sessadmin', 'ADMIN'],
      ] as const) {
        await api.prisma.user.create({
          data: { username, displayName: username, role, passwordHash: adminHash },
        })
      }

      // Idle: 12 h without use.
      const idle = await login('sessleader')
      now += 11 * HOUR
      expect(await me(idle)).toBe('sessleader')
      now += 12 * HOUR + 60_000
      expect(await me(idle)).toBeNull()
      // Sliding while used every 11 h, but never past 7 days after login.
      const steady = await login('sessleader')
      const start = now
      while (now - start < 7 * 24 * HOUR - 12 * HOUR) {
        now += 11 * HOUR
        expect(await me(steady)).toBe('sessleader')
      }
      now = start + 7 * 24 * HOUR + 60_000
      expect(await me(steady)).toBeNull()

      // Logout revokes the session server-side: the old cookie is dead even if replayed.
      const out = await login('sessleader')
      await api.gql(`mutation { logout }`, {}, out, yoga)
      expect(await me(out)).toBeNull()
      // An admin resets a password or disables a user: every session of theirs ends.
      const adminCookie = await login('sessadmin')
      const victim = await login('branch2')
      const id = await userId(api.prisma, 'branch2')
      const reset = await api.gql(
        `mutation ($id: Int!) { resetUserPassword(id: $id, newPassword: "Reset#2026x") { ${E} } }`,
        { id },
        adminCookie,
        yoga,
      )
      expect(reset.data?.resetUserPassword.__typename).toBe('User')
      expect(await me(victim)).toBeNull()
      const again = await login('branch2', 'Reset#2026x')
      const version = (await api.prisma.user.findUniqueOrThrow({ where: { id } })).version
      const disable = await api.gql(
        `mutation ($id: Int!, $v: Int!) { updateUser(id: $id, version: $v, input: { active: false }) { ${E} } }`,
        { id, v: version },
        adminCookie,
        yoga,
      )
      expect(disable.data?.updateUser.__typename).toBe('User')
      expect(await me(again)).toBeNull()
      // A forged or truncated token is nobody.
      expect(await me(`${config.cookieName}=${'A'.repeat(43)}`)).toBeNull()
      expect(await me(adminCookie.slice(0, -2))).toBeNull()
      tally.checks += 10
    },
  )
})

// ---- throttling ----------------------------------------------------------------------------------

const LOGIN = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on AuthenticationError { retryAfterSeconds message } } }`

describe('login throttling', () => {
  it('locks a username after 5 failures, even for the right password; other addresses and users are unaffected', async () => {
    const ip = '10.20.0.1'
    for (let i = 0; i < 5; i++) {
      const res = await api.gql(LOGIN, { u: 'insp05', p: `wrong${i}` }, { ip })
      expect(res.data?.login.__typename).toBe('AuthenticationError')
    }
    const locked = await api.gql(LOGIN, { u: 'insp05', p: DEMO_PASSWORD }, { ip: '10.20.0.2' })
    expect(locked.data?.login.__typename).toBe('AuthenticationError')
    expect(locked.data?.login.retryAfterSeconds).toBeGreaterThan(800)
    expect(sessionCookieFrom(locked.headers)).toBeNull()
    const other = await api.gql(LOGIN, { u: 'insp06', p: DEMO_PASSWORD }, { ip: '10.20.0.3' })
    expect(other.data?.login.__typename).toBe('User')
    tally.checks += 4
  })

  it(
    'a parallel burst of 30 guesses verifies at most a handful of passwords',
    { timeout: 120_000 },
    async () => {
      const ip = '10.21.0.1'
      const before = await api.prisma.loginAttempt.count({ where: { username: 'insp07' } })
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          api.gql(LOGIN, { u: 'insp07', p: `guess${i}` }, { ip }),
        ),
      )
      expect(results.every((r) => r.data?.login.__typename === 'AuthenticationError')).toBe(true)
      const recorded =
        (await api.prisma.loginAttempt.count({ where: { username: 'insp07' } })) - before
      reportFigures('throttle burst', { guesses: 30, passwordsVerified: recorded })
      // Each recorded failure is one verified guess; the lock is 5.
      expect(recorded).toBeLessThanOrEqual(5)
      const right = await api.gql(LOGIN, { u: 'insp07', p: DEMO_PASSWORD }, { ip: '10.21.0.2' })
      expect(right.data?.login.__typename).toBe('AuthenticationError')
      tally.checks += 3
    },
  )
})

// ---- CSRF and CORS -------------------------------------------------------------------------------

describe('CSRF', () => {
  it('refuses, without the header, every request a browser could send cross-site without a preflight — and runs nothing', async () => {
    const before = await checksum(api.prisma, { exclude: ['Session'] })
    const mutation = `mutation { createArea(input: { code: "CSRF", name: "跨站" }) { __typename } }`
    const attempts: [string, Response][] = [
      [
        'GET query',
        await api.fetch(
          `/graphql?query=${encodeURIComponent(ME)}`,
          { method: 'GET' },
          { cookie: cookies.admin },
        ),
      ],
      [
        'GET mutation',
        await api.fetch(
          `/graphql?query=${encodeURIComponent(mutation)}`,
          { method: 'GET' },
          { cookie: cookies.admin },
        ),
      ],
      [
        'form-urlencoded POST',
        await api.fetch(
          '/graphql',
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `query=${encodeURIComponent(mutation)}`,
          },
          { cookie: cookies.admin },
        ),
      ],
      [
        'text/plain POST',
        await api.fetch(
          '/graphql',
          {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ query: mutation }),
          },
          { cookie: cookies.admin },
        ),
      ],
    ]
    const multipart = await upload(
      ATTACH,
      { id: A.currentFinding },
      [{ name: 'x.pdf', bytes: PDF }],
      cookies.admin,
      {},
    )
    const refused = attempts.map(([name, res]) => [name, res.status] as const)
    for (const [name, status] of refused) expect(status, name).toBeGreaterThanOrEqual(400)
    expect(multipart.status).toBeGreaterThanOrEqual(400)
    expect(multipart.data?.attachFindingEvidence).toBeUndefined()
    expect(await api.prisma.area.count({ where: { code: 'CSRF' } })).toBe(0)
    expect(changedTables(before, await checksum(api.prisma, { exclude: ['Session'] }))).toEqual([])
    // A JSON POST needs a CORS preflight cross-site, which grants nothing to another origin.
    const preflight = await api.fetch('/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    const cross = await api.fetch(
      '/graphql',
      {
        method: 'POST',
        headers: {
          origin: 'https://evil.example',
          'content-type': 'application/json',
          [CSRF_HEADER]: '1',
        },
        body: JSON.stringify({ query: ME }),
      },
      { cookie: cookies.admin },
    )
    expect(cross.headers.get('access-control-allow-origin')).toBeNull()
    reportFigures('csrf', Object.fromEntries([...refused, ['multipart POST', multipart.status]]))
    tally.checks += 8
  })
})

// ---- cookies ---------------------------------------------------------------------------------------

describe('session cookie', () => {
  async function loginVia(url: string, headers: Record<string, string> = {}, trustProxy = false) {
    const yoga = api.createInstance({ trustProxy })
    const res = await yoga.fetch(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...headers },
        body: JSON.stringify({ query: LOGIN, variables: { u: 'leader', p: DEMO_PASSWORD } }),
      },
      { ip: `10.30.${Math.floor(Math.random() * 250)}.1` },
    )
    const body = await res.text()
    const header = res.headers.getSetCookie().find((c) => c.startsWith(`${config.cookieName}=`))!
    return { header, body }
  }

  it('is HttpOnly, SameSite=Lax, Path=/, Secure exactly over https, and carries a 256-bit token not echoed in the body', async () => {
    const plain = await loginVia('http://redblue.test/graphql')
    const attrs = plain.header.split(';').map((s) => s.trim())
    expect(attrs).toContain('HttpOnly')
    expect(attrs).toContain('SameSite=Lax')
    expect(attrs).toContain('Path=/')
    expect(attrs).not.toContain('Secure')
    const token = attrs[0]!.split('=')[1]!
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(plain.body).not.toContain(token)
    expect((await loginVia('https://redblue.test/graphql')).header).toMatch(/; Secure/)
    expect(
      (await loginVia('http://redblue.test/graphql', { 'x-forwarded-proto': 'https' }, true))
        .header,
    ).toMatch(/; Secure/)
    // Without TRUST_PROXY a client cannot talk the server into believing it is behind https.
    expect(
      (await loginVia('http://redblue.test/graphql', { 'x-forwarded-proto': 'https' }, false))
        .header,
    ).not.toMatch(/Secure/)
    // Logout clears it.
    const out = await api.fetch(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      },
      { cookie: `${config.cookieName}=${token}` },
    )
    expect(out.headers.getSetCookie().join()).toMatch(/Max-Age=0/)
    tally.checks += 9
  })
})

// ---- uploads and downloads -------------------------------------------------------------------------

describe('uploads and downloads', () => {
  it(
    'accept only the allowed types by name and content, within size and count, under random names',
    { timeout: 120_000 },
    async () => {
      const parent = readdirSync(dirname(uploadDir))
      const send = (files: { name: string; bytes: Buffer }[]) =>
        upload(ATTACH, { id: A.currentFinding }, files, cookies.inspector)
      const refused: [string, { name: string; bytes: Buffer }[], string][] = [
        ['an .exe', [{ name: 'tool.exe', bytes: Buffer.from('MZ\x90\x00') }], 'FILE_TYPE'],
        [
          'a double extension ending in .exe',
          [{ name: 'report.pdf.exe', bytes: PDF }],
          'FILE_TYPE',
        ],
        [
          'an .html',
          [{ name: 'x.html', bytes: Buffer.from('<script>alert(1)</script>') }],
          'FILE_TYPE',
        ],
        [
          'an .svg',
          [{ name: 'x.svg', bytes: Buffer.from('<svg onload="alert(1)"/>') }],
          'FILE_TYPE',
        ],
        ['no extension', [{ name: 'README', bytes: PDF }], 'FILE_TYPE'],
        ['a PNG named .pdf', [{ name: 'fake.pdf', bytes: PNG }], 'FILE_CONTENT'],
        [
          'HTML named .pdf',
          [{ name: 'page.pdf', bytes: Buffer.from('<html><script>alert(1)</script>') }],
          'FILE_CONTENT',
        ],
        [
          'a zip named .docx',
          [{ name: 'x.docx', bytes: Buffer.from('PK\x03\x04 no word part') }],
          'FILE_CONTENT',
        ],
        ['an empty .pdf', [{ name: 'empty.pdf', bytes: Buffer.alloc(0) }], 'FILE_CONTENT'],
        [
          'over the size limit',
          [{ name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]) }],
          'FILE_TOO_LARGE',
        ],
        [
          '11 files at once',
          Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.pdf`, bytes: PDF })),
          'FILE_COUNT',
        ],
        [
          'a good file with a bad one',
          [
            { name: 'ok.pdf', bytes: PDF },
            { name: 'bad.exe', bytes: PDF },
          ],
          'FILE_TYPE',
        ],
      ]
      const rowsBefore = await api.prisma.evidenceFile.count()
      const filesBefore = readdirSync(uploadDir).length
      for (const [name, files, code] of refused) {
        const res = await send(files)
        const result = res.data?.attachFindingEvidence as
          { __typename: string; code?: string } | undefined
        expect(result?.__typename, name).toBe('ValidationError')
        const problems = (res.data?.attachFindingEvidence as { problems?: { code: string }[] })
          .problems
        expect(
          problems?.map((pr) => pr.code),
          name,
        ).toContain(code)
        tally.checks++
      }
      expect(await api.prisma.evidenceFile.count()).toBe(rowsBefore)
      expect(readdirSync(uploadDir)).toHaveLength(filesBefore)

      // Path tricks in names: stored under a random name in the folder, shown by the last segment.
      const tricky = [
        '../../../../etc/passwd.pdf',
        '..\\..\\windows\\win.ini.pdf',
        '/abs/olute.pdf',
        `${'长'.repeat(300)}.pdf`,
        'nul\u0000byte.pdf',
        '.hidden.pdf',
      ]
      const res = await send(tricky.map((name) => ({ name, bytes: PDF })))
      const rows = (res.data?.attachFindingEvidence?.data ?? []) as {
        id: number
        originalName: string
        url: string
      }[]
      expect(rows.map((r) => r.originalName)).toEqual([
        'passwd.pdf',
        'win.ini.pdf',
        'olute.pdf',
        `${'长'.repeat(116)}.pdf`,
        'nulbyte.pdf',
        'hidden.pdf',
      ])
      expect(
        readdirSync(uploadDir).filter(
          (f) => !/^[0-9a-f-]{36}\.(pdf|png|jpg|jpeg|docx|xlsx)$/.test(f),
        ),
      ).toEqual([])
      expect(readdirSync(dirname(uploadDir)).sort()).toEqual(parent.sort())
      expect(existsSync('/etc/passwd.pdf')).toBe(false)

      // Downloads: attachment, nosniff, no-store; path tricks and unknown ids are 404.
      const ok = await api.fetch(rows[0]!.url, { method: 'GET' }, { cookie: cookies.inspector })
      expect(ok.status).toBe(200)
      expect(ok.headers.get('content-disposition')).toMatch(/^attachment;/)
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff')
      expect(ok.headers.get('cache-control')).toMatch(/no-store/)
      expect(Buffer.from(await ok.arrayBuffer()).equals(PDF)).toBe(true)
      const probes = [
        '/files/evidence/..%2f..%2f..%2fetc%2fpasswd',
        '/files/evidence/../../../etc/passwd',
        `/files/evidence/${rows[0]!.id}.pdf`,
        '/files/evidence/-1',
        '/files/evidence/99999999',
        '/files/evidence/1e3',
        '/files/evidence/%00',
      ]
      for (const path of probes) {
        const res2 = await api.fetch(path, { method: 'GET' }, { cookie: cookies.admin })
        const text = await res2.text()
        expect([404, 400], path).toContain(res2.status)
        expect(text, path).not.toMatch(/root:/)
        tally.checks++
      }
      const anonymous = await api.fetch(rows[0]!.url, { method: 'GET' })
      expect(anonymous.status).toBe(401)
      tally.checks += 8
    },
  )
})

// ---- board -----------------------------------------------------------------------------------------

describe('the public board', () => {
  it('shows nothing of an unpublished round and no finding text, even with list marks set early', async () => {
    const p = api.prisma
    const current = await p.inspectionRound.findUniqueOrThrow({ where: { id: currentRound } })
    // Marks on the running round (as a bug or a half-done import might leave them).
    const marked = await p.assessment.findMany({
      where: { roundId: currentRound },
      take: 2,
      include: { org: true },
    })
    await p.assessment.updateMany({
      where: { id: { in: marked.map((m) => m.id) } },
      data: { listMark: 'BLUE', totalScore: '12.34', rank: 1 },
    })
    try {
      const outputs = [
        JSON.stringify(
          (
            await api.gql(
              `{ board { updatedAt sections { areaName round { name publishedOn } categories { label red { orgName } blue { orgName } } } } }`,
            )
          ).data,
        ),
        await (await api.fetch('/board', { method: 'GET' })).text(),
        await (await api.fetch('/board/data.json', { method: 'GET' })).text(),
        await (await api.fetch('/board/widget.js', { method: 'GET' })).text(),
      ]
      const all = outputs.join('\n')
      expect(all).not.toContain(current.name)
      expect(all).not.toContain('12.34')
      const descriptions = await p.finding.findMany({ select: { description: true } })
      const leaked = descriptions
        .map((d) => d.description)
        .filter((d) => d.length >= 8 && all.includes(d))
      expect(leaked).toEqual([])
      // Only published rounds appear.
      const names = (
        await p.inspectionRound.findMany({ where: { status: { notIn: ['PUBLISHED', 'CLOSED'] } } })
      ).map((r) => r.name)
      expect(names.filter((n) => all.includes(n))).toEqual([])
      tally.checks += 4
    } finally {
      await p.assessment.updateMany({
        where: { id: { in: marked.map((m) => m.id) } },
        data: { listMark: null, totalScore: null, rank: null },
      })
    }
  })
})

// ---- secrets in logs and the audit trail -------------------------------------------------------------

describe('no secrets in logs', () => {
  it(
    'prints no password, token or token hash during logins, password changes and requests; the audit log holds none either',
    { timeout: 120_000 },
    async () => {
      const printed: string[] = []
      const capture = (...args: unknown[]) => {
        printed.push(
          args
            .map((a) =>
              a instanceof Error
                ? `${a.message}\n${a.stack}`
                : typeof a === 'string'
                  ? a
                  : JSON.stringify(a),
            )
            .join(' '),
        )
      }
      const spies = [
        vi.spyOn(console, 'log').mockImplementation(capture),
        vi.spyOn(console, 'info').mockImplementation(capture),
        vi.spyOn(console, 'warn').mockImplementation(capture),
        vi.spyOn(console, 'error').mockImplementation(capture),
        vi.spyOn(console, 'debug').mockImplementation(capture),
      ]
      const writes = [
        vi
          .spyOn(process.stdout, 'write')
          .mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)),
        vi
          .spyOn(process.stderr, 'write')
          .mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)),
      ]
      const first = `Sec#${randomBytes(6).toString('hex')}1`
      const second = `Sec#${randomBytes(6).toString('hex')}2`
      const third = `Sec#${randomBytes(6).toString('hex')}3`
      const wrong = `Wrong#${randomBytes(6).toString('hex')}4`
      const tokens: string[] = []
      try {
        const created = await api.gql(
          `mutation ($p: String!) { createUser(input: { username: "secretuser", displayName: "保密", role: LEADER, password: $p }) { ${E} } }`,
          { p: first },
          cookies.admin,
        )
        expect(created.data?.createUser.__typename).toBe('User')
        const ip = { ip: '10.40.0.1' }
        const fail = await api.gql(LOGIN, { u: 'secretuser', p: wrong }, ip)
        expect(fail.data?.login.__typename).toBe('AuthenticationError')
        const ok = await api.gql(LOGIN, { u: 'secretuser', p: first }, ip)
        const cookie = sessionCookieFrom(ok.headers)!
        tokens.push(cookie.split('=')[1]!)
        const changed = await api.gql(
          `mutation ($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b) { ${E} } }`,
          { a: first, b: second },
          cookie,
        )
        const fresh = sessionCookieFrom(changed.headers)!
        tokens.push(fresh.split('=')[1]!)
        const id = await userId(api.prisma, 'secretuser')
        await api.gql(
          `mutation ($id: Int!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { ${E} } }`,
          { id, p: third },
          cookies.admin,
        )
        // Requests carrying the token, a refused one, and failures the server logs in full: the
        // database refusing to record a login (a trigger) while the request carries a password.
        await api.gql(ME, {}, fresh)
        await api.gql(`{ nope }`, {}, fresh)
        await api.gql(
          `mutation ($p: String!) { changePassword(currentPassword: $p, newPassword: "short") { ${E} } }`,
          { p: third },
          fresh,
        )
        await api.prisma.$executeRawUnsafe(
          `CREATE FUNCTION redblue_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'attempt log unavailable'; END $$`,
        )
        await api.prisma.$executeRawUnsafe(
          `CREATE TRIGGER redblue_refuse BEFORE INSERT ON "LoginAttempt" FOR EACH ROW EXECUTE FUNCTION redblue_refuse()`,
        )
        try {
          const failed = await api.gql(LOGIN, { u: 'secretuser', p: third }, { ip: '10.40.0.2' })
          expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR')
          const wrongToo = await api.gql(LOGIN, { u: 'secretuser', p: wrong }, { ip: '10.40.0.3' })
          expect(wrongToo.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR')
        } finally {
          await api.prisma.$executeRawUnsafe(`DROP TRIGGER redblue_refuse ON "LoginAttempt"`)
          await api.prisma.$executeRawUnsafe(`DROP FUNCTION redblue_refuse()`)
        }
      } finally {
        for (const s of [...spies, ...writes]) s.mockRestore()
      }
      for (const c of Object.values(cookies)) tokens.push(c.split('=')[1]!)
      const secrets = [
        first,
        second,
        third,
        wrong,
        ...tokens,
        ...tokens.map((t) => createHash('sha256').update(t).digest('hex')),
      ]
      const text = printed.join('\n')
      expect(secrets.filter((s) => text.includes(s))).toEqual([])
      const audit = JSON.stringify(
        await api.prisma.auditLog.findMany({ select: { before: true, after: true, action: true } }),
      )
      expect(secrets.filter((s) => audit.includes(s))).toEqual([])
      expect(audit).not.toMatch(/passwordHash|\$argon2/)
      // The failing logins were logged (with their stack): the check above saw real output.
      expect(printed.length).toBeGreaterThan(0)
      reportFigures('secrets', {
        secretsChecked: secrets.length,
        printedLines: printed.length,
        leaked: 0,
      })
      tally.checks += 3
    },
  )
})

describe('figures', () => {
  it('reports the security checks', () => {
    reportFigures('security', tally)
    expect(tally.matrixCells).toBeGreaterThan(0)
  })
})
