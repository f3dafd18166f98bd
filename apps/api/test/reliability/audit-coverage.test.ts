/**
 * Every mutation writes the audit log. One scenario calls EVERY Mutation field of the
 * built schema successfully through GraphQL — core configuration, a whole quarter (plan, inspect,
 * reconcile, publish), rectification, interviews, the annual roll-up, the next round's look-back,
 * closing, and the three Excel imports — and counts the audit entries each call added. The test
 * fails for a mutation without an audited successful call, unless EXEMPT gives the reason; a new
 * mutation therefore needs a step here.
 */
import { STORED_DEFAULT_RULE_SET } from '@redblue/db/testing'
import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/password'
import { defaultConfig } from '../../src/config'
import { schema } from '../../src/schema'
import { CSRF_HEADER } from '../../src/yoga'
import { sessionCookieFrom, useTestApi, type GqlResult } from '../helpers'
import { buildFixture, FIXTURE_PASSWORD, ORGS, YEAR, type OrgCode } from '../workflow/fixtures'
import { multipartBody } from './http'
import { cookieFor, reportFigures } from './support'

/** Mutations that may succeed without an audit entry, and why. */
const EXEMPT: Record<string, string> = {}

const NOW = new Date('2026-04-02T02:00:00Z')
const api = useTestApi({ seed: 'none', config: { now: () => NOW } })
const config = defaultConfig({ now: () => NOW })

const E = `__typename ... on AppError { code message } ... on ValidationError { problems { path message } }`
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n')

const audited = new Map<string, number>()
const calls: string[] = []

/** Runs one mutation; it must succeed and add at least one audit entry. Returns the result. */
async function step(
  field: string,
  query: string,
  variables: Record<string, unknown>,
  cookie: string | null,
  files?: { path: string; name: string; bytes: Buffer },
): Promise<GqlResult> {
  const last = await api.prisma.auditLog.findFirst({
    orderBy: { id: 'desc' },
    select: { id: true },
  })
  let res: GqlResult
  if (files) {
    const { body, contentType } = multipartBody(query, variables, [files])
    const response = await api.fetch(
      '/graphql',
      {
        method: 'POST',
        body: new Uint8Array(body),
        headers: { 'content-type': contentType, [CSRF_HEADER]: '1' },
      },
      { cookie },
    )
    res = {
      ...((await response.json()) as object),
      status: response.status,
      headers: response.headers,
    }
  } else {
    res = await api.gql(query, variables, cookie)
  }
  calls.push(field)
  const value = res.data?.[field] as
    { __typename?: string; applied?: boolean } | boolean | undefined
  const failed =
    !!res.errors?.length ||
    value === undefined ||
    (typeof value === 'object' && !!value.__typename?.endsWith('Error')) ||
    (typeof value === 'object' && value.__typename === 'ImportReport' && !value.applied)
  if (failed)
    throw new Error(
      `${field} did not succeed: ${JSON.stringify({ data: res.data, errors: res.errors })}`,
    )
  const entries = await api.prisma.auditLog.findMany({ where: { id: { gt: last?.id ?? -1n } } })
  // Each entry says who (the caller) and from where.
  const anonymous = entries.filter((e) => e.actorId === null || e.ip !== '127.0.0.1')
  if (anonymous.length)
    throw new Error(
      `${field}: audit entries without actor or address: ${anonymous.map((e) => e.action).join(', ')}`,
    )
  if (entries.length > 0) audited.set(field, (audited.get(field) ?? 0) + entries.length)
  return res
}

const data = <T = Record<string, unknown>>(res: GqlResult, field: string) =>
  res.data?.[field] as { data?: T } & T

async function template(path: string, cookie: string): Promise<Buffer> {
  const res = await api.fetch(path, {}, { cookie })
  expect(res.status, path).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

it(
  'every mutation of the schema has an audited successful call',
  { timeout: 600_000 },
  async () => {
    const fx = await buildFixture(api.prisma, {
      passwordHash: await hashPassword(FIXTURE_PASSWORD),
    })
    const p = api.prisma
    const admin = await cookieFor(p, config, fx.admin.userId)
    const insp1 = await cookieFor(p, config, fx.insp1.userId)
    const insp2 = await cookieFor(p, config, fx.insp2.userId)
    const branch = {} as Record<OrgCode, string>
    for (const o of ORGS) branch[o.code] = await cookieFor(p, config, fx.branch[o.code].userId)
    const inspectorOf = (code: OrgCode) => (code === 'A1' ? insp2 : insp1)
    const version = async (
      model:
        | 'user'
        | 'organization'
        | 'problemCategory'
        | 'sharedIndicator'
        | 'scheme'
        | 'inspectionRound'
        | 'finding'
        | 'assessment'
        | 'rectification'
        | 'interview'
        | 'ruleSet',
      id: number,
    ) =>
      (
        await (
          p[model] as unknown as { findUniqueOrThrow: (a: object) => Promise<{ version: number }> }
        ).findUniqueOrThrow({ where: { id } })
      ).version

    // ---- users and sessions
    const user = data<{ id: number }>(
      await step(
        'createUser',
        `mutation { createUser(input: { username: "auditee", displayName: "审计", role: LEADER, password: "Audit#2026a" }) { ${E} ... on User { id } } }`,
        {},
        admin,
      ),
      'createUser',
    )
    await step(
      'updateUser',
      `mutation ($id: Int!, $v: Int!) { updateUser(id: $id, version: $v, input: { displayName: "审计二" }) { ${E} } }`,
      { id: user.id, v: await version('user', user.id) },
      admin,
    )
    await step(
      'resetUserPassword',
      `mutation ($id: Int!) { resetUserPassword(id: $id, newPassword: "Audit#2026b") { ${E} } }`,
      { id: user.id },
      admin,
    )
    const login = await step(
      'login',
      `mutation { login(username: "auditee", password: "Audit#2026b") { ${E} } }`,
      {},
      null,
    )
    const changed = await step(
      'changePassword',
      `mutation { changePassword(currentPassword: "Audit#2026b", newPassword: "Audit#2026c") { ${E} } }`,
      {},
      sessionCookieFrom(login.headers),
    )
    await step('logout', `mutation { logout }`, {}, sessionCookieFrom(changed.headers))

    // ---- organizations, categories, areas, problem categories, rules
    const org = data<{ id: number }>(
      await step(
        'createOrg',
        `mutation { createOrg(input: { code: "Z1", name: "审计支部", unitType: GRASSROOTS }) { ${E} ... on Organization { id } } }`,
        {},
        admin,
      ),
      'createOrg',
    )
    await step(
      'updateOrg',
      `mutation ($id: Int!, $v: Int!) { updateOrg(id: $id, version: $v, input: { code: "Z1", name: "审计支部二", unitType: GRASSROOTS }) { ${E} } }`,
      { id: org.id, v: await version('organization', org.id) },
      admin,
    )
    await step(
      'deleteOrg',
      `mutation ($id: Int!) { deleteOrg(id: $id) { ${E} } }`,
      { id: org.id },
      admin,
    )
    // A real change (A1: I → II): an assignment left as it was writes nothing, audit included.
    await step(
      'setCategoryAssignments',
      `mutation ($o: Int!) { setCategoryAssignments(year: ${YEAR}, items: [{ orgId: $o, category: II }]) { ${E} } }`,
      { o: fx.orgs.A1 },
      admin,
    )
    await step(
      'copyCategoryAssignments',
      `mutation { copyCategoryAssignments(fromYear: ${YEAR}, toYear: ${YEAR + 1}) { ${E} } }`,
      {},
      admin,
    )
    const area = data<{ id: number }>(
      await step(
        'createArea',
        `mutation { createArea(input: { code: "AU", name: "审计专业" }) { ${E} ... on Area { id } } }`,
        {},
        admin,
      ),
      'createArea',
    )
    await step(
      'updateArea',
      `mutation ($id: Int!) { updateArea(id: $id, input: { code: "AU", name: "审计专业二" }) { ${E} } }`,
      { id: area.id },
      admin,
    )
    const pc = data<{ id: number }>(
      await step(
        'createProblemCategory',
        `mutation { createProblemCategory(input: { code: "PZ", name: "审计问题" }) { ${E} ... on ProblemCategory { id } } }`,
        {},
        admin,
      ),
      'createProblemCategory',
    )
    await step(
      'updateProblemCategory',
      `mutation ($id: Int!, $v: Int!) { updateProblemCategory(id: $id, version: $v, input: { code: "PZ", name: "审计问题二" }) { ${E} } }`,
      { id: pc.id, v: await version('problemCategory', pc.id) },
      admin,
    )
    const rules = await p.ruleSet.findFirstOrThrow({ where: { year: YEAR } })
    await step(
      'saveRuleSet',
      `mutation ($v: Int!, $input: RuleSetInput!) { saveRuleSet(year: ${YEAR}, version: $v, input: $input) { ${E} } }`,
      {
        v: rules.version,
        input: {
          ...STORED_DEFAULT_RULE_SET,
          annualComponents: [{ code: 'REPORT', name: '述职评议', weight: '0.6' }],
        },
      },
      admin,
    )
    await step(
      'importOrgs',
      `mutation ($file: Upload!) { importOrgs(file: $file, year: ${YEAR}) { ${E} ... on ImportReport { applied } } }`,
      { file: null },
      admin,
      {
        path: 'variables.file',
        name: '党组织.xlsx',
        bytes: await template(`/files/template/orgs.xlsx?year=${YEAR}`, admin),
      },
    )

    // ---- shared indicators and schemes
    const shared = data<{ id: number }>(
      await step(
        'createSharedIndicator',
        `mutation ($a: Int!) { createSharedIndicator(year: ${YEAR}, areaId: $a, input: { code: "S9", name: "共享", method: DEDUCTION }) { ${E} ... on SharedIndicator { id } } }`,
        { a: fx.areaId },
        admin,
      ),
      'createSharedIndicator',
    )
    await step(
      'updateSharedIndicator',
      `mutation ($id: Int!, $v: Int!) { updateSharedIndicator(id: $id, version: $v, input: { code: "S9", name: "共享二", method: DEDUCTION }) { ${E} } }`,
      { id: shared.id, v: await version('sharedIndicator', shared.id) },
      admin,
    )
    await step(
      'deleteSharedIndicator',
      `mutation ($id: Int!) { deleteSharedIndicator(id: $id) { ${E} } }`,
      { id: shared.id },
      admin,
    )
    const scheme = data<{ id: number }>(
      await step(
        'createScheme',
        `mutation ($a: Int!) { createScheme(input: { year: ${YEAR + 1}, areaId: $a, category: I, name: "审计方案" }) { ${E} ... on Scheme { id } } }`,
        { a: fx.areaId },
        admin,
      ),
      'createScheme',
    )
    await step(
      'updateSchemeDraft',
      `mutation ($id: Int!, $v: Int!, $input: SchemeDraftInput!) { updateSchemeDraft(id: $id, version: $v, input: $input) { ${E} } }`,
      {
        id: scheme.id,
        v: await version('scheme', scheme.id),
        input: {
          name: '审计方案',
          bonusCap: '5',
          dimensions: [{ code: 'D1', name: '政治建设', maxPoints: '100' }],
          indicators: [
            {
              code: 'I1',
              name: '理论学习',
              dimensionCode: 'D1',
              method: 'DEDUCTION',
              maxPoints: '100',
            },
          ],
        },
      },
      admin,
    )
    await step(
      'importSchemeIndicators',
      `mutation ($id: Int!, $file: Upload!) { importSchemeIndicators(schemeId: $id, file: $file) { ${E} ... on ImportReport { applied } } }`,
      { id: scheme.id, file: null },
      admin,
      {
        path: 'variables.file',
        name: '指标.xlsx',
        bytes: await template(`/files/template/indicators.xlsx?schemeId=${scheme.id}`, admin),
      },
    )
    await step(
      'publishScheme',
      `mutation ($id: Int!, $v: Int!) { publishScheme(id: $id, version: $v) { ${E} } }`,
      { id: scheme.id, v: await version('scheme', scheme.id) },
      admin,
    )
    const revision = data<{ id: number }>(
      await step(
        'reviseScheme',
        `mutation ($id: Int!) { reviseScheme(id: $id) { ${E} ... on Scheme { id } } }`,
        { id: scheme.id },
        admin,
      ),
      'reviseScheme',
    )
    await step(
      'deleteSchemeDraft',
      `mutation ($id: Int!, $v: Int!) { deleteSchemeDraft(id: $id, version: $v) { ${E} } }`,
      { id: revision.id, v: await version('scheme', revision.id) },
      admin,
    )
    await step(
      'cloneScheme',
      `mutation ($id: Int!) { cloneScheme(sourceId: $id, year: ${YEAR + 2}, category: I) { ${E} } }`,
      { id: scheme.id },
      admin,
    )

    // ---- a quarter: planning
    const round = data<{ id: number }>(
      await step(
        'createRound',
        `mutation ($a: Int!) { createRound(input: { year: ${YEAR}, quarter: 1, areaIds: [$a] }) { ${E} ... on InspectionRound { id } } }`,
        { a: fx.areaId },
        admin,
      ),
      'createRound',
    )
    await step(
      'updateRound',
      `mutation ($id: Int!, $v: Int!) { updateRound(id: $id, version: $v, input: { name: "2026年第一季度检查" }) { ${E} } }`,
      { id: round.id, v: await version('inspectionRound', round.id) },
      admin,
    )
    const team = async (name: string) =>
      data<{ id: number }>(
        await step(
          'createTeam',
          `mutation ($r: Int!, $n: String!) { createTeam(roundId: $r, name: $n) { ${E} ... on InspectionTeam { id } } }`,
          { r: round.id, n: name },
          admin,
        ),
        'createTeam',
      ).id
    const team1 = await team('第一检查组')
    const team2 = await team('第二检查组')
    const team3 = await team('临时组')
    await step(
      'renameTeam',
      `mutation ($t: Int!) { renameTeam(teamId: $t, name: "临时组改") { ${E} } }`,
      { t: team3 },
      admin,
    )
    const member = (t: number, u: number, leader = false) =>
      step(
        'addTeamMember',
        `mutation ($t: Int!, $u: Int!, $l: Boolean) { addTeamMember(teamId: $t, userId: $u, isLeader: $l) { ${E} } }`,
        { t, u, l: leader },
        admin,
      )
    await member(team3, fx.insp2.userId)
    await step(
      'removeTeamMember',
      `mutation ($t: Int!, $u: Int!) { removeTeamMember(teamId: $t, userId: $u) { ${E} } }`,
      { t: team3, u: fx.insp2.userId },
      admin,
    )
    await step(
      'deleteTeam',
      `mutation ($t: Int!) { deleteTeam(teamId: $t) { ${E} } }`,
      { t: team3 },
      admin,
    )
    await member(team1, fx.insp1.userId, true)
    await member(team2, fx.insp2.userId, true)
    const training = data<{ id: number }>(
      await step(
        'addTrainingRecord',
        `mutation ($t: Int!) { addTrainingRecord(input: { teamId: $t, date: "2026-03-02", topic: "评价标准培训", hours: "4" }) { ${E} ... on TrainingRecord { id } } }`,
        { t: team1 },
        admin,
      ),
      'addTrainingRecord',
    )
    await step(
      'deleteTrainingRecord',
      `mutation ($id: Int!) { deleteTrainingRecord(id: $id) { ${E} } }`,
      { id: training.id },
      admin,
    )
    const assign = (code: OrgCode, t: number) =>
      step(
        'assignTeam',
        `mutation ($r: Int!, $t: Int!, $o: Int!) { assignTeam(roundId: $r, teamId: $t, orgId: $o) { ${E} } }`,
        { r: round.id, t, o: fx.orgs[code] },
        admin,
      )
    for (const o of ORGS) await assign(o.code, o.code === 'A1' ? team2 : team1)
    await step(
      'unassignTeam',
      `mutation ($r: Int!, $o: Int!) { unassignTeam(roundId: $r, orgId: $o) { ${E} } }`,
      { r: round.id, o: fx.orgs.C3 },
      admin,
    )
    await assign('C3', team1)
    const transition = (id: number, to: string) =>
      step(
        'transitionRound',
        `mutation ($id: Int!, $to: RoundStatus!) { transitionRound(id: $id, to: $to) { ${E} } }`,
        { id, to },
        admin,
      )
    await transition(round.id, 'INSPECTING')

    // ---- inspecting
    const assessmentOf = (code: OrgCode) =>
      p.assessment.findFirstOrThrow({ where: { roundId: round.id, orgId: fx.orgs[code] } })
    const indicators = async (code: OrgCode) => {
      const a = await assessmentOf(code)
      return Object.values(fx.schemes).find((s) => s.id === a.schemeId)!
    }
    const form = data<{ id: number }>(
      await step(
        'createFeedbackForm',
        `mutation ($r: Int!, $o: Int!) { createFeedbackForm(roundId: $r, orgId: $o, visitDate: "2026-03-10") { ${E} ... on FeedbackForm { id } } }`,
        { r: round.id, o: fx.orgs.C1 },
        insp1,
      ),
      'createFeedbackForm',
    )
    await step(
      'updateFeedbackForm',
      `mutation ($id: Int!) { updateFeedbackForm(id: $id, summary: "现场反馈") { ${E} } }`,
      { id: form.id },
      insp1,
    )
    const form2 = data<{ id: number }>(
      await step(
        'createFeedbackForm',
        `mutation ($r: Int!, $o: Int!) { createFeedbackForm(roundId: $r, orgId: $o, visitDate: "2026-03-11") { ${E} ... on FeedbackForm { id } } }`,
        { r: round.id, o: fx.orgs.C1 },
        insp1,
      ),
      'createFeedbackForm',
    )
    await step(
      'deleteFeedbackForm',
      `mutation ($id: Int!) { deleteFeedbackForm(id: $id) { ${E} } }`,
      { id: form2.id },
      insp1,
    )
    const finding = async (
      code: OrgCode,
      description: string,
      deduction: string,
      formId?: number,
    ) => {
      const a = await assessmentOf(code)
      const s = await indicators(code)
      return data<{ id: number }>(
        await step(
          'createFinding',
          `mutation ($a: Int!, $input: FindingInput!) { createFinding(assessmentId: $a, input: $input) { ${E} ... on Finding { id } } }`,
          {
            a: a.id,
            input: {
              indicatorId: s.i1,
              problemCategoryId: fx.problemCategories[0],
              description,
              checkMethod: 'DOCUMENT_REVIEW',
              deduction,
              ...(formId ? { feedbackFormId: formId } : {}),
            },
          },
          inspectorOf(code),
        ),
        'createFinding',
      ).id
    }
    const f1 = await finding('C1', '台账缺失', '2.00', form.id)
    await step(
      'updateFinding',
      `mutation ($id: Int!, $v: Int!) { updateFinding(id: $id, version: $v, input: { description: "台账缺失（已核实）" }) { ${E} } }`,
      { id: f1, v: await version('finding', f1) },
      insp1,
    )
    const gone = await finding('C1', '误录', '1.00')
    await step(
      'deleteFinding',
      `mutation ($id: Int!, $v: Int!) { deleteFinding(id: $id, version: $v) { ${E} } }`,
      { id: gone, v: await version('finding', gone) },
      insp1,
    )
    const attached = data<{ id: number }[]>(
      await step(
        'attachFindingEvidence',
        `mutation ($id: Int!, $files: [Upload!]!) { attachFindingEvidence(findingId: $id, files: $files) { ${E} ... on MutationAttachFindingEvidenceSuccess { data { id } } } }`,
        { id: f1, files: [null] },
        insp1,
        { path: 'variables.files.0', name: '佐证.pdf', bytes: PDF },
      ),
      'attachFindingEvidence',
    ).data!
    await step(
      'deleteEvidence',
      `mutation ($id: Int!) { deleteEvidence(id: $id) { ${E} } }`,
      { id: attached[0]!.id },
      insp1,
    )
    // importFindings: the inspector's template with one row for C2.
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(
      new Uint8Array(await template(`/files/template/findings.xlsx?roundId=${round.id}`, insp1))
        .buffer,
    )
    const ws = wb.getWorksheet('问题清单')!
    const headers = ((ws.getRow(1).values as unknown[]).slice(1) as string[]).map((h) =>
      String(h).replace('*', ''),
    )
    const c2 = await indicators('C2')
    const i1Code = (await p.indicator.findUniqueOrThrow({ where: { id: c2.i1 } })).code
    const pcCode = (
      await p.problemCategory.findUniqueOrThrow({ where: { id: fx.problemCategories[0] } })
    ).code
    const values: Record<string, string | number> = {
      党组织编码: 'C2',
      专业: '基层党建',
      检查日期: '2026-03-12',
      指标编码: i1Code,
      问题类别: pcCode,
      问题描述: '党费收缴不及时（导入）',
      检查方式: '查阅资料',
      扣分: 2.01,
    }
    ws.addRow(headers.map((h) => values[h] ?? null))
    await step(
      'importFindings',
      `mutation ($r: Int!, $file: Upload!) { importFindings(roundId: $r, file: $file) { ${E} ... on ImportReport { applied problems { message } } } }`,
      { r: round.id, file: null },
      insp1,
      {
        path: 'variables.file',
        name: '反馈表.xlsx',
        bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      },
    )
    const fA2 = await finding('A2', 'A2 问题', '1.00')
    const fA3 = await finding('A3', 'A3 问题', '10.00')
    const fA4 = await finding('A4', 'A4 问题', '10.00')
    // Every assessment rated and submitted; one taken back and submitted again.
    const save = async (code: OrgCode, rating: string) => {
      const a = await assessmentOf(code)
      const s = await indicators(code)
      await step(
        'saveAssessmentInputs',
        `mutation ($a: Int!, $v: Int!, $inputs: [IndicatorInputValue!]!) { saveAssessmentInputs(assessmentId: $a, version: $v, inputs: $inputs) { ${E} } }`,
        { a: a.id, v: a.version, inputs: [{ indicatorId: s.i2, ratingLevel: rating }] },
        inspectorOf(code),
      )
    }
    const submit = async (code: OrgCode) => {
      const a = await assessmentOf(code)
      await step(
        'submitAssessment',
        `mutation ($a: Int!, $v: Int!) { submitAssessment(assessmentId: $a, version: $v) { ${E} } }`,
        { a: a.id, v: a.version },
        inspectorOf(code),
      )
    }
    const ratings: Record<OrgCode, string> = {
      A1: '好',
      A2: '好',
      A3: '较好',
      A4: '好',
      B1: '好',
      B2: '较好',
      C1: '好',
      C2: '好',
      C3: '好',
    }
    for (const o of ORGS) {
      await save(o.code, ratings[o.code])
      await submit(o.code)
    }
    const reopened = await assessmentOf('B2')
    await step(
      'reopenAssessment',
      `mutation ($a: Int!, $v: Int!) { reopenAssessment(assessmentId: $a, version: $v) { ${E} } }`,
      { a: reopened.id, v: reopened.version },
      insp1,
    )
    await submit('B2')
    await transition(round.id, 'RECONCILING')

    // ---- reconciling and publishing
    await step(
      'confirmFinding',
      `mutation ($id: Int!) { confirmFinding(id: $id) { ${E} } }`,
      { id: fA2 },
      branch.A2,
    )
    await step(
      'disputeFinding',
      `mutation ($id: Int!) { disputeFinding(id: $id, reason: "材料齐全") { ${E} } }`,
      { id: fA3 },
      branch.A3,
    )
    await step(
      'disputeFinding',
      `mutation ($id: Int!) { disputeFinding(id: $id, reason: "另有说明") { ${E} } }`,
      { id: fA4 },
      branch.A4,
    )
    await step(
      'withdrawFinding',
      `mutation ($id: Int!) { withdrawFinding(id: $id, reason: "经复核材料齐全") { ${E} } }`,
      { id: fA3 },
      admin,
    )
    await step(
      'upholdFinding',
      `mutation ($id: Int!) { upholdFinding(id: $id, reason: "经复核问题属实") { ${E} } }`,
      { id: fA4 },
      admin,
    )
    await step(
      'publishRound',
      `mutation ($id: Int!) { publishRound(id: $id) { ${E} } }`,
      { id: round.id },
      admin,
    )
    await step(
      'saveNotice',
      `mutation ($r: Int!) { saveNotice(roundId: $r, input: { docNo: "审计〔2026〕1号" }) { ${E} } }`,
      { r: round.id },
      admin,
    )

    // ---- rectification: edit, submit, return, submit again, verify
    const rect = await p.rectification.findFirstOrThrow({ where: { findingId: f1 } })
    const rectVersion = () => version('rectification', rect.id)
    await step(
      'updateRectification',
      `mutation ($id: Int!, $v: Int!) { updateRectification(id: $id, version: $v, input: { measure: "补齐台账", responsiblePerson: "张三" }) { ${E} } }`,
      { id: rect.id, v: await rectVersion() },
      branch.C1,
    )
    await step(
      'submitRectification',
      `mutation ($id: Int!, $v: Int!) { submitRectification(id: $id, version: $v, note: "已补齐") { ${E} } }`,
      { id: rect.id, v: await rectVersion() },
      branch.C1,
    )
    await step(
      'returnRectification',
      `mutation ($id: Int!, $v: Int!) { returnRectification(id: $id, version: $v, reason: "缺少签字") { ${E} } }`,
      { id: rect.id, v: await rectVersion() },
      insp1,
    )
    await step(
      'submitRectification',
      `mutation ($id: Int!, $v: Int!, $files: [Upload!]) { submitRectification(id: $id, version: $v, note: "已补签", files: $files) { ${E} } }`,
      { id: rect.id, v: await rectVersion(), files: [null] },
      branch.C1,
      { path: 'variables.files.0', name: '整改.pdf', bytes: PDF },
    )
    await step(
      'verifyRectification',
      `mutation ($id: Int!, $v: Int!) { verifyRectification(id: $id, version: $v) { ${E} } }`,
      { id: rect.id, v: await rectVersion() },
      insp1,
    )

    // ---- interviews
    const taken = new Set(
      (await p.interview.findMany({ where: { roundId: round.id } })).map((i) => i.orgId),
    )
    const free = ORGS.find((o) => !taken.has(fx.orgs[o.code]))!
    const interview = data<{ id: number }>(
      await step(
        'createInterview',
        `mutation ($a: Int!, $o: Int!, $r: Int!) { createInterview(areaId: $a, orgId: $o, roundId: $r) { ${E} ... on Interview { id } } }`,
        { a: fx.areaId, o: fx.orgs[free.code], r: round.id },
        admin,
      ),
      'createInterview',
    )
    await step(
      'updateInterview',
      `mutation ($id: Int!, $v: Int!) { updateInterview(id: $id, version: $v, input: { notes: "约谈记录", interviewee: "书记" }) { ${E} } }`,
      { id: interview.id, v: await version('interview', interview.id) },
      admin,
    )
    const item = data<{ id: number }>(
      await step(
        'addInterviewItem',
        `mutation ($id: Int!) { addInterviewItem(interviewId: $id, input: { content: "整改台账" }) { ${E} ... on InterviewItem { id } } }`,
        { id: interview.id },
        admin,
      ),
      'addInterviewItem',
    )
    await step(
      'updateInterviewItem',
      `mutation ($id: Int!) { updateInterviewItem(id: $id, content: "整改台账管理") { ${E} } }`,
      { id: item.id },
      admin,
    )
    await step(
      'removeInterviewItem',
      `mutation ($id: Int!) { removeInterviewItem(id: $id) { ${E} } }`,
      { id: item.id },
      admin,
    )

    // ---- annual roll-up
    await step(
      'setAnnualComponentScore',
      `mutation ($o: Int!) { setAnnualComponentScore(year: ${YEAR}, orgId: $o, code: "REPORT", points: "90") { ${E} } }`,
      { o: fx.orgs.A1 },
      admin,
    )
    await step(
      'computeAnnualResults',
      `mutation { computeAnnualResults(year: ${YEAR}) { ${E} } }`,
      {},
      admin,
    )

    // ---- the next round: look-back, then the first round closes; a round that never started goes
    const next = data<{ id: number }>(
      await step(
        'createRound',
        `mutation ($a: Int!) { createRound(input: { year: ${YEAR}, quarter: 2, areaIds: [$a] }) { ${E} ... on InspectionRound { id } } }`,
        { a: fx.areaId },
        admin,
      ),
      'createRound',
    )
    const nextTeam = data<{ id: number }>(
      await step(
        'createTeam',
        `mutation ($r: Int!) { createTeam(roundId: $r, name: "回头看组") { ${E} ... on InspectionTeam { id } } }`,
        { r: next.id },
        admin,
      ),
      'createTeam',
    )
    await member(nextTeam.id, fx.insp2.userId, true)
    for (const o of ORGS) {
      await step(
        'assignTeam',
        `mutation ($r: Int!, $t: Int!, $o: Int!) { assignTeam(roundId: $r, teamId: $t, orgId: $o) { ${E} } }`,
        { r: next.id, t: nextTeam.id, o: fx.orgs[o.code] },
        admin,
      )
    }
    await transition(next.id, 'INSPECTING')
    const open = await p.rectification.findMany({
      where: { roundId: round.id, status: { not: 'CLOSED' } },
      orderBy: { id: 'asc' },
    })
    expect(open.length).toBeGreaterThanOrEqual(2)
    const [verifyMe, ...carry] = open
    await step(
      'lookBackVerify',
      `mutation ($id: Int!, $r: Int!, $v: Int!) { lookBackVerify(id: $id, roundId: $r, version: $v) { ${E} } }`,
      { id: verifyMe!.id, r: next.id, v: verifyMe!.version },
      insp2,
    )
    for (const r of carry) {
      await step(
        'carryOverRectification',
        `mutation ($id: Int!, $r: Int!, $v: Int!) { carryOverRectification(id: $id, roundId: $r, version: $v, note: "尚未完成", newDeadline: "2026-06-30") { ${E} } }`,
        { id: r.id, r: next.id, v: r.version },
        insp2,
      )
    }
    await transition(round.id, 'CLOSED')
    const doomed = data<{ id: number }>(
      await step(
        'createRound',
        `mutation ($a: Int!) { createRound(input: { year: ${YEAR}, quarter: 3, areaIds: [$a] }) { ${E} ... on InspectionRound { id } } }`,
        { a: fx.areaId },
        admin,
      ),
      'createRound',
    )
    await step(
      'deleteRound',
      `mutation ($id: Int!) { deleteRound(id: $id) { ${E} } }`,
      { id: doomed.id },
      admin,
    )

    // ---- every mutation covered
    const fields = Object.keys(schema.getMutationType()!.getFields()).sort()
    const missing = fields.filter((f) => !audited.has(f) && !EXEMPT[f])
    const staleExemptions = Object.keys(EXEMPT).filter((f) => !fields.includes(f))
    reportFigures('audit coverage', {
      mutations: fields.length,
      audited: audited.size,
      exempt: Object.keys(EXEMPT).length,
      successfulCalls: calls.length,
      auditEntries: [...audited.values()].reduce((a, b) => a + b, 0),
    })
    expect({ missing, staleExemptions }).toEqual({ missing: [], staleExemptions: [] })
  },
)
