import { ratingLevelsOf } from '@redblue/db'
import { chinaDate } from '@redblue/scoring'
import type ExcelJS from 'exceljs'
import type { Actor } from '../../access'
import type { Db } from '../../context'
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors'
import { CATEGORY_LABELS } from '../board'
import type { SheetSpec } from './read'
import { addTableSheet, newWorkbook, type Column } from './sheet'
import {
  DIMENSION_SHEET,
  FINDING_SHEET,
  INDICATOR_SHEET,
  LISTS,
  METHOD_NAMES,
  ORG_SHEET,
  PROBLEM_CATEGORY_SHEET,
} from './specs'

/**
 * Downloadable import templates. Where there is something to edit they come pre-filled (the
 * current orgs and problem categories, the draft scheme's dimensions and indicators), so a
 * round trip "download, edit, upload" is the normal way to make bulk changes. Reference sheets
 * (参考-…) list the codes a user may type; a 填写说明 sheet explains every column.
 *
 *   orgs        ADMIN       ?year=2026         党组织 + 问题类别
 *   indicators  ADMIN       ?schemeId=…        维度 + 指标 of a DRAFT scheme
 *   findings    ADMIN, INSPECTOR ?roundId=…    问题清单 for an INSPECTING round
 */

export const TEMPLATE_KINDS = ['orgs', 'indicators', 'findings'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]

export interface TemplateParams {
  schemeId?: number | null
  roundId?: number | null
  year?: number | null
}

const TEMPLATE_ROWS = 500

type Values = Record<string, string | number | null>

/** A template sheet: headers from the spec (required ones marked *), optional rows, lists. */
function specSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  rows: Values[],
  lists: Record<string, readonly string[]> = {},
): ExcelJS.Worksheet {
  const columns: Column<Values>[] = spec.fields.map((f) => ({
    header: f.required ? `${f.header}*` : f.header,
    width: f.width ?? 12,
    value: (row) => row[f.key] ?? null,
    wrap: (f.width ?? 12) >= 30,
  }))
  const ws = addTableSheet(wb, spec.name, columns, rows, { autoFilter: false })
  const validations = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations
  spec.fields.forEach((f, i) => {
    const list = lists[f.key]
    if (!list) return
    const letter = ws.getColumn(i + 1).letter
    validations.add(`${letter}2:${letter}${Math.max(TEMPLATE_ROWS, rows.length + 100)}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '请选择',
      error: `请从列表中选择：${list.join('、')}`,
    })
  })
  // Codes are text: keep Excel from turning "001" into 1.
  spec.fields.forEach((f, i) => {
    if (/code|Code|formNo/.test(f.key)) ws.getColumn(i + 1).numFmt = '@'
  })
  return ws
}

function instructions(wb: ExcelJS.Workbook, title: string, specs: SheetSpec[], notes: string[]) {
  const rows = specs.flatMap((spec) =>
    spec.fields.map((f) => ({ sheet: spec.name, header: f.header, required: f.required ? '是' : '', note: f.note ?? '' })),
  )
  type Row = (typeof rows)[number]
  const ws = addTableSheet<Row>(
    wb,
    '填写说明',
    [
      { header: '工作表', width: 12, value: (r) => r.sheet },
      { header: '列', width: 16, value: (r) => r.header },
      { header: '必填', width: 7, value: (r) => r.required },
      { header: '说明', width: 70, value: (r) => r.note, wrap: true },
    ],
    rows,
    { autoFilter: false },
  )
  ws.addRow([])
  ws.addRow([title]).font = { bold: true }
  for (const note of notes) ws.addRow([note])
}

async function orgsTemplate(db: Db, year: number): Promise<ExcelJS.Workbook> {
  const [orgs, categories, problemCategories] = await Promise.all([
    db.organization.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }], include: { parent: { select: { code: true } } } }),
    db.orgCategoryAssignment.findMany({ where: { year } }),
    db.problemCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }),
  ])
  const categoryOf = new Map(categories.map((c) => [c.orgId, c.category]))
  const wb = newWorkbook()
  specSheet(
    wb,
    ORG_SHEET,
    orgs.map((o) => ({
      code: o.code,
      name: o.name,
      shortName: o.shortName,
      unitType: o.unitType === 'GRASSROOTS' ? '基层单位' : '本部',
      parentCode: o.parent?.code ?? null,
      assessed: o.assessed ? '是' : '否',
      active: o.active ? '是' : '否',
      sortOrder: o.sortOrder,
      category: ((c) => (c ? CATEGORY_LABELS[c] : null))(categoryOf.get(o.id)),
    })),
    { unitType: LISTS.unitType, assessed: LISTS.yesNo, active: LISTS.yesNo, category: LISTS.category },
  )
  specSheet(
    wb,
    PROBLEM_CATEGORY_SHEET,
    problemCategories.map((p) => ({
      code: p.code,
      name: p.name,
      description: p.description,
      sortOrder: p.sortOrder,
      active: p.active ? '是' : '否',
    })),
    { active: LISTS.yesNo },
  )
  instructions(wb, `党组织与问题类别导入（类别年度：${year}年）`, [ORG_SHEET, PROBLEM_CATEGORY_SHEET], [
    '按编码匹配：已有编码更新，新编码新增；表中未列出的党组织和问题类别保持不变。',
    '任何一行有错误时整个文件都不会导入，系统会列出所有错误的行和列。',
  ])
  return wb
}

async function indicatorsTemplate(db: Db, schemeId: number | null | undefined) {
  if (!schemeId) throw ValidationError.field(['schemeId'], '请指定考核方案')
  const scheme = await db.scheme.findUnique({
    where: { id: schemeId },
    include: {
      area: true,
      dimensions: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
      indicators: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }], include: { sharedIndicator: true } },
    },
  })
  if (!scheme) throw new NotFoundError('Scheme', schemeId, '考核方案不存在')
  const shared = await db.sharedIndicator.findMany({ where: { year: scheme.year, areaId: scheme.areaId }, orderBy: { code: 'asc' } })
  const dimCode = new Map(scheme.dimensions.map((d) => [d.id, d.code]))
  const wb = newWorkbook()
  const dimensionSheet = specSheet(
    wb,
    DIMENSION_SHEET,
    scheme.dimensions.map((d) => ({ code: d.code, name: d.name, maxPoints: Number(d.maxPoints.toString()) })),
  )
  const ws = specSheet(
    wb,
    INDICATOR_SHEET,
    scheme.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      dimensionCode: i.dimensionId ? (dimCode.get(i.dimensionId) ?? null) : null,
      method: METHOD_NAMES[i.method],
      maxPoints: Number(i.maxPoints.toString()),
      evaluationStandard: i.evaluationStandard,
      scoringGuide: i.scoringGuide,
      unitType: i.unitTypeRestriction === 'GRASSROOTS' ? '基层单位' : i.unitTypeRestriction === 'HEADQUARTERS' ? '本部' : '全部',
      ratingLevels: ratingLevelsOf(i.ratingLevels)?.map((l) => `${l.label}:${l.percent}`).join('；') ?? null,
      target: i.target ? Number(i.target.toString()) : null,
      targetUnit: i.targetUnit,
      defaultDeduction: i.defaultDeduction ? Number(i.defaultDeduction.toString()) : null,
      sharedCode: i.sharedIndicator?.code ?? null,
    })),
    { method: LISTS.method, unitType: LISTS.unitRestriction },
  )
  ws.getColumn(5).numFmt = '0.00'
  dimensionSheet.getColumn(3).numFmt = '0.00'
  type SharedRow = (typeof shared)[number]
  addTableSheet<SharedRow>(
    wb,
    '参考-共享指标',
    [
      { header: '共享指标编码', width: 14, value: (s) => s.code },
      { header: '名称', width: 24, value: (s) => s.name },
      { header: '计分方式', width: 10, value: (s) => METHOD_NAMES[s.method] },
      { header: '评价标准', width: 50, value: (s) => s.evaluationStandard, wrap: true },
    ],
    shared,
  )
  instructions(wb, `方案“${scheme.name}”（${scheme.year}年 ${scheme.area.name} ${CATEGORY_LABELS[scheme.category]}）指标导入`, [DIMENSION_SHEET, INDICATOR_SHEET], [
    '导入后方案草稿的维度和指标即为表中内容（按编码保留原有记录，表中没有的将删除）；方案名称和加分上限不变。',
    '仅草稿状态的方案可以导入；发布前系统会按规则校验分值合计。',
    '任何一行有错误时整个文件都不会导入，系统会列出所有错误的行和列。',
  ])
  return { wb, name: `${scheme.name}指标导入模板.xlsx` }
}

async function findingsTemplate(db: Db, actor: Actor, roundId: number | null | undefined) {
  if (!roundId) throw ValidationError.field(['roundId'], '请指定检查轮次')
  const round = await db.inspectionRound.findUnique({ where: { id: roundId }, include: { areas: { include: { area: true } } } })
  if (!round) throw new NotFoundError('InspectionRound', roundId, '检查轮次不存在')
  const assignments = await db.teamAssignment.findMany({
    where: {
      roundId,
      ...(actor.role === 'ADMIN' ? {} : { team: { members: { some: { userId: actor.userId } } } }),
    },
    include: { org: true, team: { select: { name: true } } },
    orderBy: [{ org: { sortOrder: 'asc' } }, { orgId: 'asc' }],
  })
  const assessments = await db.assessment.findMany({
    where: { roundId, orgId: { in: assignments.map((a) => a.orgId) } },
    select: { schemeId: true, category: true, area: { select: { name: true } } },
  })
  const schemeIds = [...new Set(assessments.map((a) => a.schemeId))]
  const [indicators, problemCategories] = await Promise.all([
    db.indicator.findMany({
      where: { schemeId: { in: schemeIds }, method: { not: 'BONUS' } },
      include: { scheme: { select: { category: true, area: { select: { name: true } } } } },
      orderBy: [{ schemeId: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
    }),
    db.problemCategory.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }),
  ])
  const wb = newWorkbook()
  const findingSheet = specSheet(wb, FINDING_SHEET, [], {
    area: round.areas.map((a) => a.area.name),
    checkMethod: LISTS.checkMethod,
    problemCategory: problemCategories.map((p) => p.name).filter((n) => !n.includes(',')).slice(0, 40),
  })
  findingSheet.getColumn(4).numFmt = 'yyyy-mm-dd'
  type AssignmentRow = (typeof assignments)[number]
  addTableSheet<AssignmentRow>(
    wb,
    '参考-党组织',
    [
      { header: '党组织编码', width: 12, value: (a) => a.org.code },
      { header: '党组织名称', width: 30, value: (a) => a.org.name },
      { header: '检查组', width: 16, value: (a) => a.team.name },
    ],
    assignments,
  )
  type IndicatorRow = (typeof indicators)[number]
  addTableSheet<IndicatorRow>(
    wb,
    '参考-指标',
    [
      { header: '专业', width: 10, value: (i) => i.scheme.area.name },
      { header: '类别', width: 8, value: (i) => CATEGORY_LABELS[i.scheme.category] },
      { header: '指标编码', width: 10, value: (i) => i.code },
      { header: '指标名称', width: 26, value: (i) => i.name },
      { header: '计分方式', width: 10, value: (i) => METHOD_NAMES[i.method] },
      { header: '分值', width: 8, value: (i) => Number(i.maxPoints.toString()), numFmt: '0.00' },
      { header: '默认扣分', width: 9, value: (i) => (i.defaultDeduction ? Number(i.defaultDeduction.toString()) : null), numFmt: '0.00' },
    ],
    indicators,
  )
  type CategoryRow = (typeof problemCategories)[number]
  addTableSheet<CategoryRow>(
    wb,
    '参考-问题类别',
    [
      { header: '编码', width: 10, value: (p) => p.code },
      { header: '名称', width: 26, value: (p) => p.name },
      { header: '说明', width: 50, value: (p) => p.description, wrap: true },
    ],
    problemCategories,
  )
  instructions(wb, `${round.name} 问题清单导入（${chinaDate(new Date())} 下载）`, [FINDING_SHEET], [
    '仅“检查中”的轮次可以导入；每行一个问题，只能导入分配给您所在检查组的党组织。',
    '同一党组织、同一检查日期的问题归入同一张现场反馈表（未填写反馈表编号时自动新建）。',
    '任何一行有错误时整个文件都不会导入，系统会列出所有错误的行和列。',
  ])
  return { wb, name: `${round.name}问题清单导入模板.xlsx` }
}

export async function buildTemplate(
  db: Db,
  actor: Actor,
  kind: TemplateKind,
  params: TemplateParams,
): Promise<{ fileName: string; workbook: ExcelJS.Workbook }> {
  switch (kind) {
    case 'orgs': {
      if (actor.role !== 'ADMIN') throw new ForbiddenError('仅党建部管理员可以导入党组织')
      const year = params.year ?? Number(chinaDate(new Date()).slice(0, 4))
      return { fileName: `党组织与问题类别导入模板（${year}年）.xlsx`, workbook: await orgsTemplate(db, year) }
    }
    case 'indicators': {
      if (actor.role !== 'ADMIN') throw new ForbiddenError('仅党建部管理员可以导入考核指标')
      const { wb, name } = await indicatorsTemplate(db, params.schemeId)
      return { fileName: name, workbook: wb }
    }
    case 'findings': {
      if (actor.role !== 'ADMIN' && actor.role !== 'INSPECTOR') throw new ForbiddenError('仅检查组成员和管理员可以导入问题')
      const { wb, name } = await findingsTemplate(db, actor, params.roundId)
      return { fileName: name, workbook: wb }
    }
  }
}
