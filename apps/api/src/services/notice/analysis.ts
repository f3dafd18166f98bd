import { insightSentence, type Insight } from '@redblue/scoring'
import type { Db } from '../../context'
import { NotFoundError } from '../../errors'
import { roundInsightsFor } from '../insights'

/**
 * 问题分析 of the 通报, generated from the round's insights (R13), one paragraph per finding of
 * the analysis. The notice goes to every branch, so it says only what the published rankings and
 * lists already show about a named org (declines, runs on the blue list) and names no org for
 * anything built from findings or items: repeats after close-out are counted, team consistency
 * and the live kinds are left out (they are for the administrators' dashboard).
 */

const CONCENTRATION_SHOWN = 3

function paragraphsOf(items: readonly Insight[]): string[] {
  const out: string[] = []
  const concentration = items.filter((x) => x.kind === 'PROBLEM_CONCENTRATION')
  // The rising ones first (warnings), then the largest shares, at most three sentences.
  const shown = [...concentration.filter((x) => x.severity === 'WARNING'), ...concentration.filter((x) => x.severity !== 'WARNING')]
    .slice(0, CONCENTRATION_SHOWN)
  const last = concentration[concentration.length - 1]
  if (last) {
    out.push(
      `问题集中度：${concentration.length} 类问题占本轮问题的 ${last.figures.cumulativeShare}%。` +
        shown.map((x) => `${insightSentence(x)}。`).join(''),
    )
  }
  const fresh = items.filter((x) => x.kind === 'NEW_PROBLEM_CATEGORY')
  if (fresh.length) out.push(`新出现问题：${fresh.map((x) => insightSentence(x)).join('；')}。`)
  const trend = items.filter((x) => x.kind === 'DECLINING_ORG' || x.kind === 'BLUE_AGAIN')
  if (trend.length) out.push(`需关注的党组织：${trend.map((x) => insightSentence(x)).join('；')}。`)
  const weak = items.filter((x) => x.kind === 'WEAK_DIMENSION')
  if (weak.length) out.push(`薄弱环节：${weak.map((x) => insightSentence(x)).join('；')}。`)
  const repeats = items.filter((x) => x.kind === 'REPEAT_AFTER_VERIFICATION')
  if (repeats.length) {
    const orgs = new Set(repeats.map((x) => String(x.orgs[0]?.id)))
    const findings = repeats.reduce((n, x) => n + Number(x.figures.findings ?? 0), 0)
    out.push(
      `屡查屡犯：${orgs.size} 个党组织的 ${repeats.length} 类问题在整改销号后再次被查出，共 ${findings} 个问题，相关党组织要深挖根源、建立长效机制。`,
    )
  }
  const closeOut = items.find((x) => x.kind === 'CLOSE_OUT_RATE')
  if (closeOut) out.push(`整改销号：${insightSentence(closeOut)}。`)
  return out
}

/** The generated 问题分析 of a published round: paragraphs per area (titled when several). */
export async function generatedNoticeAnalysis(
  db: Db,
  roundId: number,
  areas: readonly { id: number; name: string }[],
  now: Date,
): Promise<string[]> {
  const viewer = { userId: 0, role: 'ADMIN' as const, orgId: null }
  const perArea = await Promise.all(
    areas.map(async (area) => ({ area, items: (await roundInsightsFor(db, viewer, { roundId, areaId: area.id, now })).items })),
  )
  const out: string[] = []
  for (const { area, items } of perArea) {
    const paragraphs = paragraphsOf(items)
    if (!paragraphs.length) continue
    out.push(...(areas.length > 1 ? paragraphs.map((p) => `【${area.name}】${p}`) : paragraphs))
  }
  return out.length ? out : ['本轮检查结果未发现需要特别关注的情况。']
}

/** The administrator's edited text as paragraphs (blank lines dropped). */
export function analysisParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** The section as the notice will print it, and the generated text beside it (for the editor). */
export async function noticeAnalysis(db: Db, roundId: number, now: Date) {
  const round = await db.inspectionRound.findUnique({
    where: { id: roundId },
    include: { notice: true, areas: { include: { area: true } } },
  })
  if (!round || (round.status !== 'PUBLISHED' && round.status !== 'CLOSED')) {
    throw new NotFoundError('InspectionRound', roundId, '本轮检查结果尚未发布')
  }
  const areas = round.areas.map((a) => a.area).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
  const generated = await generatedNoticeAnalysis(db, roundId, areas, now)
  const saved = round.notice?.analysis
  const edited = saved != null && saved.trim() !== ''
  return { paragraphs: edited ? analysisParagraphs(saved) : generated, edited, generated }
}
