import { Prisma, type OrgCategory, type RectificationStatus, type Role } from '@redblue/db'
import { DEFAULT_RULE_SET, toPointsText, type DecimalInput } from '@redblue/scoring'
import type ExcelJS from 'exceljs'
import { findingWhere, loadScope, REACH, rectificationWhere, type Actor } from '../../access'
import type { Db } from '../../context'
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors'
import { BOARD_STATUSES, CATEGORY_LABELS } from '../board'
import { adjustmentReasonText } from '../notice/data'
import { componentsOf } from '../workflow/annual'
import { warningOf } from '../workflow/rectifications'
import { rulesFor, rulesOfRound, warningDaysByYear } from '../workflow/rules'
import {
  addTableSheet,
  chinaTime,
  DATE_FORMAT,
  DATETIME_FORMAT,
  day,
  newWorkbook,
  num,
  SCORE_FORMAT,
  SIGNED_SCORE_FORMAT,
  type Column,
} from './sheet'

/**
 * Excel exports (ledgers and reports). Each applies the same R12 scope as the matching GraphQL
 * query, inside the Prisma `where`, so a BRANCH user's file holds only its own org's rows:
 *
 * | kind            | who                                   | parameters                     |
 * | --------------- | ------------------------------------- | ------------------------------ |
 * | ranking         | every signed-in user (public results) | roundId (published)            |
 * | findings        | ADMIN, LEADER all; INSPECTOR assigned; BRANCH own (from RECONCILING) | roundId?, year? |
 * | rectifications  | ADMIN, LEADER all; INSPECTOR inspected orgs; BRANCH own | roundId?, status? |
 * | adjustments     | ADMIN, LEADER all; BRANCH own         | month? | year? | roundId?    |
 * | annual          | ADMIN, LEADER all; BRANCH own         | year                           |
 */

export interface ExportResult {
  fileName: string
  workbook: ExcelJS.Workbook
}

export const EXPORT_KINDS = ['ranking', 'findings', 'rectifications', 'adjustments', 'annual'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export interface ExportParams {
  roundId?: number | null
  year?: number | null
  month?: string | null
  status?: RectificationStatus | null
}

const UNIT_TYPES = { GRASSROOTS: '基层单位', HEADQUARTERS: '本部' } as const
/** Chinese names of the check methods, as in the templates and documents. */
export const CHECK_METHODS = { INTERVIEW: '走访座谈', DOCUMENT_REVIEW: '查阅资料', ONSITE_CHECK: '现场查看' } as const
const RECONCILIATION = {
  PENDING: '待核对',
  CONFIRMED: '已确认',
  DISPUTED: '有异议',
  UPHELD: '维持',
  WITHDRAWN: '撤销',
} as const
const RECT_STATUS = { OPEN: '整改中', SUBMITTED: '待验证', RETURNED: '已退回', CLOSED: '已销号' } as const
const RECT_SOURCE = { FINDING: '检查问题', INTERVIEW: '约谈事项' } as const
const EVENT_TYPES = {
  CREATED: '生成',
  EDITED: '修改',
  SUBMITTED: '提交整改',
  RETURNED: '退回',
  VERIFIED: '验证销号',
  CARRIED_OVER: '结转下季度',
} as const
const WARNING = { GREEN: '正常', YELLOW: '临期', RED: '逾期', CLOSED: '已销号' } as const
const WARNING_FILL = { GREEN: 'FFE2F0D9', YELLOW: 'FFFFF2CC', RED: 'FFF8CBAD', CLOSED: null } as const
const MARKS = { RED: '红榜', BLUE: '蓝榜' } as const

function requireRoles(actor: Actor, roles: Role[], message = '无权导出此报表'): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(message)
}

/** BRANCH users see their own org only; others everything (callers check roles first). */
function ownOrgWhere(actor: Actor): { orgId?: number } {
  return REACH[actor.role].read === 'own' ? { orgId: actor.orgId ?? -1 } : {}
}

function requireYear(year: number | null | undefined): number {
  if (!year || year < 2000 || year > 2100) throw ValidationError.field(['year'], '请指定年份')
  return year
}

async function publishedRound(db: Db, roundId: number | null | undefined) {
  if (!roundId) throw ValidationError.field(['roundId'], '请指定检查轮次')
  const round = await db.inspectionRound.findUnique({ where: { id: roundId } })
  if (!round) throw new NotFoundError('InspectionRound', roundId, '检查轮次不存在')
  if (!BOARD_STATUSES.includes(round.status)) throw new ValidationError('本轮检查结果尚未发布')
  return round
}

// ---- ranking ------------------------------------------------------------------------------

async function rankingExport(db: Db, _actor: Actor, params: ExportParams): Promise<ExportResult> {
  const round = await publishedRound(db, params.roundId)
  const [areas, assessments] = await Promise.all([
    db.area.findMany({
      where: { roundAreas: { some: { roundId: round.id } } },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    }),
    db.assessment.findMany({
      where: { roundId: round.id },
      select: {
        areaId: true,
        category: true,
        unitType: true,
        rank: true,
        listMark: true,
        baseScore: true,
        bonusScore: true,
        totalScore: true,
        org: { select: { code: true, name: true, sortOrder: true } },
      },
    }),
  ])
  type Row = (typeof assessments)[number]
  const order: OrgCategory[] = ['I', 'II', 'III']
  const columns: Column<Row>[] = [
    { header: '类别', width: 8, value: (r) => CATEGORY_LABELS[r.category] },
    { header: '排名', width: 7, value: (r) => r.rank, numFmt: '0' },
    { header: '党组织编码', width: 12, value: (r) => r.org.code },
    { header: '党组织', width: 30, value: (r) => r.org.name },
    { header: '单位类型', width: 10, value: (r) => UNIT_TYPES[r.unitType] },
    { header: '基础得分', width: 11, value: (r) => num(r.baseScore), numFmt: SCORE_FORMAT },
    { header: '加分', width: 9, value: (r) => num(r.bonusScore), numFmt: SCORE_FORMAT },
    { header: '总分', width: 11, value: (r) => num(r.totalScore), numFmt: SCORE_FORMAT },
    { header: '红蓝榜', width: 8, value: (r) => (r.listMark ? MARKS[r.listMark] : '') },
  ]
  const wb = newWorkbook()
  for (const area of areas) {
    const rows = assessments
      .filter((a) => a.areaId === area.id)
      .sort(
        (a, b) =>
          order.indexOf(a.category) - order.indexOf(b.category) ||
          (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
          a.org.sortOrder - b.org.sortOrder,
      )
    const ws = addTableSheet(wb, sheetName(`${area.name}排名`), columns, rows)
    rows.forEach((r, i) => {
      if (!r.listMark) return
      ws.getRow(i + 2).getCell(9).font = { bold: true, color: { argb: r.listMark === 'RED' ? 'FFC00000' : 'FF1F4E9B' } }
    })
  }
  if (!areas.length) addTableSheet(wb, '排名', columns, [])
  return { fileName: `${round.name}考核评价排名.xlsx`, workbook: wb }
}

// ---- findings ledger ------------------------------------------------------------------------

async function findingsExport(db: Db, actor: Actor, params: ExportParams): Promise<ExportResult> {
  const scope = await loadScope(db, actor)
  const where: Prisma.FindingWhereInput = {
    AND: [
      findingWhere(scope),
      params.roundId ? { roundId: params.roundId } : {},
      params.year ? { round: { year: params.year } } : {},
    ],
  }
  const found = await db.finding.findMany({
    where,
    orderBy: [{ round: { year: 'asc' } }, { round: { quarter: 'asc' } }, { org: { sortOrder: 'asc' } }, { id: 'asc' }],
    select: {
      id: true,
      description: true,
      checkMethod: true,
      deduction: true,
      isRepeat: true,
      reconciliationStatus: true,
      createdAt: true,
      round: { select: { name: true } },
      area: { select: { name: true } },
      org: { select: { code: true, name: true } },
      feedbackForm: { select: { formNo: true, visitDate: true } },
      indicator: { select: { code: true, name: true } },
      problemCategory: { select: { name: true } },
    },
  })
  const findings = found.map((f, i) => ({ ...f, seq: i + 1 }))
  type Row = (typeof findings)[number]
  const columns: Column<Row>[] = [
    { header: '序号', width: 7, value: (r) => r.seq, numFmt: '0' },
    { header: '检查轮次', width: 20, value: (r) => r.round.name },
    { header: '专业', width: 10, value: (r) => r.area.name },
    { header: '党组织编码', width: 12, value: (r) => r.org.code },
    { header: '党组织', width: 26, value: (r) => r.org.name },
    { header: '反馈表编号', width: 18, value: (r) => r.feedbackForm?.formNo ?? '' },
    { header: '检查日期', width: 12, value: (r) => day(r.feedbackForm?.visitDate), numFmt: DATE_FORMAT },
    { header: '指标编码', width: 10, value: (r) => r.indicator.code },
    { header: '指标', width: 20, value: (r) => r.indicator.name },
    { header: '问题类别', width: 18, value: (r) => r.problemCategory.name },
    { header: '问题描述', width: 48, value: (r) => r.description, wrap: true },
    { header: '检查方式', width: 10, value: (r) => CHECK_METHODS[r.checkMethod] },
    { header: '扣分', width: 8, value: (r) => num(r.deduction), numFmt: SCORE_FORMAT },
    { header: '屡查屡犯', width: 9, value: (r) => (r.isRepeat ? '是' : '否') },
    { header: '核对状态', width: 9, value: (r) => RECONCILIATION[r.reconciliationStatus] },
    { header: '记录时间', width: 17, value: (r) => chinaTime(r.createdAt), numFmt: DATETIME_FORMAT },
  ]
  const wb = newWorkbook()
  addTableSheet(wb, '问题台账', columns, findings)
  const scopeName = params.roundId ? (findings[0]?.round.name ?? '') : params.year ? `${params.year}年` : ''
  return { fileName: `${scopeName}问题台账.xlsx`, workbook: wb }
}

// ---- rectification ledger -------------------------------------------------------------------

async function rectificationsExport(db: Db, actor: Actor, params: ExportParams, now: Date): Promise<ExportResult> {
  const scope = await loadScope(db, actor)
  const where: Prisma.RectificationWhereInput = {
    AND: [
      rectificationWhere(scope),
      params.roundId ? { roundId: params.roundId } : {},
      params.year ? { round: { year: params.year } } : {},
      params.status ? { status: params.status } : {},
    ],
  }
  const [items, warningDays] = await Promise.all([
    db.rectification.findMany({
      where,
      orderBy: [{ round: { year: 'asc' } }, { round: { quarter: 'asc' } }, { org: { sortOrder: 'asc' } }, { id: 'asc' }],
      include: {
        round: { select: { name: true, year: true } },
        org: { select: { code: true, name: true } },
        problemCategory: { select: { name: true } },
        events: {
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          include: { actor: { select: { displayName: true } }, round: { select: { name: true } } },
        },
      },
    }),
    warningDaysByYear(db),
  ])
  const rows = items.map((r) => ({ ...r, warning: warningOf(r, now, warningDays.get(r.round.year) ?? DEFAULT_RULE_SET.warningDays) }))
  type Row = (typeof rows)[number]
  const columns: Column<Row>[] = [
    { header: '编号', width: 8, value: (r) => r.id, numFmt: '0' },
    { header: '开具轮次', width: 20, value: (r) => r.round.name },
    { header: '党组织编码', width: 12, value: (r) => r.org.code },
    { header: '党组织', width: 26, value: (r) => r.org.name },
    { header: '来源', width: 10, value: (r) => RECT_SOURCE[r.source] },
    { header: '问题类别', width: 18, value: (r) => r.problemCategory?.name ?? '' },
    { header: '整改事项', width: 40, value: (r) => r.title, wrap: true },
    { header: '整改措施', width: 40, value: (r) => r.measure, wrap: true },
    { header: '责任人', width: 12, value: (r) => r.responsiblePerson },
    { header: '完成时限', width: 12, value: (r) => day(r.deadline), numFmt: DATE_FORMAT },
    { header: '状态', width: 9, value: (r) => RECT_STATUS[r.status] },
    { header: '预警', width: 8, value: (r) => WARNING[r.warning.colour] },
    { header: '剩余天数', width: 9, value: (r) => (r.status === 'CLOSED' ? null : r.warning.daysLeft), numFmt: '0' },
    { header: '结转次数', width: 9, value: (r) => r.carryOverCount, numFmt: '0' },
    { header: '销号时间', width: 17, value: (r) => chinaTime(r.closedAt), numFmt: DATETIME_FORMAT },
  ]
  const wb = newWorkbook()
  const ws = addTableSheet(wb, '整改台账', columns, rows)
  rows.forEach((r, i) => {
    const fill = WARNING_FILL[r.warning.colour]
    if (fill) ws.getRow(i + 2).getCell(12).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
  })
  const events = rows.flatMap((r) => r.events.map((e) => ({ ...e, item: r })))
  type EventRow = (typeof events)[number]
  addTableSheet<EventRow>(
    wb,
    '整改过程',
    [
      { header: '整改编号', width: 9, value: (e) => e.item.id, numFmt: '0' },
      { header: '党组织', width: 26, value: (e) => e.item.org.name },
      { header: '时间', width: 17, value: (e) => chinaTime(e.createdAt), numFmt: DATETIME_FORMAT },
      { header: '环节', width: 12, value: (e) => EVENT_TYPES[e.type] },
      { header: '所在轮次', width: 20, value: (e) => e.round?.name ?? '' },
      { header: '说明', width: 48, value: (e) => e.note, wrap: true },
      { header: '操作人', width: 14, value: (e) => e.actor?.displayName ?? '' },
    ],
    events,
  )
  return { fileName: '整改台账.xlsx', workbook: wb }
}

// ---- performance adjustments for payroll ------------------------------------------------------

async function adjustmentsExport(db: Db, actor: Actor, params: ExportParams): Promise<ExportResult> {
  requireRoles(actor, ['ADMIN', 'LEADER', 'BRANCH'])
  if (params.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(params.month)) {
    throw ValidationError.field(['month'], '月份格式应为 YYYY-MM')
  }
  const where: Prisma.PerformanceAdjustmentWhereInput = {
    ...ownOrgWhere(actor),
    ...(params.month ? { month: params.month } : params.year ? { month: { startsWith: `${params.year}-` } } : {}),
    ...(params.roundId ? { roundId: params.roundId } : {}),
  }
  const rows = await db.performanceAdjustment.findMany({
    where,
    orderBy: [{ month: 'asc' }, { org: { sortOrder: 'asc' } }, { areaId: 'asc' }, { id: 'asc' }],
    include: {
      org: { select: { id: true, code: true, name: true, sortOrder: true } },
      area: { select: { name: true } },
      round: { select: { id: true, name: true, year: true } },
    },
  })
  // Each round's reason text quotes the threshold it was published with, not the year's today.
  const thresholds = new Map<number, string>()
  for (const round of new Map(rows.map((r) => [r.round.id, r.round])).values()) {
    const { rules } = await rulesOfRound(db, round)
    thresholds.set(round.id, toPointsText(rules.baseThreshold))
  }
  const thresholdOf = (roundId: number): string => {
    const threshold = thresholds.get(roundId)
    if (threshold === undefined) throw new Error(`no rule set read for round ${roundId}`)
    return threshold
  }
  type Row = (typeof rows)[number]
  const wb = newWorkbook()
  addTableSheet<Row>(
    wb,
    '绩效加减分明细',
    [
      { header: '月份', width: 10, value: (r) => r.month },
      { header: '党组织编码', width: 12, value: (r) => r.org.code },
      { header: '党组织', width: 28, value: (r) => r.org.name },
      { header: '专业', width: 10, value: (r) => r.area.name },
      { header: '类别', width: 8, value: (r) => CATEGORY_LABELS[r.category] },
      {
        header: '事由',
        width: 20,
        value: (r) => adjustmentReasonText(r.reason, r.category, thresholdOf(r.round.id)),
      },
      { header: '加减分', width: 9, value: (r) => num(r.points), numFmt: SIGNED_SCORE_FORMAT },
      { header: '检查轮次', width: 20, value: (r) => r.round.name },
    ],
    rows,
  )

  // Payroll view: one row per org, one column per month, net points.
  const months = [...new Set(rows.map((r) => r.month))].sort()
  const orgs = new Map<number, { code: string; name: string; sortOrder: number; byMonth: Map<string, number> }>()
  for (const r of rows) {
    const org = orgs.get(r.org.id) ?? { ...r.org, byMonth: new Map<string, number>() }
    // Sum in cents so the total is exact.
    org.byMonth.set(r.month, (org.byMonth.get(r.month) ?? 0) + Math.round(Number(r.points.toString()) * 100))
    orgs.set(r.org.id, org)
  }
  type OrgRow = { code: string; name: string; sortOrder: number; byMonth: Map<string, number> }
  const orgRows = [...orgs.values()].sort((a, b) => a.sortOrder - b.sortOrder)
  addTableSheet<OrgRow>(
    wb,
    '按月汇总',
    [
      { header: '党组织编码', width: 12, value: (o) => o.code },
      { header: '党组织', width: 28, value: (o) => o.name },
      ...months.map((m) => ({
        header: `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`,
        width: 11,
        value: (o: OrgRow) => {
          const cents = o.byMonth.get(m)
          return cents === undefined ? null : cents / 100
        },
        numFmt: SIGNED_SCORE_FORMAT,
      })),
      {
        header: '合计',
        width: 10,
        value: (o) => [...o.byMonth.values()].reduce((a, b) => a + b, 0) / 100,
        numFmt: SIGNED_SCORE_FORMAT,
      },
    ],
    orgRows,
  )
  const label = params.month ?? (params.year ? `${params.year}年` : '')
  return { fileName: `${label}月度绩效加减分.xlsx`, workbook: wb }
}

// ---- annual roll-up ---------------------------------------------------------------------------

async function annualExport(db: Db, actor: Actor, params: ExportParams): Promise<ExportResult> {
  requireRoles(actor, ['ADMIN', 'LEADER', 'BRANCH'])
  const year = requireYear(params.year)
  const { rules, annualComponents } = await rulesFor(db, year)
  const components = componentsOf(annualComponents)
  // The quarterly component comes from the first area's (基层党建) published quarters (R10).
  const area = await db.area.findFirst({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] })
  const [ranked, scores, quarters, categories] = await Promise.all([
    db.annualResult.findMany({
      where: { year, ...ownOrgWhere(actor) },
      orderBy: [{ total: 'desc' }, { orgId: 'asc' }],
      include: { org: { select: { code: true, name: true } } },
    }),
    db.annualComponentScore.findMany({ where: { year, ...ownOrgWhere(actor) } }),
    db.assessment.findMany({
      where: {
        ...ownOrgWhere(actor),
        areaId: area?.id ?? -1,
        totalScore: { not: null },
        round: { year, status: { in: BOARD_STATUSES } },
      },
      select: { orgId: true, totalScore: true, round: { select: { quarter: true } } },
    }),
    db.orgCategoryAssignment.findMany({ where: { year, ...ownOrgWhere(actor) } }),
  ])
  const results = ranked.map((r, i) => ({ ...r, seq: i + 1 }))
  const categoryOf = new Map(categories.map((c) => [c.orgId, c.category]))
  const quarterOf = (orgId: number, quarter: number) =>
    quarters.find((q) => q.orgId === orgId && q.round.quarter === quarter)?.totalScore ?? null
  const pointsOf = (orgId: number, code: string) => scores.find((s) => s.orgId === orgId && s.code === code)?.points ?? null
  const weight = `${new Prisma.Decimal(plain(rules.quarterlyWeight)).times(100).toString()}%`
  type Row = (typeof results)[number]
  const columns: Column<Row>[] = [
    { header: '名次', width: 7, value: (r) => r.seq, numFmt: '0' },
    { header: '党组织编码', width: 12, value: (r) => r.org.code },
    { header: '党组织', width: 28, value: (r) => r.org.name },
    { header: '类别', width: 8, value: (r) => {
      const category = categoryOf.get(r.orgId)
      return category ? CATEGORY_LABELS[category] : ''
    } },
    ...[1, 2, 3, 4].map((q) => ({
      header: `第${['一', '二', '三', '四'][q - 1]}季度总分`,
      width: 12,
      value: (r: Row) => num(quarterOf(r.orgId, q)),
      numFmt: SCORE_FORMAT,
    })),
    { header: '计入季度', width: 16, value: (r) => countedQuarters(r.quarters) },
    { header: '季度平均总分', width: 13, value: (r) => num(r.quarterlyMean), numFmt: SCORE_FORMAT },
    { header: `季度折算分（×${weight}）`, width: 17, value: (r) => num(r.quarterlyComponent), numFmt: SCORE_FORMAT },
    ...components.map((c) => ({
      header: `${c.name}（×${new Prisma.Decimal(c.weight).times(100).toString()}%）`,
      width: Math.max(12, c.name.length * 2 + 8),
      value: (r: Row) => num(pointsOf(r.orgId, c.code)),
      numFmt: SCORE_FORMAT,
    })),
    { header: '其他考评项折算合计', width: 17, value: (r) => num(r.componentsTotal), numFmt: SCORE_FORMAT },
    { header: '年度总分', width: 11, value: (r) => num(r.total), numFmt: SCORE_FORMAT },
    { header: '计算时间', width: 17, value: (r) => chinaTime(r.computedAt), numFmt: DATETIME_FORMAT },
  ]
  const wb = newWorkbook()
  const ws = addTableSheet(wb, `${year}年度考评汇总`, columns, results)
  // The column's header says how the mean treats missing quarters; an org with fewer than four
  // says so on its mean as well (cell notes, so the table stays rows of data only).
  const quartersColumn = columns.findIndex((c) => c.header === '计入季度') + 1
  ws.getRow(1).getCell(quartersColumn).note = ANNUAL_QUARTERS_NOTE
  results.forEach((r, i) => {
    if (r.quarters.length < 4) {
      ws.getRow(i + 2).getCell(quartersColumn + 1).note =
        `仅计入 ${r.quarters.length} 个季度的平均：${countedQuarters(r.quarters)}`
    }
  })
  return { fileName: `${year}年度党建考评汇总.xlsx`, workbook: wb }
}

const QUARTER_NAMES = ['一', '二', '三', '四']
const ANNUAL_QUARTERS_NOTE =
  '注：季度平均总分只计入“计入季度”列所列季度的已发布总分；党组织未参加考核的季度（如年中新设）不计入，也不按 0 分计。'

/** "第三、四季度（2/4）": which quarters an annual mean counted and how many of the four. */
export function countedQuarters(quarters: readonly number[]): string {
  if (quarters.length === 0) return '无（0/4）'
  return `第${quarters.map((q) => QUARTER_NAMES[q - 1]).join('、')}季度（${quarters.length}/4）`
}

/** A rule-set decimal (string, number or Decimal) in plain notation. */
function plain(value: DecimalInput): string {
  return typeof value === 'object' ? value.toFixed() : String(value)
}

/** Excel limits sheet names to 31 characters without []:*?/\ */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
}

export async function buildExport(
  db: Db,
  actor: Actor,
  kind: ExportKind,
  params: ExportParams,
  now: Date,
): Promise<ExportResult> {
  switch (kind) {
    case 'ranking':
      return rankingExport(db, actor, params)
    case 'findings':
      return findingsExport(db, actor, params)
    case 'rectifications':
      return rectificationsExport(db, actor, params, now)
    case 'adjustments':
      return adjustmentsExport(db, actor, params)
    case 'annual':
      return annualExport(db, actor, params)
  }
}
