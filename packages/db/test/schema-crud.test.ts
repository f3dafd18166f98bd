/**
 * The migrations and schema.prisma agree: on a freshly migrated database every model can be
 * created, read, updated and deleted through the generated client (a column or constraint the SQL
 * lacks, or a type it gets wrong, fails here).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Decimal, Prisma } from '../src/index'
import { STORED_DEFAULT_RULE_SET, createTestDb, type TestDb } from '../src/testing'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

interface Delegate {
  findUniqueOrThrow(args: { where: object }): Promise<Record<string, unknown>>
  update(args: { where: object; data: object }): Promise<Record<string, unknown>>
  delete(args: { where: object }): Promise<unknown>
  count(): Promise<number>
}

interface Row {
  model: Prisma.ModelName
  where: object
  update: Record<string, unknown>
  /** The key after the update, when the update changes it. */
  whereAfter?: object
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)

async function createOneOfEach(): Promise<{
  rows: Row[]
  created: { model: Prisma.ModelName; where: object }[]
}> {
  const p = db.prisma
  const rows: Row[] = []
  const created: { model: Prisma.ModelName; where: object }[] = []
  const also = (model: Prisma.ModelName, where: object) => created.push({ model, where })
  const add = (
    model: Prisma.ModelName,
    where: object,
    update: Record<string, unknown>,
    whereAfter?: object,
  ) => {
    rows.push({ model, where, update, whereAfter })
    created.push({ model, where: whereAfter ?? where })
  }

  const root = await p.organization.create({
    data: { code: 'ROOT', name: '公司党委', unitType: 'HEADQUARTERS', assessed: false },
  })
  also('Organization', { id: root.id })
  const org = await p.organization.create({
    data: {
      code: 'B01',
      name: '第一党支部',
      shortName: '一支部',
      unitType: 'GRASSROOTS',
      parentId: root.id,
    },
  })
  add('Organization', { id: org.id }, { name: '第一党支部（改）' })
  const oca = await p.orgCategoryAssignment.create({
    data: { orgId: org.id, year: 2026, category: 'II' },
  })
  add('OrgCategoryAssignment', { id: oca.id }, { category: 'III' })
  const area = await p.area.create({ data: { code: 'PB', name: '基层党建' } })
  add('Area', { id: area.id }, { sortOrder: 2 })
  const user = await p.user.create({
    data: {
      username: 'u1',
      displayName: '用户一',
      role: 'BRANCH',
      orgId: org.id,
      passwordHash: 'x',
    },
  })
  add('User', { id: user.id }, { active: false })
  const scheme = await p.scheme.create({
    data: {
      year: 2026,
      areaId: area.id,
      category: 'II',
      name: '方案',
      bonusCap: '5.00',
      publishedById: user.id,
    },
  })
  also('Scheme', { id: scheme.id })
  const scheme2 = await p.scheme.create({
    data: {
      year: 2026,
      areaId: area.id,
      category: 'II',
      revision: 2,
      name: '方案 v2',
      bonusCap: '5.00',
      previousRevisionId: scheme.id,
      clonedFromId: scheme.id,
    },
  })
  add('Scheme', { id: scheme2.id }, { status: 'PUBLISHED', bonusCap: new Decimal('6.5') })
  const dimension = await p.dimension.create({
    data: { schemeId: scheme.id, code: 'D1', name: '组织建设', maxPoints: '20.00' },
  })
  add('Dimension', { id: dimension.id }, { maxPoints: '19.50' })
  const shared = await p.sharedIndicator.create({
    data: {
      year: 2026,
      areaId: area.id,
      code: 'S1',
      name: '组织生活',
      evaluationStandard: '按期开展',
      method: 'RATING',
      ratingLevels: [{ label: '好', percent: '100' }],
    },
  })
  add('SharedIndicator', { id: shared.id }, { ratingLevels: Prisma.DbNull })
  const indicator = await p.indicator.create({
    data: {
      schemeId: scheme.id,
      dimensionId: dimension.id,
      sharedIndicatorId: shared.id,
      code: 'I1',
      name: '三会一课',
      method: 'QUANTITY',
      maxPoints: '10.00',
      target: '12.00',
      targetUnit: '次',
      defaultDeduction: '0.50',
      unitTypeRestriction: 'GRASSROOTS',
    },
  })
  add('Indicator', { id: indicator.id }, { target: '1234567890.12' })
  const ruleSet = await p.ruleSet.create({ data: { year: 2026 } })
  add('RuleSet', { id: ruleSet.id }, { redCategories: ['I'], quarterlyWeight: '0.3500' })
  const session = await p.session.create({
    data: { id: 'sha256-of-token', userId: user.id, expiresAt: new Date('2026-12-01T00:00:00Z') },
  })
  add('Session', { id: session.id }, { revokedAt: new Date() })
  const attempt = await p.loginAttempt.create({
    data: { username: 'u1', ip: '127.0.0.1', success: false },
  })
  add('LoginAttempt', { id: attempt.id }, { success: true })
  const previous = await p.inspectionRound.create({
    data: { year: 2026, quarter: 2, name: '2026年第二季度' },
  })
  also('InspectionRound', { id: previous.id })
  const round = await p.inspectionRound.create({
    data: {
      year: 2026,
      quarter: 3,
      name: '2026年第三季度',
      previousRoundId: previous.id,
      inspectionStart: day('2026-09-01'),
    },
  })
  add('InspectionRound', { id: round.id }, { status: 'INSPECTING' })
  await p.roundArea.create({ data: { roundId: round.id, areaId: area.id } })
  const area2 = await p.area.create({ data: { code: 'IN', name: '党风廉政' } })
  also('Area', { id: area2.id })
  add(
    'RoundArea',
    { roundId_areaId: { roundId: round.id, areaId: area.id } },
    { areaId: area2.id },
    {
      roundId_areaId: { roundId: round.id, areaId: area2.id },
    },
  )
  const change = await p.roundStatusChange.create({
    data: { roundId: round.id, toStatus: 'PLANNING', actorId: user.id },
  })
  add('RoundStatusChange', { id: change.id }, { note: '开始' })
  const team = await p.inspectionTeam.create({ data: { roundId: round.id, name: '第一检查组' } })
  add('InspectionTeam', { id: team.id }, { name: '第一组' })
  const member = await p.teamMember.create({ data: { teamId: team.id, userId: user.id } })
  add('TeamMember', { id: member.id }, { isLeader: true })
  const training = await p.trainingRecord.create({
    data: { teamId: team.id, date: day('2026-08-30'), topic: '检查标准培训', hours: '2.50' },
  })
  add('TrainingRecord', { id: training.id }, { trainer: '党建部' })
  const teamAssignment = await p.teamAssignment.create({
    data: { roundId: round.id, teamId: team.id, orgId: org.id },
  })
  add('TeamAssignment', { id: teamAssignment.id }, { orgId: root.id })
  const assessment = await p.assessment.create({
    data: {
      roundId: round.id,
      orgId: org.id,
      areaId: area.id,
      schemeId: scheme.id,
      category: 'II',
      unitType: 'GRASSROOTS',
      updatedById: user.id,
    },
  })
  add(
    'Assessment',
    { id: assessment.id },
    { totalScore: '97.99', rank: 1, listMark: 'RED', version: { increment: 1 } },
  )
  const input = await p.indicatorInput.create({
    data: { assessmentId: assessment.id, indicatorId: indicator.id, quantityValue: '11.00' },
  })
  add('IndicatorInput', { id: input.id }, { bonusPoints: '1.50', version: { increment: 1 } })
  await p.assessmentIndicatorPoints.create({
    data: {
      assessmentId: assessment.id,
      points: { [String(indicator.id)]: '9.17' },
      dimensions: [{ d: dimension.id, p: '18.00', l: '2.00' }],
    },
  })
  add(
    'AssessmentIndicatorPoints',
    { assessmentId: assessment.id },
    {
      points: { [String(indicator.id)]: '9.50' },
      dimensions: [{ d: dimension.id, p: '17.50', l: '2.50' }],
    },
  )
  const category = await p.problemCategory.create({ data: { code: 'P01', name: '三会一课不规范' } })
  add('ProblemCategory', { id: category.id }, { active: false })
  const form = await p.feedbackForm.create({
    data: {
      roundId: round.id,
      orgId: org.id,
      teamId: team.id,
      formNo: 'F-1',
      visitDate: day('2026-09-02'),
      createdById: user.id,
    },
  })
  add('FeedbackForm', { id: form.id }, { summary: '总体较好' })
  const finding = await p.finding.create({
    data: {
      roundId: round.id,
      orgId: org.id,
      areaId: area.id,
      assessmentId: assessment.id,
      indicatorId: indicator.id,
      problemCategoryId: category.id,
      feedbackFormId: form.id,
      description: '支部委员会会议记录不完整',
      checkMethod: 'DOCUMENT_REVIEW',
      deduction: '0.50',
      createdById: user.id,
    },
  })
  add('Finding', { id: finding.id }, { reconciliationStatus: 'DISPUTED' })
  const reconciliation = await p.reconciliationRecord.create({
    data: { findingId: finding.id, action: 'DISPUTE', reason: '已补记录', actorId: user.id },
  })
  add('ReconciliationRecord', { id: reconciliation.id }, { reason: '理由' })
  const rectification = await p.rectification.create({
    data: {
      source: 'FINDING',
      findingId: finding.id,
      orgId: org.id,
      roundId: round.id,
      problemCategoryId: category.id,
      title: '补全会议记录',
      deadline: day('2026-10-31'),
    },
  })
  add('Rectification', { id: rectification.id }, { status: 'CLOSED', closedAt: new Date() })
  const event = await p.rectificationEvent.create({
    data: {
      rectificationId: rectification.id,
      type: 'CREATED',
      roundId: round.id,
      actorId: user.id,
    },
  })
  add('RectificationEvent', { id: event.id }, { note: '已创建' })
  const evidence = await p.evidenceFile.create({
    data: {
      findingId: finding.id,
      rectificationEventId: event.id,
      originalName: '记录.pdf',
      storedName: 'abc.pdf',
      mimeType: 'application/pdf',
      size: 1024,
      sha256: 'f'.repeat(64),
      uploadedById: user.id,
    },
  })
  add('EvidenceFile', { id: evidence.id }, { size: 2048 })
  const interview = await p.interview.create({
    data: { roundId: round.id, orgId: org.id, areaId: area.id },
  })
  add('Interview', { id: interview.id }, { date: day('2026-10-10'), interviewer: '党委书记' })
  const item = await p.interviewItem.create({
    data: { interviewId: interview.id, content: '加强学习' },
  })
  add('InterviewItem', { id: item.id }, { sortOrder: 1 })
  const fromInterview = await p.rectification.create({
    data: {
      source: 'INTERVIEW',
      interviewItemId: item.id,
      orgId: org.id,
      roundId: round.id,
      title: '加强学习',
      deadline: day('2026-11-30'),
    },
  })
  also('Rectification', { id: fromInterview.id })
  // The insert trigger copies the area and org category of the item's assessment.
  for (const item of [rectification, fromInterview]) {
    expect([item.areaId, item.category]).toEqual([area.id, assessment.category])
  }
  const adjustment = await p.performanceAdjustment.create({
    data: {
      roundId: round.id,
      orgId: org.id,
      areaId: area.id,
      category: 'II',
      reason: 'RED_LIST',
      points: '1.50',
      month: '2026-10',
    },
  })
  add('PerformanceAdjustment', { id: adjustment.id }, { points: '-1.50' })
  const component = await p.annualComponentScore.create({
    data: { year: 2026, orgId: org.id, code: 'REPORT', points: '28.00' },
  })
  add('AnnualComponentScore', { id: component.id }, { points: '29.00' })
  const annual = await p.annualResult.create({
    data: {
      year: 2026,
      orgId: org.id,
      quarterlyMean: '98.50',
      quarterlyComponent: '39.40',
      componentsTotal: '55.00',
      total: '94.40',
    },
  })
  add('AnnualResult', { id: annual.id }, { total: '94.41' })
  await p.roundRuleSet.create({
    data: {
      roundId: round.id,
      sourceYear: 2026,
      ...STORED_DEFAULT_RULE_SET,
    },
  })
  add('RoundRuleSet', { roundId: round.id }, { baseThreshold: '98.50' })
  await p.roundInsight.create({
    data: { roundId: round.id, areaId: area.id, items: [], thresholds: {}, computedAt: new Date() },
  })
  add(
    'RoundInsight',
    { roundId_areaId: { roundId: round.id, areaId: area.id } },
    { items: [{ kind: 'PROBLEM_CONCENTRATION' }] },
  )
  await p.roundSummary.create({ data: { roundId: round.id, feedbackForms: 1 } })
  add('RoundSummary', { roundId: round.id }, { feedbackForms: 2 })
  await p.roundAreaSummary.create({
    data: { roundId: round.id, areaId: area.id, feedbackForms: 1 },
  })
  add(
    'RoundAreaSummary',
    { roundId_areaId: { roundId: round.id, areaId: area.id } },
    { feedbackForms: 2 },
  )
  const summaryKey = { roundId: round.id, areaId: area.id, category: assessment.category }
  await p.roundDimensionSummary.create({
    data: {
      ...summaryKey,
      dimensionId: dimension.id,
      assessments: 1,
      points: '18.00',
      lost: '2.00',
    },
  })
  add(
    'RoundDimensionSummary',
    { roundId_areaId_category_dimensionId: { ...summaryKey, dimensionId: dimension.id } },
    { points: '17.50' },
  )
  await p.roundProblemSummary.create({
    data: { ...summaryKey, problemCategoryId: category.id, findings: 1, standingFindings: 0 },
  })
  add(
    'RoundProblemSummary',
    {
      roundId_areaId_category_problemCategoryId: { ...summaryKey, problemCategoryId: category.id },
    },
    { standingFindings: 1 },
  )
  const notice = await p.notice.create({
    data: {
      roundId: round.id,
      docNo: '党委〔2026〕1号',
      title: '通报',
      issuedBy: '公司党委',
      issuedAt: new Date(),
    },
  })
  add('Notice', { id: notice.id }, { title: '关于第三季度检查情况的通报' })
  const audit = await p.auditLog.create({
    data: {
      actorId: user.id,
      action: 'update',
      entityType: 'Finding',
      entityId: String(finding.id),
      before: { a: 1 },
      after: { a: 2 },
    },
  })
  add('AuditLog', { id: audit.id }, { ip: '10.0.0.1' })
  return { rows, created }
}

const delegate = (model: Prisma.ModelName) =>
  (db.prisma as unknown as Record<string, Delegate>)[
    model.charAt(0).toLowerCase() + model.slice(1)
  ]!

function plain(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return value.toString()
  if (value instanceof Date) return value.toISOString()
  return value
}

test('every model can be created, read, updated and deleted', async () => {
  const { rows, created } = await createOneOfEach()
  expect(rows.map((r) => r.model).sort()).toEqual(Object.values(Prisma.ModelName).sort())

  for (const { model, where, update } of rows) {
    const found = await delegate(model).findUniqueOrThrow({ where })
    expect(found, model).toBeTruthy()
    const updated = await delegate(model).update({ where, data: update })
    for (const [field, value] of Object.entries(update)) {
      if (value && typeof value === 'object' && 'increment' in value) {
        expect(updated[field], `${model}.${field}`).toBe(2)
      } else if (value === Prisma.DbNull) {
        expect(updated[field], `${model}.${field}`).toBeNull()
      } else if (typeof value === 'string' && /^-?\d+\.\d+$/.test(value)) {
        expect(new Decimal(updated[field] as Decimal).equals(value), `${model}.${field}`).toBe(true)
      } else {
        expect(plain(updated[field]), `${model}.${field}`).toEqual(plain(value))
      }
    }
  }

  // Delete dependants first; the restrictions of the foreign keys must allow it. A row a cascade
  // already removed is skipped.
  for (const { model, where: key } of [...created].reverse()) {
    const exists = await delegate(model)
      .findUniqueOrThrow({ where: key })
      .then(
        () => true,
        () => false,
      )
    if (exists) await delegate(model).delete({ where: key })
    await expect(delegate(model).findUniqueOrThrow({ where: key }), model).rejects.toThrow()
  }
})

test('decimals round-trip exactly and compare exactly', async () => {
  await db.reset()
  const area = await db.prisma.area.create({ data: { code: 'PB', name: '基层党建' } })
  const scheme = await db.prisma.scheme.create({
    data: { year: 2026, areaId: area.id, category: 'I', name: 'x', bonusCap: '97.99' },
  })
  const read = await db.prisma.scheme.findUniqueOrThrow({ where: { id: scheme.id } })
  expect(read.bonusCap).toBeInstanceOf(Decimal)
  expect(read.bonusCap.toFixed(2)).toBe('97.99')
  expect(read.bonusCap.lessThan('98.00')).toBe(true)
})

test('the view "AssessmentDimensionScore" expands the frozen subtotals into exact rows', async () => {
  await db.reset()
  const p = db.prisma
  const area = await p.area.create({ data: { code: 'PB', name: '基层党建' } })
  const org = await p.organization.create({
    data: { code: 'B01', name: '第一党支部', unitType: 'GRASSROOTS' },
  })
  const scheme = await p.scheme.create({
    data: { year: 2026, areaId: area.id, category: 'II', name: '方案', bonusCap: '5.00' },
  })
  const round = await p.inspectionRound.create({
    data: { year: 2026, quarter: 3, name: '2026年第三季度' },
  })
  const assessment = (orgId: number) =>
    p.assessment.create({
      data: {
        roundId: round.id,
        orgId,
        areaId: area.id,
        schemeId: scheme.id,
        category: 'II',
        unitType: 'GRASSROOTS',
      },
    })
  const a1 = await assessment(org.id)
  const org2 = await p.organization.create({
    data: { code: 'B02', name: '第二党支部', unitType: 'GRASSROOTS' },
  })
  const a2 = await assessment(org2.id)
  await p.assessmentIndicatorPoints.create({
    data: {
      assessmentId: a1.id,
      points: {},
      dimensions: [
        { d: 12, p: '14.50', l: '0.50' },
        { d: 11, p: '0.00', l: '15.00' },
      ],
    },
  })
  await p.assessmentIndicatorPoints.create({
    data: { assessmentId: a2.id, points: {}, dimensions: [] },
  })
  const rows = await p.$queryRaw<
    { assessmentId: number; dimensionId: number; points: Decimal; lost: Decimal; type: string }[]
  >`SELECT s.*, pg_typeof(s."points")::text AS "type" FROM "AssessmentDimensionScore" s ORDER BY s."dimensionId"`
  expect(
    rows.map((r) => [r.assessmentId, r.dimensionId, r.points.toFixed(2), r.lost.toFixed(2)]),
  ).toEqual([
    [a1.id, 11, '0.00', '15.00'],
    [a1.id, 12, '14.50', '0.50'],
  ])
  expect(rows[0]!.type).toBe('numeric')
  // Sums are exact decimals, as they were over the table.
  const [sum] = await p.$queryRaw<{ points: string }[]>`
    SELECT sum("points")::text AS "points" FROM "AssessmentDimensionScore" WHERE "assessmentId" = ${a1.id}`
  expect(sum!.points).toBe('14.50')
})
