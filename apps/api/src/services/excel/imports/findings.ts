import { required } from '@redblue/scoring'
import type { CheckMethod, Prisma } from '@redblue/db'
import type { Actor } from '../../../access'
import type { Db } from '../../../context'
import { ForbiddenError, NotFoundError } from '../../../errors'
import { createFeedbackForm } from '../../workflow/feedback-forms'
import { createFinding, FINDING_DESCRIPTION_MAX_CHARS } from '../../workflow/findings'
import { loadWorkbook, parseSheet, ProblemList, reader } from '../read'
import { CHECK_METHOD_LABELS, FINDING_SHEET } from '../specs'
import { auditImport, emptyReport, type ImportFile, type ImportReport } from './common'

/**
 * Findings typed up from the paper feedback forms (现场反馈表) into an INSPECTING round. Every
 * row is checked against what the workflow would check — the org is assigned to the importer's
 * team (R12), its assessment is not submitted, the indicator belongs to the scheme the org is
 * scored with and is not a bonus item, the category is active, the deduction fits the indicator
 * — and only then are the feedback forms and findings created, through the workflow services
 * (which check again and audit each record), in the import's one transaction.
 */

interface FindingPlan {
  row: number
  orgId: number
  assessmentId: number
  indicatorId: number
  problemCategoryId: number
  description: string
  checkMethod: CheckMethod
  deduction: Prisma.Decimal
  visitDate: Date
  formId: number | null
}

export async function importFindings(
  tx: Db,
  actor: Actor,
  file: ImportFile,
  options: { roundId: number; dryRun: boolean },
): Promise<ImportReport> {
  if (actor.role !== 'ADMIN' && actor.role !== 'INSPECTOR') throw new ForbiddenError('仅检查组成员和管理员可以导入问题')
  const report = emptyReport('findings', file, options.dryRun)
  const round = await tx.inspectionRound.findUnique({
    where: { id: options.roundId },
    include: { areas: { include: { area: true } } },
  })
  if (!round) throw new NotFoundError('InspectionRound', options.roundId, '检查轮次不存在')
  const problems = new ProblemList()
  if (round.status !== 'INSPECTING') {
    problems.file(`“${round.name}”不在检查阶段，不能导入问题`)
    return { ...report, problems: problems.items }
  }
  const wb = await loadWorkbook(file.bytes, problems)
  if (!wb) return { ...report, problems: problems.items }
  const sheet = parseSheet(wb, FINDING_SHEET, problems, { required: true, allowOnlySheet: true })
  report.rowCount = sheet.rows.length
  report.sheets = [sheet]
  if (!problems.length && sheet.rows.length === 0) problems.file('“问题清单”工作表中没有数据行', FINDING_SHEET.name)

  const [orgs, assignments, myAssignments, assessments, categories, forms, recorded] = await Promise.all([
    tx.organization.findMany({ select: { id: true, code: true, name: true } }),
    tx.teamAssignment.findMany({ where: { roundId: round.id }, select: { orgId: true } }),
    actor.role === 'ADMIN'
      ? Promise.resolve(null)
      : tx.teamAssignment.findMany({
          where: { roundId: round.id, team: { members: { some: { userId: actor.userId } } } },
          select: { orgId: true },
        }),
    tx.assessment.findMany({
      where: { roundId: round.id },
      select: { id: true, orgId: true, areaId: true, schemeId: true, status: true },
    }),
    tx.problemCategory.findMany(),
    tx.feedbackForm.findMany({ where: { roundId: round.id }, select: { id: true, formNo: true, orgId: true } }),
    tx.finding.findMany({
      where: { roundId: round.id, reconciliationStatus: { not: 'WITHDRAWN' } },
      select: { assessmentId: true, indicatorId: true, problemCategoryId: true, description: true },
    }),
  ])
  // The same problem (assessment, indicator, category, description) twice is a typing or
  // re-upload mistake: uploading one file twice created every finding twice.
  const findingKey = (f: { assessmentId: number; indicatorId: number; problemCategoryId: number; description: string }) =>
    JSON.stringify([f.assessmentId, f.indicatorId, f.problemCategoryId, f.description.trim()])
  const alreadyRecorded = new Set(recorded.map(findingKey))
  const rowOfKey = new Map<string, number>()
  const schemeIds = [...new Set(assessments.map((a) => a.schemeId))]
  const indicators = await tx.indicator.findMany({
    where: { schemeId: { in: schemeIds } },
    select: { id: true, schemeId: true, code: true, method: true, maxPoints: true, defaultDeduction: true },
  })
  const orgByCode = new Map(orgs.map((o) => [o.code, o]))
  const assigned = new Set(assignments.map((a) => a.orgId))
  const mine = myAssignments ? new Set(myAssignments.map((a) => a.orgId)) : null
  const areas = round.areas.map((a) => a.area)
  const areaByKey = new Map<string, (typeof areas)[number]>()
  for (const a of areas) {
    areaByKey.set(a.name, a)
    areaByKey.set(a.code.toLowerCase(), a)
  }
  const categoryByKey = new Map<string, (typeof categories)[number]>()
  for (const c of categories) {
    categoryByKey.set(c.code.toLowerCase(), c)
    categoryByKey.set(c.name, c)
  }
  const formByNo = new Map(forms.map((f) => [f.formNo, f]))

  const plans: FindingPlan[] = []
  for (const row of sheet.rows) {
    const r = reader(sheet, row, problems)
    const n = problems.length
    const orgCode = r.text('orgCode', { required: true, max: 50 })
    const areaText = r.text('area', { max: 50 })
    const visitDate = r.date('visitDate', { required: true })
    const formNo = r.text('formNo', { max: 50 })
    const indicatorCode = r.text('indicatorCode', { required: true, max: 50 })
    const categoryText = r.text('problemCategory', { required: true, max: 100 })
    const description = r.text('description', { required: true, max: FINDING_DESCRIPTION_MAX_CHARS })
    const checkMethod = r.choice<CheckMethod>('checkMethod', CHECK_METHOD_LABELS, { required: true })

    const org = orgCode ? orgByCode.get(orgCode) : undefined
    // Only an org the importer may inspect is looked at further (its assessment, its scheme).
    let orgUsable = false
    if (orgCode && !org) r.problem('orgCode', `党组织编码“${orgCode}”不存在`)
    else if (org && !assigned.has(org.id)) r.problem('orgCode', `“${org.name}”未分配检查组，不在本轮检查范围内`)
    else if (org && mine && !mine.has(org.id)) r.problem('orgCode', `“${org.name}”未分配给您所在的检查组`)
    else orgUsable = !!org

    let area = areas.length === 1 ? areas[0] : undefined
    if (areaText) {
      area = areaByKey.get(areaText) ?? areaByKey.get(areaText.toLowerCase())
      if (!area) r.problem('area', `本轮检查没有专业“${areaText}”，应为 ${areas.map((a) => a.name).join('、')} 之一`)
    } else if (areas.length > 1) {
      r.problem('area', `本轮检查包含多个专业，请填写专业（${areas.map((a) => a.name).join('、')}）`)
    }

    const assessment = orgUsable && org && area ? assessments.find((a) => a.orgId === org.id && a.areaId === area.id) : undefined
    if (orgUsable && org && area && !assessment) r.problem('orgCode', `“${org.name}”在本轮没有${area.name}评分记录`)
    if (org && assessment?.status === 'SUBMITTED') r.problem('orgCode', `“${org.name}”的评分已提交，请先撤回提交再导入问题`)

    const indicator =
      assessment && indicatorCode
        ? indicators.find((i) => i.schemeId === assessment.schemeId && i.code === indicatorCode)
        : undefined
    if (assessment && indicatorCode && !indicator) {
      r.problem('indicatorCode', `指标“${indicatorCode}”不在该党组织使用的考核方案中`)
    } else if (indicator?.method === 'BONUS') {
      r.problem('indicatorCode', `“${indicatorCode}”是加分项，不能记录问题扣分`)
    }

    const category = categoryText ? (categoryByKey.get(categoryText.toLowerCase()) ?? categoryByKey.get(categoryText)) : undefined
    if (categoryText && !category) r.problem('problemCategory', `问题类别“${categoryText}”不存在`)
    else if (category && !category.active) r.problem('problemCategory', `问题类别“${category.name}”已停用`)

    let deduction: Prisma.Decimal | null | undefined = null
    if (indicator && indicator.method !== 'BONUS') {
      deduction = r.decimal('deduction', { max: indicator.maxPoints })
      if (deduction === null) {
        deduction = indicator.defaultDeduction
        if (!deduction) r.problem('deduction', `指标“${indicator.code}”没有默认扣分，请填写扣分`)
      }
    } else {
      r.decimal('deduction')
    }

    let formId: number | null = null
    if (formNo) {
      const form = formByNo.get(formNo)
      if (!form) r.problem('formNo', `本轮没有编号为“${formNo}”的反馈表`)
      else if (org && form.orgId !== org.id) r.problem('formNo', `反馈表“${formNo}”不属于该党组织`)
      else formId = form.id
    }
    if (problems.length === n) {
      const key = findingKey({
        assessmentId: required(assessment, 'assessment of a finding row').id,
        indicatorId: required(indicator, 'indicator of a finding row').id,
        problemCategoryId: required(category, 'problem category of a finding row').id,
        description: required(description, 'description of a finding row'),
      })
      const earlier = rowOfKey.get(key)
      if (earlier !== undefined) r.problem('description', `与第 ${earlier} 行是同一问题（党组织、指标、问题类别和描述相同）`)
      else if (alreadyRecorded.has(key)) r.problem('description', '本轮已记录了相同的问题（党组织、指标、问题类别和描述相同），请勿重复导入')
      else rowOfKey.set(key, row.row)
    }
    if (problems.length > n) continue
    plans.push({
      row: row.row,
      orgId: required(org, 'org of a finding row').id,
      assessmentId: required(assessment, 'assessment of a finding row').id,
      indicatorId: required(indicator, 'indicator of a finding row').id,
      problemCategoryId: required(category, 'problem category of a finding row').id,
      description: required(description, 'description of a finding row'),
      checkMethod: required(checkMethod, 'check method of a finding row'),
      deduction: required(deduction, 'deduction of a finding row'),
      visitDate: required(visitDate, 'visit date of a finding row'),
      formId,
    })
  }
  if (problems.length) return { ...report, problems: problems.items }

  // One new feedback form per (org, visit date) among rows without a form number.
  const newForms = new Map<string, number>()
  const createdForms: string[] = []
  const findingIds: number[] = []
  for (const plan of plans) {
    let formId = plan.formId
    if (formId === null) {
      const key = `${plan.orgId}|${plan.visitDate.toISOString().slice(0, 10)}`
      formId = newForms.get(key) ?? null
      if (formId === null) {
        const form = await createFeedbackForm(tx, actor, {
          roundId: round.id,
          orgId: plan.orgId,
          visitDate: plan.visitDate,
          summary: `由 Excel 导入（${file.name}）`,
        })
        formId = form.id
        newForms.set(key, form.id)
        createdForms.push(form.formNo)
      }
    }
    const finding = await createFinding(tx, actor, {
      assessmentId: plan.assessmentId,
      indicatorId: plan.indicatorId,
      problemCategoryId: plan.problemCategoryId,
      description: plan.description,
      checkMethod: plan.checkMethod,
      deduction: plan.deduction,
      feedbackFormId: formId,
    })
    findingIds.push(finding.id)
  }
  await auditImport(tx, actor, {
    action: 'finding.import',
    entityType: 'InspectionRound',
    entityId: round.id,
    file,
    after: { feedbackFormsCreated: createdForms, findingIds },
  })
  return {
    ...report,
    created: findingIds.length,
    summary: `导入问题 ${findingIds.length} 条，新建现场反馈表 ${createdForms.length} 份`,
  }
}
