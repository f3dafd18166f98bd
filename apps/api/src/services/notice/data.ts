import type { AdjustmentReason, ListMark, OrgCategory } from '@redblue/db'
import { STANDING_FINDING_STATUSES, chinaDate, toFixed2, toPointsText } from '@redblue/scoring'
import type { Db } from '../../context'
import { NotFoundError, ValidationError } from '../../errors'
import { BOARD_STATUSES, CATEGORY_LABELS } from '../board'
import { fromDbDate, rulesOfRound } from '../workflow/rules'
import { analysisParagraphs, generatedNoticeAnalysis } from './analysis'

/**
 * Everything the 通报 (the round's published result document) says, gathered once and rendered
 * twice (Word and print HTML). Only frozen results of a published round are read. Findings appear
 * only as counts per problem category and a few typical examples with the org's names removed:
 * the notice goes to every party branch, which may see other orgs only through the published
 * rankings (R12).
 */

export const NOTICE_TITLE = '关于基层党建工作季度差异化积分考核评价结果的通报'
export const NOTICE_ISSUED_BY = '公司党委'

/** Defaults for a round's Notice row (publish uses the same when it records one). */
export function defaultNoticeFields(round: { year: number; quarter: number }) {
  return {
    docNo: `党建〔${round.year}〕${round.quarter}号`,
    title: NOTICE_TITLE,
    issuedBy: NOTICE_ISSUED_BY,
  }
}

/** Typical examples shown per problem category. */
const EXAMPLES_PER_CATEGORY = 2
const EXAMPLE_MAX_CHARS = 80

export interface NoticeRankingRow {
  rank: number | null
  orgName: string
  base: string | null
  bonus: string | null
  total: string | null
  mark: ListMark | null
}

export interface NoticeCategory {
  category: OrgCategory
  label: string
  rows: NoticeRankingRow[]
}

export interface NoticeListEntry {
  orgName: string
  category: OrgCategory
  label: string
  reasonText: string
}

export interface NoticeAdjustment {
  orgName: string
  category: OrgCategory
  reason: AdjustmentReason
  reasonText: string
  points: string
  month: string
}

export interface NoticeArea {
  areaName: string
  categories: NoticeCategory[]
  red: NoticeListEntry[]
  blue: NoticeListEntry[]
  adjustments: NoticeAdjustment[]
}

export interface NoticeProblemCategory {
  code: string
  name: string
  count: number
  repeatCount: number
  examples: string[]
}

export interface NoticeRectificationOrg {
  orgName: string
  count: number
  deadline: string
}

export interface NoticeData {
  round: {
    id: number
    name: string
    year: number
    quarter: number
    inspectionStart: string | null
    inspectionEnd: string | null
    publishedOn: string | null
  }
  notice: { docNo: string; title: string; issuedBy: string; issuedOn: string; recorded: boolean }
  areas: NoticeArea[]
  totals: {
    orgs: number
    feedbackForms: number
    findings: number
    problemCategories: number
    rectifications: number
    interviews: number
  }
  problemCategories: NoticeProblemCategory[]
  rectification: {
    deadline: string | null
    byOrg: NoticeRectificationOrg[]
  }
  threshold: string
  /** 问题分析: the administrator's text, or the one generated from the round's insights. */
  analysis: { paragraphs: string[]; edited: boolean }
}

export function adjustmentReasonText(reason: AdjustmentReason, category: OrgCategory, threshold: string): string {
  const label = CATEGORY_LABELS[category]
  switch (reason) {
    case 'RED_LIST':
      return `${label}排名第一`
    case 'BLUE_LIST':
      return `${label}排名末位`
    case 'BELOW_THRESHOLD':
      return `基础得分低于${threshold}分`
  }
}

/** Removes every org name, short name and code from a finding's text (longest first). */
export function anonymise(text: string, names: string[]): string {
  let out = text
  for (const name of [...new Set(names)].filter((n) => n.trim().length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(name).join('某党组织')
  }
  out = out.replace(/\s+/g, ' ').trim()
  return out.length > EXAMPLE_MAX_CHARS ? `${out.slice(0, EXAMPLE_MAX_CHARS - 1)}…` : out
}

const money = (v: { toString(): string } | null) => (v === null ? null : toFixed2(v.toString()))

export async function loadNoticeData(db: Db, roundId: number, now: Date): Promise<NoticeData> {
  const round = await db.inspectionRound.findUnique({
    where: { id: roundId },
    include: {
      notice: true,
      areas: { include: { area: true } },
    },
  })
  if (!round) throw new NotFoundError('InspectionRound', roundId, '检查轮次不存在')
  if (!BOARD_STATUSES.includes(round.status)) {
    throw new ValidationError('本轮检查结果尚未发布，不能生成通报')
  }
  const areas = round.areas.map((a) => a.area).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)

  const [assessments, adjustments, formCount, standing, rectifications, interviewCount, allOrgs, { rules }] =
    await Promise.all([
      db.assessment.findMany({
        where: { roundId },
        select: {
          orgId: true,
          areaId: true,
          category: true,
          rank: true,
          listMark: true,
          baseScore: true,
          bonusScore: true,
          totalScore: true,
          org: { select: { name: true, sortOrder: true } },
        },
      }),
      db.performanceAdjustment.findMany({
        where: { roundId },
        select: {
          orgId: true,
          areaId: true,
          category: true,
          reason: true,
          points: true,
          month: true,
          org: { select: { name: true, sortOrder: true } },
        },
      }),
      db.feedbackForm.count({ where: { roundId } }),
      db.finding.findMany({
        where: { roundId, reconciliationStatus: { in: STANDING_FINDING_STATUSES } },
        select: {
          description: true,
          deduction: true,
          isRepeat: true,
          problemCategory: { select: { id: true, code: true, name: true, sortOrder: true } },
        },
        orderBy: [{ deduction: 'desc' }, { id: 'asc' }],
      }),
      db.rectification.findMany({
        where: { roundId },
        select: { orgId: true, deadline: true, org: { select: { name: true, sortOrder: true } } },
      }),
      db.interview.count({ where: { roundId } }),
      db.organization.findMany({ select: { name: true, shortName: true, code: true } }),
      rulesOfRound(db, round),
    ])
  const threshold = toPointsText(rules.baseThreshold)

  const noticeAreas: NoticeArea[] = areas.map((area) => {
    const inArea = assessments.filter((a) => a.areaId === area.id)
    const reasonsOf = new Map<number, AdjustmentReason[]>()
    for (const adj of adjustments.filter((x) => x.areaId === area.id)) {
      reasonsOf.set(adj.orgId, [...(reasonsOf.get(adj.orgId) ?? []), adj.reason])
    }
    const categories: NoticeCategory[] = []
    const red: NoticeListEntry[] = []
    const blue: NoticeListEntry[] = []
    for (const category of ['I', 'II', 'III'] as OrgCategory[]) {
      const rows = inArea
        .filter((a) => a.category === category)
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.org.sortOrder - b.org.sortOrder || a.orgId - b.orgId)
      if (!rows.length) continue
      categories.push({
        category,
        label: CATEGORY_LABELS[category],
        rows: rows.map((a) => ({
          rank: a.rank,
          orgName: a.org.name,
          base: money(a.baseScore),
          bonus: money(a.bonusScore),
          total: money(a.totalScore),
          mark: a.listMark,
        })),
      })
      for (const a of rows) {
        if (!a.listMark) continue
        const reasons = reasonsOf.get(a.orgId) ?? []
        const entry = {
          orgName: a.org.name,
          category,
          label: CATEGORY_LABELS[category],
          reasonText: reasons.map((r) => adjustmentReasonText(r, category, threshold)).join('；'),
        }
        ;(a.listMark === 'RED' ? red : blue).push(entry)
      }
    }
    const areaAdjustments = adjustments
      .filter((x) => x.areaId === area.id)
      .sort(
        (a, b) =>
          a.category.localeCompare(b.category) ||
          Number(b.points) - Number(a.points) ||
          a.org.sortOrder - b.org.sortOrder,
      )
      .map((x) => ({
        orgName: x.org.name,
        category: x.category,
        reason: x.reason,
        reasonText: adjustmentReasonText(x.reason, x.category, threshold),
        points: toFixed2(x.points.toString()),
        month: x.month,
      }))
    return { areaName: area.name, categories, red, blue, adjustments: areaAdjustments }
  })

  // Pure-digit codes would also match dates and numbers in the text, so only lettered codes go.
  const names = allOrgs.flatMap((o) => [o.name, o.shortName ?? '', /\D/.test(o.code) ? o.code : ''])
  const byCategory = new Map<number, NoticeProblemCategory & { sortOrder: number }>()
  for (const f of standing) {
    const pc = f.problemCategory
    let entry = byCategory.get(pc.id)
    if (!entry) {
      entry = { code: pc.code, name: pc.name, count: 0, repeatCount: 0, examples: [], sortOrder: pc.sortOrder }
      byCategory.set(pc.id, entry)
    }
    entry.count++
    if (f.isRepeat) entry.repeatCount++
    const example = anonymise(f.description, names)
    if (entry.examples.length < EXAMPLES_PER_CATEGORY && example && !entry.examples.includes(example)) {
      entry.examples.push(example)
    }
  }
  const problemCategories = [...byCategory.values()]
    .sort((a, b) => b.count - a.count || a.sortOrder - b.sortOrder)
    .map(({ sortOrder: _s, ...rest }) => rest)

  const rectByOrg = new Map<number, NoticeRectificationOrg & { sortOrder: number }>()
  for (const r of rectifications) {
    const deadline = fromDbDate(r.deadline)
    const entry = rectByOrg.get(r.orgId)
    if (!entry) rectByOrg.set(r.orgId, { orgName: r.org.name, count: 1, deadline, sortOrder: r.org.sortOrder })
    else {
      entry.count++
      if (deadline > entry.deadline) entry.deadline = deadline
    }
  }
  const deadlines = rectifications.map((r) => fromDbDate(r.deadline)).sort()

  const defaults = defaultNoticeFields(round)
  const notice = round.notice
  const editedText = notice?.analysis?.trim() ? notice.analysis : null
  const edited = editedText !== null
  const analysis = {
    paragraphs: editedText !== null
      ? analysisParagraphs(editedText)
      : await generatedNoticeAnalysis(db, round.id, areas.map((a) => ({ id: a.id, name: a.name })), now),
    edited,
  }
  return {
    round: {
      id: round.id,
      name: round.name,
      year: round.year,
      quarter: round.quarter,
      inspectionStart: round.inspectionStart ? fromDbDate(round.inspectionStart) : null,
      inspectionEnd: round.inspectionEnd ? fromDbDate(round.inspectionEnd) : null,
      publishedOn: round.publishedAt ? chinaDate(round.publishedAt) : null,
    },
    notice: {
      docNo: notice?.docNo ?? defaults.docNo,
      title: notice?.title ?? defaults.title,
      issuedBy: notice?.issuedBy ?? defaults.issuedBy,
      issuedOn: chinaDate(notice?.issuedAt ?? round.publishedAt ?? now),
      recorded: !!notice,
    },
    areas: noticeAreas,
    totals: {
      orgs: new Set(assessments.map((a) => a.orgId)).size,
      feedbackForms: formCount,
      findings: standing.length,
      problemCategories: byCategory.size,
      rectifications: rectifications.length,
      interviews: interviewCount,
    },
    problemCategories,
    rectification: {
      deadline: deadlines.at(-1) ?? null,
      byOrg: [...rectByOrg.values()]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map(({ sortOrder: _s, ...rest }) => rest),
    },
    threshold,
    analysis,
  }
}

/** '2026-04-01' → '2026年4月1日' (the official-document date style). */
export function chineseDate(day: string | null): string {
  if (!day) return ''
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export const QUARTER_NAMES = ['', '一', '二', '三', '四'] as const

/** The opening paragraph: what was inspected, how, and what was found. */
export function summaryText(data: NoticeData): string {
  const { round, totals } = data
  const period =
    round.inspectionStart && round.inspectionEnd
      ? `于${chineseDate(round.inspectionStart)}至${chineseDate(round.inspectionEnd)}`
      : ''
  return (
    `根据《基层党建工作季度差异化积分考核评价实施方案》，公司党委${period}组织检查组，` +
    `通过走访座谈、查阅资料、现场查看等方式，对${totals.orgs}个党（总）支部${round.year}年第${QUARTER_NAMES[round.quarter] ?? round.quarter}季度党建工作开展督导检查，` +
    `下发现场反馈表${totals.feedbackForms}份，发现问题${totals.problemCategories}类${totals.findings}条。` +
    `经检查组与各党组织核对问题清单，按照同类党组织横向评比、分别排名的原则，现将考核评价结果通报如下。`
  )
}

/** The numbered requirements of the last section. */
export function requirementTexts(data: NoticeData): string[] {
  const deadline = data.rectification.deadline
  const blueCount = data.areas.reduce((n, a) => n + a.blue.length, 0)
  const items = [
    `各党组织要对照问题清单，逐条制定整改措施，明确整改责任人和完成时限，${deadline ? `于${chineseDate(deadline)}前` : '按期'}完成整改，并在系统中提交整改材料。`,
    '整改事项实行滚动销号，经检查组或党建部验证后方可销号；逾期未完成的事项纳入下一季度督导检查“回头看”重点内容。',
  ]
  if (blueCount > 0) {
    items.push(
      `对进入“蓝榜”的${blueCount}个党组织，公司党委将对其负责人进行“清单式”约谈，制定问题整改清单，逐项明确整改措施和完成时限，确保责任到人。`,
    )
  }
  items.push('各党组织要举一反三，对照通报中的典型问题开展自查自纠，坚决杜绝屡查屡犯，推动党建工作质量持续提升。')
  return items
}

export function markText(mark: ListMark | null): string {
  return mark === 'RED' ? '红榜' : mark === 'BLUE' ? '蓝榜' : ''
}
