/** Rectification items (R8, R9) and their history, settled once the whole history is known. */

import { defaultDeadline, required } from '@redblue/scoring'
import { type Catalog, type Org } from './catalog'
import type { Random } from './random'
import { addDays, at, dbDate, maxDay, minDay } from './time'
import { type RoundCtx, type RectificationCtx } from './context'

export interface OpenedRect extends RectificationCtx {
  source: 'FINDING' | 'INTERVIEW'
}

export function openRectifications(catalog: Catalog, ctx: RoundCtx): OpenedRect[] {
  const { rows, ids } = catalog
  const publishedAt = required(ctx.publishedAt, 'the publication time of a published round')
  const deadline = defaultDeadline(publishedAt, catalog.ruleSet(ctx.spec.year).rectificationDays)
  const opened: OpenedRect[] = []
  for (const f of ctx.findings) {
    if (f.status !== 'CONFIRMED' && f.status !== 'UPHELD') continue
    const id = ids.take('rectification')
    const title = `${f.problem.name}：${f.description}`
    rows.rectification.push({
      id,
      source: 'FINDING',
      findingId: f.id,
      orgId: f.org.id,
      roundId: ctx.id,
      problemCategoryId: required(
        catalog.problemId.get(f.problem.code),
        `problem category ${f.problem.code}`,
      ),
      title,
      measure: f.problem.measure,
      responsiblePerson: `${f.org.secretary}（支部书记）`,
      deadline: dbDate(deadline),
      createdAt: publishedAt,
    })
    opened.push({ id, round: ctx, org: f.org, title, defaultDeadline: deadline, source: 'FINDING' })
  }
  {
    for (const item of ctx.interviewItems) {
      const id = ids.take('rectification')
      const itemDeadline = addDays(item.date, 30)
      rows.rectification.push({
        id,
        source: 'INTERVIEW',
        interviewItemId: item.id,
        orgId: item.org.id,
        roundId: ctx.id,
        title: item.content,
        measure: `按约谈清单要求落实：${item.content}`,
        responsiblePerson: `${item.org.secretary}（支部书记）`,
        deadline: dbDate(itemDeadline),
        createdAt: at(item.date, '16:00'),
      })
      opened.push({
        id,
        round: ctx,
        org: item.org,
        title: item.content,
        defaultDeadline: itemDeadline,
        source: 'INTERVIEW',
      })
    }
  }
  return opened
}

export type FinalState = 'CLOSED' | 'OVERDUE' | 'DUE_SOON' | 'OPEN' | 'SUBMITTED' | 'RETURNED'

export const OPEN_STATES: readonly FinalState[] = [
  'OVERDUE',
  'DUE_SOON',
  'SUBMITTED',
  'RETURNED',
  'OPEN',
]

/**
 * Older rounds' items were all verified (some after being carried over once); the latest published
 * round's items are spread over every state, with deadlines relative to today so the demo stays
 * current: overdue, due within the warning days, open, submitted for verification, returned.
 */
export function settleRectifications(
  catalog: Catalog,
  rounds: RoundCtx[],
  current: RoundCtx,
  items: RectificationCtx[],
  today: string,
  now: Date,
  branchOrg: Org,
  random: Random,
): void {
  const { rows, ids } = catalog
  const latest = required(rounds[rounds.length - 1], 'the latest round')
  const event = (
    rectificationId: number,
    type: 'CREATED' | 'EDITED' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'CARRIED_OVER',
    when: Date,
    actorId: number,
    note: string,
    roundId?: number,
  ) => {
    rows.rectificationEvent.push({
      id: ids.take('rectificationEvent'),
      rectificationId,
      type,
      roundId,
      note,
      actorId,
      createdAt: when > now ? now : when,
    })
  }
  const verifier = (round: RoundCtx, org: Org) =>
    round.teamOf.get(org.id)?.members[0]?.id ?? catalog.adminId

  // The demo branch org covers every open state first; the rest is drawn.
  const branchQueue: FinalState[] = [
    'OVERDUE',
    'DUE_SOON',
    'SUBMITTED',
    'RETURNED',
    'OPEN',
    'CLOSED',
  ]
  const globalQueue: FinalState[] = [...OPEN_STATES]

  for (const item of items) {
    const row = required(
      rows.rectification.find((r) => r.id === item.id),
      `rectification row ${item.id}`,
    )
    const createdAt = row.createdAt as Date
    event(item.id, 'CREATED', createdAt, catalog.adminId, `整改期限：${item.defaultDeadline}`)
    const submitDay = addDays(item.defaultDeadline, -random.int(2, 12))

    if (item.round !== latest) {
      const next = required(rounds[item.round.index + 1], 'the next round')
      const carried = item.round.index + 2 < rounds.length && random.chance(0.06)
      const verifyRound = carried
        ? required(rounds[item.round.index + 2], 'the round after next')
        : next
      if (random.chance(0.1)) {
        event(
          item.id,
          'SUBMITTED',
          at(addDays(submitDay, -7), '10:00'),
          item.org.userId,
          '已完成整改，上传佐证材料。',
        )
        event(
          item.id,
          'RETURNED',
          at(addDays(submitDay, -4), '15:00'),
          catalog.adminId,
          '佐证材料不完整，请补充会议记录和照片。',
        )
      }
      if (carried) {
        const visit = next.visitDay.get(item.org.id) ?? next.spec.start
        const extended = addDays(
          required(next.spec.published, 'the publication date of the next round'),
          30,
        )
        event(
          item.id,
          'CARRIED_OVER',
          at(visit, '15:00'),
          verifier(next, item.org),
          `“回头看”：整改尚未到位，结转至下一轮，完成时限调整为${extended}。`,
          next.id,
        )
        row.carryOverCount = 1
        row.deadline = dbDate(extended)
      }
      const lastDeadline = carried
        ? addDays(required(next.spec.published, 'the publication date of the next round'), 30)
        : item.defaultDeadline
      event(
        item.id,
        'SUBMITTED',
        at(minDay(submitDay, lastDeadline), '10:00'),
        item.org.userId,
        '已按整改措施完成整改，佐证材料已上传。',
      )
      const verifyDay = verifyRound.visitDay.get(item.org.id) ?? verifyRound.spec.start
      event(
        item.id,
        'VERIFIED',
        at(verifyDay, '15:30'),
        verifier(verifyRound, item.org),
        '“回头看”核查：整改到位，同意销号。',
        verifyRound.id,
      )
      row.status = 'CLOSED'
      row.closedAt = at(verifyDay, '15:30')
      row.version = 3
      continue
    }

    let state: FinalState
    if (item.org.id === branchOrg.id && branchQueue.length > 0)
      state = required(branchQueue.shift(), 'a queued state')
    else if (globalQueue.length > 0 && random.chance(0.5))
      state = required(globalQueue.shift(), 'a queued state')
    else
      state = random.weighted([
        ['CLOSED', 55],
        ['OVERDUE', 9],
        ['DUE_SOON', 8],
        ['OPEN', 10],
        ['SUBMITTED', 10],
        ['RETURNED', 8],
      ] as const)

    const extend = (deadline: string) => {
      row.deadline = dbDate(deadline)
      const when = maxDay(addDays(createdAt.toISOString().slice(0, 10), 20), addDays(deadline, -45))
      event(
        item.id,
        'EDITED',
        at(minDay(when, today), '11:00'),
        catalog.adminId,
        `经申请，完成时限调整为${deadline}。`,
      )
    }
    const visit = current.visitDay.get(item.org.id)
    switch (state) {
      case 'CLOSED': {
        const lookBack = visit !== undefined && visit <= today && random.chance(0.4)
        const day = lookBack ? visit : addDays(submitDay, random.int(5, 20))
        event(
          item.id,
          'SUBMITTED',
          at(submitDay, '10:00'),
          item.org.userId,
          '已完成整改，佐证材料已上传。',
        )
        event(
          item.id,
          'VERIFIED',
          at(day, '15:30'),
          lookBack ? verifier(current, item.org) : catalog.adminId,
          lookBack ? '“回头看”核查：整改到位，同意销号。' : '经核查整改到位，同意销号。',
          lookBack ? current.id : undefined,
        )
        row.status = 'CLOSED'
        row.closedAt = at(day, '15:30')
        row.version = 3
        break
      }
      case 'OVERDUE':
        extend(addDays(today, -random.int(3, 20)))
        break
      case 'DUE_SOON':
        extend(addDays(today, random.int(1, 6)))
        break
      case 'OPEN': {
        const deadline = addDays(today, random.int(15, 40))
        if (visit !== undefined && visit <= today) {
          row.deadline = dbDate(deadline)
          row.carryOverCount = 1
          event(
            item.id,
            'CARRIED_OVER',
            at(visit, '15:00'),
            verifier(current, item.org),
            `“回头看”：整改尚未完成，结转跟踪，完成时限调整为${deadline}。`,
            current.id,
          )
        } else {
          extend(deadline)
        }
        break
      }
      case 'SUBMITTED':
        extend(addDays(today, random.int(5, 20)))
        event(
          item.id,
          'SUBMITTED',
          at(addDays(today, -random.int(1, 4)), '10:00'),
          item.org.userId,
          '已完成整改，提交佐证材料，请核查。',
        )
        row.status = 'SUBMITTED'
        row.version = 2
        break
      case 'RETURNED':
        extend(addDays(today, random.int(8, 20)))
        event(
          item.id,
          'SUBMITTED',
          at(addDays(today, -10), '10:00'),
          item.org.userId,
          '已完成整改，提交佐证材料。',
        )
        event(
          item.id,
          'RETURNED',
          at(addDays(today, -7), '15:00'),
          catalog.adminId,
          '佐证材料不能证明整改到位，请补充整改前后对比材料后重新提交。',
        )
        row.status = 'RETURNED'
        row.version = 3
        break
    }
  }
}
