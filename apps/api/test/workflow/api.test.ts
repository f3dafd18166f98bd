/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by shape here. */
/**
 * The workflow through GraphQL (yoga.fetch): a quarter run through the API alone, the R12 scope
 * of a BRANCH user of another org, a conflicting save, and evidence uploads (limits, path tricks,
 * interrupted uploads, download rights).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/password'
import { withStoredFiles } from '../../src/uploads/storage'
import { CSRF_HEADER } from '../../src/yoga'
import { errorCode, ok, useTestApi } from '../helpers'
import { buildFixture, FIXTURE_PASSWORD, ORGS, type Fixture, type OrgCode } from './fixtures'
import { inspect, planRound, reconcile, resolveDisputes, runner, runQuarter } from './scenario'

const uploadDir = mkdtempSync(join(tmpdir(), 'redblue-uploads-'))
const MAX = 64 * 1024
const api = useTestApi({
  seed: 'none',
  config: {
    uploads: { dir: uploadDir, maxBytes: MAX },
    now: () => new Date('2026-04-02T02:00:00Z'),
    // The statement-count check reads a whole round's assessments with every nested list, a read
    // the default cost limit refuses by design (test/query-cost.test.ts covers that limit).
    maxQueryCost: 1_000_000,
  },
})
let fx: Fixture
let hash: string | undefined

beforeEach(async () => {
  hash ??= await hashPassword(FIXTURE_PASSWORD)
  fx = await buildFixture(api.prisma, { passwordHash: hash })
  rmSync(uploadDir, { recursive: true, force: true })
})
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }))

const login = (username: string) => api.login(username, FIXTURE_PASSWORD)
const storedFiles = () => {
  try {
    return readdirSync(uploadDir)
  } catch {
    return []
  }
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

/** A GraphQL multipart request (graphql-multipart-request-spec) with files at `variables.files`. */
async function upload(
  query: string,
  variables: Record<string, unknown>,
  files: { name: string; bytes: Buffer }[],
  cookie: string,
) {
  const form = new FormData()
  form.set(
    'operations',
    JSON.stringify({ query, variables: { ...variables, files: files.map(() => null) } }),
  )
  form.set(
    'map',
    JSON.stringify(Object.fromEntries(files.map((_, i) => [String(i), [`variables.files.${i}`]]))),
  )
  files.forEach((f, i) => form.set(String(i), new File([new Uint8Array(f.bytes)], f.name)))
  const response = await api.fetch(
    '/graphql',
    { method: 'POST', body: form, headers: { [CSRF_HEADER]: '1' } },
    { cookie },
  )
  return (await response.json()) as {
    data?: Record<string, any>
    errors?: { message: string; extensions?: { code?: string } }[]
  }
}

const ATTACH = `mutation ($id: Int!, $files: [Upload!]!) {
  attachFindingEvidence(findingId: $id, files: $files) {
    __typename
    ... on MutationAttachFindingEvidenceSuccess { data { id originalName mimeType size url } }
    ... on AppError { code message }
  }
}`

describe('a quarter through the API alone', () => {
  it('plans, inspects, reconciles, publishes and opens rectifications', async () => {
    const admin = await login('wf-admin')
    const insp1 = await login('wf-insp1')
    const insp2 = await login('wf-insp2')
    const round = ok(
      await api.gql(
        `mutation ($input: CreateRoundInput!) { createRound(input: $input) { __typename ... on InspectionRound { id status } } }`,
        { input: { year: 2026, quarter: 1, areaIds: [fx.areaId] } },
        admin,
      ),
    ).createRound as { id: number; status: string }
    const team = async (name: string, userId: number) => {
      const created = ok(
        await api.gql(
          `mutation ($r: Int!, $n: String!) { createTeam(roundId: $r, name: $n) { ... on InspectionTeam { id } } }`,
          { r: round.id, n: name },
          admin,
        ),
      ).createTeam.id as number
      ok(
        await api.gql(
          `mutation ($t: Int!, $u: Int!) { addTeamMember(teamId: $t, userId: $u) { __typename } }`,
          { t: created, u: userId },
          admin,
        ),
      )
      return created
    }
    const t1 = await team('一组', fx.insp1.userId)
    const t2 = await team('二组', fx.insp2.userId)
    const assign = (teamId: number, orgId: number) =>
      api.gql(
        `mutation ($r: Int!, $t: Int!, $o: Int!) { assignTeam(roundId: $r, teamId: $t, orgId: $o) { __typename ... on AppError { message } } }`,
        { r: round.id, t: teamId, o: orgId },
        admin,
      )
    // The conflict of interest arrives as a typed error (its own type, naming person, org and
    // round: test/rules/conflict-of-interest.test.ts) with a clear message.
    const refused = ok(await assign(t1, fx.orgs.A1)).assignTeam
    expect(refused.__typename).toBe('ConflictOfInterestError')
    expect(refused.message).toMatch(/回避/)
    for (const o of ORGS) ok(await assign(o.code === 'A1' ? t2 : t1, fx.orgs[o.code]))
    const transition = (to: string) =>
      api.gql(
        `mutation ($id: Int!, $to: RoundStatus!) { transitionRound(id: $id, to: $to) { __typename ... on InspectionRound { status } ... on AppError { message } } }`,
        { id: round.id, to },
        admin,
      )
    expect(ok(await transition('INSPECTING')).transitionRound.status).toBe('INSPECTING')

    // Inspectors: each sees only its orgs' assessments.
    const listed = ok(
      await api.gql(
        `query ($r: Int!) { assessments(roundId: $r) { id version orgId schemeId org { code } } }`,
        { r: round.id },
        insp1,
      ),
    ).assessments as {
      id: number
      version: number
      orgId: number
      schemeId: number
      org: { code: OrgCode }
    }[]
    expect(listed.map((a) => a.org.code).sort()).toEqual(
      ORGS.filter((o) => o.code !== 'A1')
        .map((o) => o.code)
        .sort(),
    )
    const a1 = ok(
      await api.gql(
        `query ($r: Int!) { assessments(roundId: $r) { id version schemeId } }`,
        { r: round.id },
        insp2,
      ),
    ).assessments as { id: number; version: number; schemeId: number }[]
    expect(a1).toHaveLength(1)

    const scheme = (schemeId: number) => Object.values(fx.schemes).find((s) => s.id === schemeId)!
    const findingsOf: Record<string, number> = {}
    for (const [cookie, rows] of [
      [insp1, listed],
      [insp2, a1.map((a) => ({ ...a, org: { code: 'A1' as const }, orgId: fx.orgs.A1 }))],
    ] as const) {
      for (const a of rows) {
        const s = scheme(a.schemeId)
        const form = ok(
          await api.gql(
            `mutation ($r: Int!, $o: Int!) { createFeedbackForm(roundId: $r, orgId: $o, visitDate: "2026-03-10") { ... on FeedbackForm { id formNo } } }`,
            { r: round.id, o: a.orgId },
            cookie,
          ),
        ).createFeedbackForm as { id: number; formNo: string }
        expect(form.formNo).toBe(`2026Q1-${a.org.code}-01`)
        if (a.org.code === 'C2' || a.org.code === 'B2') {
          const created = ok(
            await api.gql(
              `mutation ($a: Int!, $input: FindingInput!) { createFinding(assessmentId: $a, input: $input) { __typename ... on Finding { id isRepeat deduction } ... on AppError { message } } }`,
              {
                a: a.id,
                input: {
                  indicatorId: s.i1,
                  problemCategoryId: fx.problemCategories[0],
                  description: `${a.org.code} 三会一课记录不全`,
                  checkMethod: 'DOCUMENT_REVIEW',
                  deduction: a.org.code === 'C2' ? '2.01' : '9.00',
                  feedbackFormId: form.id,
                },
              },
              cookie,
            ),
          ).createFinding
          expect(created.__typename).toBe('Finding')
          findingsOf[a.org.code] = created.id as number
        }
        const saved = ok(
          await api.gql(
            `mutation ($a: Int!, $v: Int!, $inputs: [IndicatorInputValue!]!) {
              saveAssessmentInputs(assessmentId: $a, version: $v, inputs: $inputs) {
                __typename ... on Assessment { version score { base bonus total dimensions { points } } }
              }
            }`,
            {
              a: a.id,
              v: a.version,
              inputs: [
                { indicatorId: s.i2, ratingLevel: '好' },
                { indicatorId: s.i3, bonusPoints: a.org.code === 'A2' ? '1' : null },
              ],
            },
            cookie,
          ),
        ).saveAssessmentInputs as { version: number; score: { base: string; total: string } }
        if (a.org.code === 'C2')
          expect(saved.score).toMatchObject({ base: '97.99', total: '97.99' })
        ok(
          await api.gql(
            `mutation ($a: Int!, $v: Int!) { submitAssessment(assessmentId: $a, version: $v) { __typename } }`,
            { a: a.id, v: saved.version },
            cookie,
          ),
        )
      }
    }
    expect(ok(await transition('RECONCILING')).transitionRound.status).toBe('RECONCILING')

    // The branch sees its findings now, confirms one; another disputes and the admin withdraws.
    const c2 = await login('wf-branch-C2')
    const mine = ok(
      await api.gql(`query { findings { id description reconciliationStatus } }`, {}, c2),
    ).findings
    expect(mine).toEqual([
      { id: findingsOf.C2, description: 'C2 三会一课记录不全', reconciliationStatus: 'PENDING' },
    ])
    ok(
      await api.gql(
        `mutation ($id: Int!) { confirmFinding(id: $id) { __typename } }`,
        { id: findingsOf.C2 },
        c2,
      ),
    )
    const b2 = await login('wf-branch-B2')
    const disputed = ok(
      await api.gql(
        `mutation ($id: Int!) { disputeFinding(id: $id, reason: "已有记录") { ... on Finding { reconciliationStatus } } }`,
        { id: findingsOf.B2 },
        b2,
      ),
    ).disputeFinding
    expect(disputed.reconciliationStatus).toBe('DISPUTED')
    // A branch cannot resolve disputes (scope), nor publish.
    expect(
      errorCode(
        await api.gql(
          `mutation ($id: Int!) { withdrawFinding(id: $id, reason: "x") { __typename } }`,
          { id: findingsOf.B2 },
          b2,
        ),
      ),
    ).toBe('FORBIDDEN')
    const publish = () =>
      api.gql(
        `mutation ($id: Int!) { publishRound(id: $id, input: { docNo: "党委〔2026〕5号" }) { __typename ... on InspectionRound { status notice { docNo } } ... on AppError { message } } }`,
        { id: round.id },
        admin,
      )
    expect(ok(await publish()).publishRound.message).toMatch(/有异议/)
    ok(
      await api.gql(
        `mutation ($id: Int!) { withdrawFinding(id: $id, reason: "经复核撤销") { __typename } }`,
        { id: findingsOf.B2 },
        admin,
      ),
    )
    expect(ok(await publish()).publishRound).toEqual({
      __typename: 'InspectionRound',
      status: 'PUBLISHED',
      notice: { docNo: '党委〔2026〕5号' },
    })
    expect(ok(await publish()).publishRound.message).toMatch(/不能重复发布/)

    // Published ranking is public to every signed-in user; C2 (97.99) is on the blue list.
    const ranking = ok(
      await api.gql(
        `query ($r: Int!, $a: Int!) { roundRanking(roundId: $r, areaId: $a) { org { code } category totalScore rank listMark } }`,
        { r: round.id, a: fx.areaId },
        b2,
      ),
    ).roundRanking as {
      org: { code: string }
      totalScore: string
      rank: number
      listMark: string | null
    }[]
    expect(ranking.find((r) => r.org.code === 'C2')).toMatchObject({
      totalScore: '97.99',
      rank: 3,
      listMark: 'BLUE',
    })
    expect(ranking.find((r) => r.org.code === 'A2')).toMatchObject({
      totalScore: '101.00',
      rank: 1,
      listMark: 'RED',
    })
    const adjustments = ok(
      await api.gql(
        `query { performanceAdjustments { org { code } points month reason } }`,
        {},
        admin,
      ),
    ).performanceAdjustments as { org: { code: string }; points: string; month: string }[]
    expect(adjustments.find((a) => a.org.code === 'C2')).toMatchObject({
      points: '-0.50',
      month: '2026-04',
    })

    // The branch works its rectification with evidence; the inspector verifies it.
    const ledger = ok(
      await api.gql(
        `query { rectificationLedger { total items { id version status colour daysLeft deadline } } }`,
        {},
        c2,
      ),
    ).rectificationLedger as {
      total: number
      items: { id: number; version: number; colour: string; daysLeft: number; deadline: string }[]
    }
    expect(ledger.total).toBe(1)
    expect(ledger.items[0]).toMatchObject({ colour: 'GREEN', deadline: '2026-05-02', daysLeft: 30 })
    const todo = ok(await api.gql(`query { myTodos { counts { total } } }`, {}, c2)).myTodos
    expect(todo.counts.total).toBe(0)
    const rect = ledger.items[0]!
    const submitted = await upload(
      `mutation ($id: Int!, $v: Int!, $files: [Upload!]) {
        submitRectification(id: $id, version: $v, note: "已补齐记录", files: $files) {
          __typename ... on Rectification { id version status events { type evidence { originalName url } } } ... on AppError { message }
        }
      }`,
      { id: rect.id, v: rect.version },
      [{ name: '会议记录.pdf', bytes: PDF }],
      c2,
    )
    const data = submitted.data?.submitRectification as {
      version: number
      status: string
      events: { type: string; evidence: { url: string }[] }[]
    }
    expect(data.status).toBe('SUBMITTED')
    const url = data.events[1]!.evidence[0]!.url
    const download = await api.fetch(url, {}, { cookie: c2 })
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('会议记录.pdf')}`,
    )
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true)
    const verified = ok(
      await api.gql(
        `mutation ($id: Int!, $v: Int!) { verifyRectification(id: $id, version: $v) { ... on Rectification { status colour } } }`,
        { id: rect.id, v: data.version },
        insp1,
      ),
    ).verifyRectification
    expect(verified).toEqual({ status: 'CLOSED', colour: 'CLOSED' })
  })
})

describe('R12 scope', () => {
  it('a BRANCH user of another org sees none of it', async () => {
    const run = runner(api.prisma)
    const planned = await planRound(run, fx)
    const findingIds = await inspect(run, api.prisma, fx, planned.roundId)
    const a1 = await login('wf-branch-A1')
    const c2 = await login('wf-branch-C2')
    // Before RECONCILING a branch sees not even its own findings or scores.
    const early = ok(
      await api.gql(
        `query ($r: Int!) { findings(roundId: $r) { id } assessments(roundId: $r) { id } }`,
        { r: planned.roundId },
        c2,
      ),
    )
    expect(early).toEqual({ findings: [], assessments: [] })
    await reconcile(run, fx, planned.roundId, findingIds)
    await resolveDisputes(run, fx, findingIds)
    const c2finding = findingIds.C2![0]!
    const evidence = await upload(
      ATTACH,
      { id: c2finding },
      [{ name: 'photo.png', bytes: PNG }],
      await login('wf-insp1'),
    )
    const evidenceUrl = evidence.data?.attachFindingEvidence.data[0].url as string
    await runner(api.prisma)((tx) =>
      import('../../src/services/workflow').then((wf) =>
        wf.publishRound(tx, fx.admin, { roundId: planned.roundId }),
      ),
    )

    const q = `query ($r: Int!, $f: Int!, $rect: Int!) {
      findings(roundId: $r) { id orgId }
      finding(id: $f) { id }
      assessments(roundId: $r) { id orgId }
      feedbackForms(roundId: $r) { id orgId }
      rectificationLedger { total items { id } }
      rectification(id: $rect) { id }
      interviews { id orgId }
      performanceAdjustments { id orgId }
    }`
    const c2rect = await api.prisma.rectification.findFirstOrThrow({
      where: { findingId: c2finding },
    })
    const seen = ok(await api.gql(q, { r: planned.roundId, f: c2finding, rect: c2rect.id }, a1))
    expect(seen.finding).toBeNull()
    expect(seen.rectification).toBeNull()
    expect(seen.rectificationLedger).toEqual({ total: 0, items: [] })
    expect(seen.interviews).toEqual([])
    expect((seen.feedbackForms as { orgId: number }[]).map((f) => f.orgId)).toEqual([fx.orgs.A1])
    for (const rows of [seen.findings, seen.assessments, seen.performanceAdjustments] as {
      orgId: number
    }[][]) {
      expect(rows.every((r) => r.orgId === fx.orgs.A1)).toBe(true)
    }
    expect((seen.assessments as unknown[]).length).toBe(1)
    // The evidence file is not served to A1's user (404, indistinguishable from a missing id) …
    expect((await api.fetch(evidenceUrl, {}, { cookie: a1 })).status).toBe(404)
    expect((await api.fetch(evidenceUrl, {})).status).toBe(401)
    // … but is to C2's own user and to leaders; and C2 sees its own finding.
    expect((await api.fetch(evidenceUrl, {}, { cookie: c2 })).status).toBe(200)
    expect((await api.fetch(evidenceUrl, {}, { cookie: await login('wf-leader') })).status).toBe(
      200,
    )
    const own = ok(await api.gql(q, { r: planned.roundId, f: c2finding, rect: c2rect.id }, c2))
    expect(own.finding).toEqual({ id: c2finding })
    expect(own.rectification).toEqual({ id: c2rect.id })
    // An inspector not assigned to C2 (insp2 only has A1) sees none of C2's data either.
    const insp2 = ok(
      await api.gql(
        q.replace('performanceAdjustments { id orgId }', ''),
        { r: planned.roundId, f: c2finding, rect: c2rect.id },
        await login('wf-insp2'),
      ),
    )
    expect(insp2.finding).toBeNull()
    expect((await api.fetch(evidenceUrl, {}, { cookie: await login('wf-insp2') })).status).toBe(404)
    // Leaders read everything but change nothing.
    const leader = await login('wf-leader')
    // Lists cost a fixed number of SQL statements, whatever their length (no N+1).
    const list = `query ($r: Int!, $c: OrgCategory) {
      assessments(roundId: $r, category: $c) {
        id totalScore score { total indicators { indicatorId points } } org { name } scheme { name }
        inputs { indicatorId points indicator { name } } indicatorPoints { indicatorId points } dimensionScores { points }
        findings { id indicatorName problemCategory { name } evidence { url } reconciliations { action } }
      }
    }`
    const statements = async (category: string | null) => {
      const { result, statements } = await api.db.recordQueries(() =>
        api.gql(list, { r: planned.roundId, c: category }, leader),
      )
      expect(result.errors).toBeUndefined()
      // The live score of a published round reproduces the frozen total.
      // Its frozen points are every scheme indicator's, as the engine gives them; the deprecated
      // per-input field reads the same object.
      for (const a of result.data!.assessments as {
        totalScore: string
        score: { total: string; indicators: { indicatorId: number; points: string }[] }
        inputs: { indicatorId: number; points: string | null }[]
        indicatorPoints: { indicatorId: number; points: string }[] | null
      }[]) {
        expect(a.score.total).toBe(a.totalScore)
        expect(a.indicatorPoints).toEqual(
          [...a.score.indicators].sort((x, y) => x.indicatorId - y.indicatorId),
        )
        const frozen = new Map(a.indicatorPoints!.map((i) => [i.indicatorId, i.points]))
        for (const input of a.inputs) expect(input.points).toBe(frozen.get(input.indicatorId))
      }
      return statements.length
    }
    expect(await statements('II')).toBe(await statements(null))
    expect(
      errorCode(
        await api.gql(
          `mutation ($id: Int!) { confirmFinding(id: $id) { __typename } }`,
          { id: c2finding },
          leader,
        ),
      ),
    ).toBe('FORBIDDEN')
  })

  it('a conflicting save through GraphQL returns ConflictError with the current values', async () => {
    const run = runner(api.prisma)
    const { roundId } = await planRound(run, fx)
    await import('../../src/services/workflow').then((wf) =>
      run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' })),
    )
    const a = await api.prisma.assessment.findFirstOrThrow({
      where: { roundId, orgId: fx.orgs.B1 },
    })
    const insp1 = await login('wf-insp1')
    const save = (rating: string) =>
      api.gql(
        `mutation ($a: Int!, $v: Int!, $inputs: [IndicatorInputValue!]!) {
          saveAssessmentInputs(assessmentId: $a, version: $v, inputs: $inputs) {
            __typename
            ... on Assessment { version }
            ... on ConflictError { currentVersion current }
          }
        }`,
        { a: a.id, v: a.version, inputs: [{ indicatorId: fx.schemes.II.i2, ratingLevel: rating }] },
        insp1,
      )
    const first = ok(await save('好')).saveAssessmentInputs
    const second = ok(await save('差')).saveAssessmentInputs
    expect(first).toEqual({ __typename: 'Assessment', version: a.version + 1 })
    expect(second.__typename).toBe('ConflictError')
    expect(second.currentVersion).toBe(a.version + 1)
    expect(second.current.inputs[0].ratingLevel).toBe('好')
  })
})

describe('evidence uploads', () => {
  async function findingInInspection() {
    const run = runner(api.prisma)
    const planned = await planRound(run, fx)
    const wf = await import('../../src/services/workflow')
    await run((tx) =>
      wf.transitionRound(tx, fx.admin, { roundId: planned.roundId, to: 'INSPECTING' }),
    )
    const a = await api.prisma.assessment.findFirstOrThrow({
      where: { roundId: planned.roundId, orgId: fx.orgs.C1 },
    })
    const finding = await run((tx) =>
      wf.createFinding(tx, fx.insp1, {
        assessmentId: a.id,
        indicatorId: fx.schemes.III.i1,
        problemCategoryId: fx.problemCategories[0]!,
        description: '台账缺失',
        checkMethod: 'ONSITE_CHECK',
      }),
    )
    return { finding, planned }
  }

  it('accepts allowed types, sanitizes names, stores under random names, refuses tricks and limits', async () => {
    const { finding } = await findingInInspection()
    const insp1 = await login('wf-insp1')
    const ok1 = await upload(
      ATTACH,
      { id: finding.id },
      [
        { name: '../../etc/passwd.pdf', bytes: PDF },
        { name: '现场照片.PNG', bytes: PNG },
      ],
      insp1,
    )
    expect(ok1.errors).toBeUndefined()
    expect(ok1.data?.attachFindingEvidence.message).toBeUndefined()
    const rows = ok1.data?.attachFindingEvidence.data as {
      originalName: string
      mimeType: string
      size: number
    }[]
    expect(rows.map((r) => [r.originalName, r.mimeType, r.size])).toEqual([
      ['passwd.pdf', 'application/pdf', PDF.length],
      ['现场照片.PNG', 'image/png', PNG.length],
    ])
    const files = storedFiles()
    expect(files).toHaveLength(2)
    expect(files.every((f) => /^[0-9a-f-]{36}\.(pdf|png)$/.test(f))).toBe(true)

    const refused = async (name: string, bytes: Buffer, pattern: RegExp) => {
      const res = await upload(
        ATTACH,
        { id: finding.id },
        [
          { name: 'fine.pdf', bytes: PDF },
          { name, bytes },
        ],
        insp1,
      )
      expect(res.data?.attachFindingEvidence).toMatchObject({ __typename: 'ValidationError' })
      expect(res.data?.attachFindingEvidence.message).toMatch(pattern)
    }
    await refused('virus.exe', Buffer.from('MZ\x90\x00'), /不支持的文件类型/)
    await refused('..\\..\\boot.ini', Buffer.from('[boot]'), /不支持的文件类型/)
    await refused('fake.pdf', PNG, /内容与扩展名不符/)
    await refused('fake.docx', Buffer.from('PK\x03\x04 not a word document'), /内容与扩展名不符/)
    await refused('empty.pdf', Buffer.alloc(0), /内容与扩展名不符/)
    await refused('big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX)]), /超过 64 KB 上限/)
    // Nothing of the refused batches stayed behind: no rows, no files (the good file of each
    // batch was removed too, because the batch failed as a whole).
    expect(await api.prisma.evidenceFile.count()).toBe(2)
    expect(storedFiles()).toHaveLength(2)
    // A BRANCH user cannot upload finding evidence at all.
    const branch = await upload(
      ATTACH,
      { id: finding.id },
      [{ name: 'a.pdf', bytes: PDF }],
      await login('wf-branch-C1'),
    )
    expect(branch.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(storedFiles()).toHaveLength(2)
  })

  it('an interrupted upload or a failing transaction leaves no rows and no files', async () => {
    const { finding } = await findingInInspection()
    const settings = { dir: uploadDir, maxBytes: MAX }
    // A client that disconnects mid-file: the stream errors after the first chunk.
    const broken = {
      name: 'half.pdf',
      size: 2 * PDF.length,
      stream: () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(PDF))
          },
          pull(controller) {
            controller.error(new Error('connection reset'))
          },
        }),
    } as unknown as File
    const good = new File([new Uint8Array(PDF)], 'good.pdf')
    await expect(
      withStoredFiles([good, broken], settings, () =>
        Promise.reject(new Error('must not get here')),
      ),
    ).rejects.toThrow('connection reset')
    expect(storedFiles()).toEqual([])
    // Files stored, then the database refuses: the files go again.
    await expect(
      withStoredFiles([good], settings, async () => {
        await api.prisma.$transaction(async (tx) => {
          await tx.evidenceFile.create({
            data: {
              findingId: finding.id,
              originalName: 'x',
              storedName: 'x',
              mimeType: 'x',
              size: 1,
              sha256: 'x',
            },
          })
          throw new Error('rolled back')
        })
      }),
    ).rejects.toThrow('rolled back')
    expect(storedFiles()).toEqual([])
    expect(await api.prisma.evidenceFile.count()).toBe(0)
    // Through the API: evidence for a finding whose round is published is refused, nothing stays.
    const run = runner(api.prisma)
    await runQuarterAfterReset(run)
    const published = await api.prisma.finding.findFirstOrThrow({
      where: { round: { status: 'PUBLISHED' } },
    })
    const res = await upload(
      ATTACH,
      { id: published.id },
      [{ name: 'late.pdf', bytes: PDF }],
      await login('wf-admin'),
    )
    expect(res.data?.attachFindingEvidence.__typename).toBe('ValidationError')
    expect(storedFiles()).toEqual([])
    expect(await api.prisma.evidenceFile.count()).toBe(0)
  })
})

/** A fresh fixture with a published quarter (the test above already used this round's slot). */
async function runQuarterAfterReset(run: ReturnType<typeof runner>) {
  await api.reset()
  fx = await buildFixture(api.prisma, { passwordHash: hash })
  await runQuarter(run, api.prisma, fx)
}
