import { required } from '@redblue/scoring'
import type { InspectionRound, PrismaClient, RoundStatus } from '@redblue/db'
import { z } from 'zod'
import { ConflictError, ValidationError } from '../../errors'
import { requireAdmin, type Actor } from '../../access'
import { parseInput } from '../../validation'
import { audit } from './audit'
import { assertRoundFree } from './conflict-of-interest'
import { publishRound } from './publish'
import { ROUND_STATUS_LABEL, assertRoundStatus, getRound, recordTransition } from './round-state'
import type { FaultHooks, Tx } from './types'

export { ROUND_STATUS_LABEL, assertRoundStatus, getRound, recordTransition } from './round-state'

/** The only forward path of R6; there is no way back once results are published. */
export const NEXT_STATUS: Partial<Record<RoundStatus, RoundStatus>> = {
  PLANNING: 'INSPECTING',
  INSPECTING: 'RECONCILING',
  RECONCILING: 'PUBLISHED',
  PUBLISHED: 'CLOSED',
}

export interface CreateRoundInput {
  year: number
  quarter: number
  name?: string | null
  areaIds: number[]
  inspectionStart?: Date | null
  inspectionEnd?: Date | null
}

/**
 * A round's name heads the round page, the rounds list and its notices; like a user's display
 * name it is kept to one line there.
 */
export const ROUND_NAME_MAX = 50
const roundNameSchema = z.string().trim().max(ROUND_NAME_MAX).nullish()

async function checkAreas(tx: Tx, areaIds: number[]): Promise<number[]> {
  const ids = [...new Set(areaIds)]
  if (ids.length === 0) throw new ValidationError('请至少选择一个专业')
  const found = await tx.area.count({ where: { id: { in: ids } } })
  if (found !== ids.length) throw new ValidationError('所选专业不存在')
  return ids
}

function checkDates(start?: Date | null, end?: Date | null): void {
  if (start && end && end.getTime() < start.getTime()) {
    throw new ValidationError('检查结束日期不能早于开始日期')
  }
}

/** Creates a round in PLANNING and links it to the latest earlier round for the look-back. */
export async function createRound(tx: Tx, actor: Actor, input: CreateRoundInput) {
  requireAdmin(actor)
  const { year, quarter } = input
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError('年度无效')
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new ValidationError('季度必须是 1 到 4')
  }
  const name = parseInput(roundNameSchema, input.name, ['input', 'name'])
  checkDates(input.inspectionStart, input.inspectionEnd)
  const areaIds = await checkAreas(tx, input.areaIds)
  const existing = await tx.inspectionRound.findUnique({
    where: { year_quarter: { year, quarter } },
  })
  if (existing) throw new ValidationError(`${year}年第${quarter}季度的检查轮次已存在`)
  const previous = await tx.inspectionRound.findFirst({
    where: { OR: [{ year: { lt: year } }, { year, quarter: { lt: quarter } }] },
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }],
    select: { id: true },
  })
  const round = await tx.inspectionRound.create({
    data: {
      year,
      quarter,
      name: name || `${year}年第${quarter}季度党建工作检查`,
      previousRoundId: previous?.id ?? null,
      inspectionStart: input.inspectionStart ?? null,
      inspectionEnd: input.inspectionEnd ?? null,
      areas: { create: areaIds.map((areaId) => ({ areaId })) },
      statusChanges: { create: { fromStatus: null, toStatus: 'PLANNING', actorId: actor.userId } },
    },
  })
  await audit(tx, actor, 'round.create', 'InspectionRound', round.id, null, { ...round, areaIds })
  return round
}

export interface UpdateRoundInput {
  roundId: number
  version: number
  name?: string | null
  areaIds?: number[] | null
  inspectionStart?: Date | null
  inspectionEnd?: Date | null
}

export async function updateRound(tx: Tx, actor: Actor, input: UpdateRoundInput) {
  requireAdmin(actor)
  const name = parseInput(roundNameSchema, input.name, ['input', 'name'])
  const before = await getRound(tx, input.roundId)
  assertRoundStatus(before, 'PLANNING', 'INSPECTING', 'RECONCILING')
  if (input.areaIds) assertRoundStatus(before, 'PLANNING')
  const start = input.inspectionStart === undefined ? before.inspectionStart : input.inspectionStart
  const end = input.inspectionEnd === undefined ? before.inspectionEnd : input.inspectionEnd
  checkDates(start, end)
  const { count } = await tx.inspectionRound.updateMany({
    where: { id: before.id, version: input.version },
    data: {
      ...(name ? { name } : {}),
      inspectionStart: start,
      inspectionEnd: end,
      version: { increment: 1 },
    },
  })
  if (count === 0) throw new ConflictError('InspectionRound', before.id, before, before.version)
  if (input.areaIds) {
    const areaIds = await checkAreas(tx, input.areaIds)
    await tx.roundArea.deleteMany({ where: { roundId: before.id } })
    await tx.roundArea.createMany({
      data: areaIds.map((areaId) => ({ roundId: before.id, areaId })),
    })
  }
  const after = await getRound(tx, before.id)
  await audit(tx, actor, 'round.update', 'InspectionRound', before.id, before, {
    ...after,
    ...(input.areaIds ? { areaIds: input.areaIds } : {}),
  })
  return after
}

/** Only an unstarted round can be removed; anything later is history. */
export async function deleteRound(tx: Tx, actor: Actor, roundId: number) {
  requireAdmin(actor)
  const round = await getRound(tx, roundId)
  assertRoundStatus(round, 'PLANNING')
  await tx.inspectionRound.updateMany({
    where: { previousRoundId: round.id },
    data: { previousRoundId: round.previousRoundId },
  })
  await tx.inspectionRound.delete({ where: { id: round.id } })
  await audit(tx, actor, 'round.delete', 'InspectionRound', round.id, round, null)
  return round
}

/** Moves the round one step along R6 after checking the step's precondition. */
export async function transitionRound(
  tx: Tx,
  actor: Actor,
  input: {
    roundId: number
    to: RoundStatus
    note?: string | null
    now?: Date
    /** Passed on to publication (see `PublishInput.reader`). */
    reader?: PrismaClient | null
  },
  hooks: FaultHooks = {},
) {
  requireAdmin(actor)
  const round = await getRound(tx, input.roundId)
  if (NEXT_STATUS[round.status] !== input.to) {
    throw new ValidationError(
      `检查轮次不能从“${ROUND_STATUS_LABEL[round.status]}”转到“${ROUND_STATUS_LABEL[input.to]}”`,
    )
  }
  const now = input.now ?? new Date()
  switch (input.to) {
    case 'INSPECTING':
      await startInspection(tx, round, now)
      break
    case 'RECONCILING':
      await checkInspectionFinished(tx, round)
      break
    case 'PUBLISHED':
      return publishRound(tx, actor, { roundId: round.id, note: input.note, now, reader: input.reader }, hooks)
    case 'CLOSED':
      await checkLookBackDone(tx, round)
      break
    case 'PLANNING':
      break
  }
  return recordTransition(tx, actor, round, input.to, input.note ?? null, now)
}

/**
 * PLANNING → INSPECTING: every active assessed org with a category this year gets one assessment
 * per round area, pinned to the PUBLISHED scheme revision for (year, area, category) in force now,
 * with its category and unit type snapshotted. Every such org must have a team assigned.
 */
async function startInspection(tx: Tx, round: InspectionRound, _now: Date): Promise<void> {
  const areas = await tx.roundArea.findMany({
    where: { roundId: round.id },
    include: { area: true },
    orderBy: { area: { sortOrder: 'asc' } },
  })
  if (areas.length === 0) throw new ValidationError('检查轮次没有选择专业')
  const orgs = await tx.organization.findMany({
    where: { active: true, assessed: true, categoryAssignments: { some: { year: round.year } } },
    include: { categoryAssignments: { where: { year: round.year } } },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  })
  if (orgs.length === 0) throw new ValidationError(`${round.year}年没有划分类别的被考核党组织`)
  const assigned = new Set(
    (
      await tx.teamAssignment.findMany({ where: { roundId: round.id }, select: { orgId: true } })
    ).map((a) => a.orgId),
  )
  const unassigned = orgs.filter((o) => !assigned.has(o.id))
  if (unassigned.length) {
    throw new ValidationError(
      `以下党组织尚未分配检查组：${unassigned.map((o) => o.name).join('、')}`,
    )
  }
  await assertRoundFree(tx, round.id)
  const schemes = await tx.scheme.findMany({
    where: { year: round.year, areaId: { in: areas.map((a) => a.areaId) }, status: 'PUBLISHED' },
    orderBy: { revision: 'desc' },
    select: { id: true, areaId: true, category: true },
  })
  const schemeFor = (areaId: number, category: string) =>
    schemes.find((s) => s.areaId === areaId && s.category === category)
  const missing: string[] = []
  const rows = []
  for (const { area, areaId } of areas) {
    for (const org of orgs) {
      const { category } = required(org.categoryAssignments[0], `category of org ${org.id}`)
      const scheme = schemeFor(areaId, category)
      if (!scheme) {
        const label = `${area.name}${category}类`
        if (!missing.includes(label)) missing.push(label)
        continue
      }
      rows.push({
        roundId: round.id,
        orgId: org.id,
        areaId,
        schemeId: scheme.id,
        category,
        unitType: org.unitType,
      })
    }
  }
  if (missing.length) {
    throw new ValidationError(`${round.year}年以下考核方案尚未发布：${missing.join('、')}`)
  }
  await tx.assessment.createMany({ data: rows, skipDuplicates: true })
}

/** INSPECTING → RECONCILING: every assessment submitted by its inspectors. */
async function checkInspectionFinished(tx: Tx, round: InspectionRound): Promise<void> {
  const open = await tx.assessment.findMany({
    where: { roundId: round.id, status: { not: 'SUBMITTED' } },
    include: { org: { select: { name: true } }, area: { select: { name: true } } },
    take: 20,
  })
  if (open.length) {
    const names = open.map((a) => `${a.org.name}（${a.area.name}）`).join('、')
    throw new ValidationError(`以下评分尚未提交：${names}`)
  }
}

/**
 * PUBLISHED → CLOSED: the next round's look-back must have dealt with every item this round
 * opened — each is closed (verified) or was carried over in that round.
 */
async function checkLookBackDone(tx: Tx, round: InspectionRound): Promise<void> {
  const next = await tx.inspectionRound.findFirst({ where: { previousRoundId: round.id } })
  if (!next || next.status === 'PLANNING') {
    throw new ValidationError('下一轮检查开展“回头看”之后才能关闭本轮')
  }
  const pending = await tx.rectification.count({
    where: {
      roundId: round.id,
      status: { not: 'CLOSED' },
      events: { none: { type: 'CARRIED_OVER', roundId: next.id } },
    },
  })
  if (pending > 0) {
    throw new ValidationError(`本轮还有 ${pending} 项整改未在下一轮“回头看”中核验或结转`)
  }
}
