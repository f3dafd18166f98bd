import type { ListMark, OrgCategory, Prisma } from '@redblue/db'
import { chinaMonth, computeLists, defaultDeadline, rankEntries } from '@redblue/scoring'
import { ValidationError } from '../../errors'
import { requireAdmin } from './access'
import { audit } from './audit'
import { assertRoundStatus, getRound, recordTransition } from './rounds'
import { rulesFor, toDbDate } from './rules'
import { FINAL_COUNTED, scorableInclude, SchemeCache, scoreWith } from './scoring'
import type { Actor, FaultHooks, Tx } from './types'

export interface PublishInput {
  roundId: number
  note?: string | null
  now?: Date
  /** 通报 document number and title; defaulted from the round. */
  docNo?: string | null
  title?: string | null
  issuedBy?: string | null
}

const DEEMED_CONFIRMED = '核对期结束未提出异议，视为确认'
const TITLE_MAX = 200

/**
 * RECONCILING → PUBLISHED (R3–R6, R8, R9), all in the caller's one transaction so that any
 * failure leaves nothing behind:
 * 1. refuse while a dispute is open; findings the org never reacted to are deemed confirmed;
 * 2. freeze every assessment: points per indicator input, dimension subtotals, base/bonus/total
 *    (only CONFIRMED and UPHELD findings count);
 * 3. rank per area and category; red/blue marks and performance adjustments from the year's rule
 *    set, dated to the month of publication in China time;
 * 4. open one rectification per counted finding (deadline = publication day + rule set days,
 *    responsible person defaulted to the org's first branch user) and one interview per blue-list
 *    org and area; issue the notice; record the transition.
 * The status flips first, so a concurrent second publish waits on the row and then fails.
 */
export async function publishRound(
  tx: Tx,
  actor: Actor,
  input: PublishInput,
  hooks: FaultHooks = {},
) {
  requireAdmin(actor)
  const step = async (name: string) => {
    await hooks.onStep?.(name)
  }
  const now = input.now ?? new Date()
  const round = await getRound(tx, input.roundId)
  if (round.status === 'PUBLISHED' || round.status === 'CLOSED') {
    throw new ValidationError('本轮检查结果已发布，不能重复发布')
  }
  assertRoundStatus(round, 'RECONCILING')
  const disputed = await tx.finding.count({
    where: { roundId: round.id, reconciliationStatus: 'DISPUTED' },
  })
  if (disputed > 0) throw new ValidationError(`还有 ${disputed} 个有异议的问题未处理，不能发布`)
  const published = await recordTransition(tx, actor, round, 'PUBLISHED', input.note ?? null, now)
  await step('status')

  const pending = await tx.finding.findMany({
    where: { roundId: round.id, reconciliationStatus: 'PENDING' },
    select: { id: true },
  })
  if (pending.length) {
    await tx.finding.updateMany({
      where: { id: { in: pending.map((f) => f.id) } },
      data: { reconciliationStatus: 'CONFIRMED', version: { increment: 1 } },
    })
    await tx.reconciliationRecord.createMany({
      data: pending.map((f) => ({
        findingId: f.id,
        action: 'CONFIRM' as const,
        reason: DEEMED_CONFIRMED,
        actorId: actor.userId,
        at: now,
      })),
    })
  }

  const { rules } = await rulesFor(tx, round.year)
  const assessments = await tx.assessment.findMany({
    where: { roundId: round.id },
    include: scorableInclude,
    orderBy: { id: 'asc' },
  })
  const cache = new SchemeCache(tx)
  await cache.preload(assessments.map((a) => a.schemeId))
  const scored = []
  for (const assessment of assessments) {
    const score = await scoreWith(cache, assessment, FINAL_COUNTED)
    const points = new Map(score.indicators.map((i) => [Number(i.indicatorId), i.points]))
    const existing = new Map(assessment.inputs.map((i) => [i.indicatorId, i]))
    // Replace the inputs wholesale (2 statements instead of one per indicator), keeping values.
    await tx.indicatorInput.deleteMany({ where: { assessmentId: assessment.id } })
    await tx.indicatorInput.createMany({
      data: [...points].map(([indicatorId, p]) => {
        const old = existing.get(indicatorId)
        return {
          assessmentId: assessment.id,
          indicatorId,
          ratingLevel: old?.ratingLevel ?? null,
          quantityValue: old?.quantityValue ?? null,
          bonusPoints: old?.bonusPoints ?? null,
          note: old?.note ?? null,
          version: (old?.version ?? 0) + 1,
          points: p,
        }
      }),
    })
    await tx.assessmentDimensionScore.createMany({
      data: score.dimensions.map((d) => ({
        assessmentId: assessment.id,
        dimensionId: Number(d.dimensionId),
        points: d.points,
        lost: d.lost,
      })),
    })
    scored.push({ assessment, score })
  }
  await step('frozen')

  // Rank per (area, category) and mark the lists per area.
  const rankOf = new Map<number, number>()
  const markOf = new Map<number, ListMark>()
  const adjustments: Prisma.PerformanceAdjustmentCreateManyInput[] = []
  const blue: { orgId: number; areaId: number }[] = []
  const month = chinaMonth(now)
  const areaIds = [...new Set(scored.map((s) => s.assessment.areaId))]
  for (const areaId of areaIds) {
    const inArea = scored.filter((s) => s.assessment.areaId === areaId)
    const rows = []
    for (const category of ['I', 'II', 'III'] as OrgCategory[]) {
      const entries = inArea
        .filter((s) => s.assessment.category === category)
        .map((s) => ({
          id: s.assessment.id,
          orgId: s.assessment.orgId,
          total: s.score.total,
          base: s.score.base,
        }))
      for (const ranked of rankEntries(entries)) {
        rankOf.set(ranked.id, ranked.rank)
        rows.push({
          orgId: ranked.orgId,
          category,
          base: ranked.base,
          total: ranked.total,
          rank: ranked.rank,
        })
      }
    }
    const lists = computeLists(rows, rules)
    for (const mark of lists.marks) {
      const hit = inArea.find((s) => s.assessment.orgId === Number(mark.orgId))
      if (!hit) continue
      markOf.set(hit.assessment.id, mark.mark)
      if (mark.mark === 'BLUE') blue.push({ orgId: hit.assessment.orgId, areaId })
    }
    for (const adj of lists.adjustments) {
      adjustments.push({
        roundId: round.id,
        orgId: Number(adj.orgId),
        areaId,
        category: adj.category,
        reason: adj.reason,
        points: adj.points,
        month,
      })
    }
  }
  for (const { assessment, score } of scored) {
    await tx.assessment.update({
      where: { id: assessment.id },
      data: {
        baseScore: score.base,
        bonusScore: score.bonus,
        totalScore: score.total,
        rank: rankOf.get(assessment.id) ?? null,
        listMark: markOf.get(assessment.id) ?? null,
        frozenAt: now,
        version: { increment: 1 },
      },
    })
  }
  if (adjustments.length) await tx.performanceAdjustment.createMany({ data: adjustments })
  await step('lists')

  // Rectification items for every finding that stands.
  const deadline = toDbDate(defaultDeadline(now, rules.rectificationDays))
  const standing = await tx.finding.findMany({
    where: { roundId: round.id, reconciliationStatus: { in: FINAL_COUNTED } },
    orderBy: { id: 'asc' },
  })
  const responsible = await defaultResponsible(tx, [...new Set(standing.map((f) => f.orgId))])
  if (standing.length) {
    const created = await tx.rectification.createManyAndReturn({
      data: standing.map((f) => ({
        source: 'FINDING' as const,
        findingId: f.id,
        orgId: f.orgId,
        roundId: round.id,
        problemCategoryId: f.problemCategoryId,
        title:
          f.description.length > TITLE_MAX
            ? `${f.description.slice(0, TITLE_MAX - 1)}…`
            : f.description,
        responsiblePerson: responsible.get(f.orgId) ?? '',
        deadline,
      })),
      select: { id: true },
    })
    await tx.rectificationEvent.createMany({
      data: created.map((r) => ({
        rectificationId: r.id,
        type: 'CREATED' as const,
        roundId: round.id,
        note: '检查结果发布，生成整改事项',
        actorId: actor.userId,
        createdAt: now,
      })),
    })
  }
  await step('rectifications')

  if (blue.length) {
    await tx.interview.createMany({
      data: blue.map((b) => ({
        roundId: round.id,
        orgId: b.orgId,
        areaId: b.areaId,
        interviewer: '公司党委',
      })),
    })
  }
  await tx.notice.create({
    data: {
      roundId: round.id,
      docNo: input.docNo?.trim() || `${round.year}年第${round.quarter}季度`,
      title:
        input.title?.trim() ||
        `关于${round.year}年第${round.quarter}季度党建工作“红蓝榜”考评结果的通报`,
      issuedBy: input.issuedBy?.trim() || '公司党委',
      issuedAt: now,
    },
  })
  await step('interviews')

  await audit(tx, actor, 'round.publishResults', 'InspectionRound', round.id, null, {
    assessments: scored.length,
    deemedConfirmed: pending.length,
    rectifications: standing.length,
    interviews: blue.length,
    adjustments: adjustments.length,
    month,
  })
  return published
}

/** An org's first active branch user (by id), or nobody; the org edits it afterwards. */
async function defaultResponsible(tx: Tx, orgIds: number[]): Promise<Map<number, string>> {
  const users = await tx.user.findMany({
    where: { orgId: { in: orgIds }, role: 'BRANCH', active: true },
    orderBy: { id: 'asc' },
    select: { orgId: true, displayName: true },
  })
  const result = new Map<number, string>()
  for (const u of users)
    if (u.orgId !== null && !result.has(u.orgId)) result.set(u.orgId, u.displayName)
  return result
}
