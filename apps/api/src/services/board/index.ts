import type { AdjustmentReason, OrgCategory, RoundStatus } from '@redblue/db'
import { PUBLISHED_ROUND_STATUSES, chinaDate, toFixed2 } from '@redblue/scoring'
import type { Db } from '../../context'
import { rulesOfRound } from '../workflow/rules'

/**
 * The public Red-Blue board (R11): for every area, the latest round whose results are published,
 * with its red and blue lists per category. Only frozen, published data is read (round status
 * PUBLISHED or CLOSED, the list marks and adjustment reasons written at publication); nothing about
 * findings, scores of unlisted orgs or unpublished rounds ever enters this structure, so the page,
 * the JSON feed and the GraphQL field built from it cannot leak them.
 */

/** Rounds whose results have been published (CLOSED rounds stay published after the look-back). */
export const BOARD_STATUSES: RoundStatus[] = PUBLISHED_ROUND_STATUSES

export const CATEGORY_LABELS: Record<OrgCategory, string> = { I: 'Ⅰ类', II: 'Ⅱ类', III: 'Ⅲ类' }

export interface BoardEntry {
  orgName: string
  shortName: string | null
  /** Rank within the category in that round (public, like the rankings). */
  rank: number | null
  reasons: AdjustmentReason[]
  /** Why the org is on the list, in words for the page: "Ⅰ类第一名", "基础得分低于98分". */
  reasonText: string
}

export interface BoardCategory {
  category: OrgCategory
  label: string
  orgCount: number
  red: BoardEntry[]
  blue: BoardEntry[]
}

export interface BoardRound {
  id: number
  name: string
  year: number
  quarter: number
  publishedAt: Date | null
  /** China calendar day of publication, YYYY-MM-DD. */
  publishedOn: string | null
}

export interface BoardSection {
  areaCode: string
  areaName: string
  round: BoardRound | null
  categories: BoardCategory[]
}

export interface Board {
  sections: BoardSection[]
  /** Latest publication among the sections (for "updated at" and caching). */
  updatedAt: Date | null
}

function reasonText(category: OrgCategory, reasons: AdjustmentReason[], threshold: string): string {
  const label = CATEGORY_LABELS[category]
  const parts = reasons.map((reason) => {
    switch (reason) {
      case 'RED_LIST':
        return `${label}第一名`
      case 'BLUE_LIST':
        return `${label}末位`
      case 'BELOW_THRESHOLD':
        return `基础得分低于${threshold}分`
    }
  })
  return parts.join('；')
}

const REASON_ORDER: AdjustmentReason[] = ['RED_LIST', 'BLUE_LIST', 'BELOW_THRESHOLD']

async function loadSection(
  db: Db,
  area: { id: number; code: string; name: string },
): Promise<BoardSection> {
  const round = await db.inspectionRound.findFirst({
    where: { status: { in: BOARD_STATUSES }, areas: { some: { areaId: area.id } } },
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, year: true, quarter: true, publishedAt: true },
  })
  if (!round) return { areaCode: area.code, areaName: area.name, round: null, categories: [] }

  const [assessments, adjustments, { rules }] = await Promise.all([
    db.assessment.findMany({
      where: { roundId: round.id, areaId: area.id },
      select: {
        orgId: true,
        category: true,
        rank: true,
        listMark: true,
        org: { select: { name: true, shortName: true, sortOrder: true } },
      },
    }),
    db.performanceAdjustment.findMany({
      where: { roundId: round.id, areaId: area.id },
      select: { orgId: true, reason: true },
    }),
    rulesOfRound(db, round),
  ])
  const reasonsOf = new Map<number, AdjustmentReason[]>()
  for (const adj of adjustments) reasonsOf.set(adj.orgId, [...(reasonsOf.get(adj.orgId) ?? []), adj.reason])
  const threshold = toFixed2(rules.baseThreshold).replace(/\.00$/, '')

  const categories: BoardCategory[] = []
  for (const category of ['I', 'II', 'III'] as OrgCategory[]) {
    const inCategory = assessments
      .filter((a) => a.category === category)
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.org.sortOrder - b.org.sortOrder || a.orgId - b.orgId)
    if (inCategory.length === 0) continue
    const entry = (a: (typeof inCategory)[number]): BoardEntry => {
      const reasons = (reasonsOf.get(a.orgId) ?? []).sort((x, y) => REASON_ORDER.indexOf(x) - REASON_ORDER.indexOf(y))
      return {
        orgName: a.org.name,
        shortName: a.org.shortName,
        rank: a.rank,
        reasons,
        reasonText: reasonText(category, reasons, threshold) || (a.listMark === 'RED' ? '红榜' : '蓝榜'),
      }
    }
    categories.push({
      category,
      label: CATEGORY_LABELS[category],
      orgCount: inCategory.length,
      red: inCategory.filter((a) => a.listMark === 'RED').map(entry),
      blue: inCategory.filter((a) => a.listMark === 'BLUE').map(entry),
    })
  }
  return {
    areaCode: area.code,
    areaName: area.name,
    round: {
      ...round,
      publishedOn: round.publishedAt ? chinaDate(round.publishedAt) : null,
    },
    categories,
  }
}

export async function loadBoard(db: Db): Promise<Board> {
  const areas = await db.area.findMany({
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    select: { id: true, code: true, name: true },
  })
  const sections = await Promise.all(areas.map((area) => loadSection(db, area)))
  const times = sections.flatMap((s) => (s.round?.publishedAt ? [s.round.publishedAt.getTime()] : []))
  return { sections, updatedAt: times.length ? new Date(Math.max(...times)) : null }
}

/** The JSON shape served to the floating window (dates as strings, nothing else added). */
export function boardJson(board: Board) {
  return {
    updatedAt: board.updatedAt?.toISOString() ?? null,
    sections: board.sections.map((s) => ({
      areaCode: s.areaCode,
      areaName: s.areaName,
      round: s.round
        ? {
            name: s.round.name,
            year: s.round.year,
            quarter: s.round.quarter,
            publishedOn: s.round.publishedOn,
          }
        : null,
      categories: s.categories.map((c) => ({
        category: c.category,
        label: c.label,
        orgCount: c.orgCount,
        red: c.red.map((e) => ({ orgName: e.orgName, rank: e.rank, reasonText: e.reasonText })),
        blue: c.blue.map((e) => ({ orgName: e.orgName, rank: e.rank, reasonText: e.reasonText })),
      })),
    })),
  }
}

export type BoardJson = ReturnType<typeof boardJson>
