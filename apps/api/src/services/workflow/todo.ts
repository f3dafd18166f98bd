import type { Prisma, RectificationStatus } from '@redblue/db'
import { DEFAULT_RULE_SET, type WarningColour, required } from '@redblue/scoring'
import { loadScope, rectificationWhere, type Actor } from '../../access'
import { warningOf, warningWhere } from './rectifications'
import { fromDbDate, warningDaysByYear } from './rules'
import type { Tx } from './types'
import { earlyWarnings } from '../insights/todo'

export type TodoKind =
  | 'RECTIFICATION_DUE_SOON'
  | 'RECTIFICATION_OVERDUE'
  | 'RECTIFICATION_RETURNED'
  | 'RECTIFICATION_TO_VERIFY'
  | 'FINDINGS_TO_RECONCILE'
  | 'DISPUTE_TO_RESOLVE'
  | 'ASSESSMENT_TO_FINISH'
  | 'LOOK_BACK'
  | 'ORG_DECLINING'
  | 'RECTIFICATION_CARRIED_OVER'

export interface TodoItem {
  kind: TodoKind
  title: string
  entityType: 'Rectification' | 'Finding' | 'Assessment' | 'InspectionRound'
  entityId: number
  orgName: string | null
  /** YYYY-MM-DD (China), for items with a deadline. */
  dueDate: string | null
  daysLeft: number | null
  /** R8's colour of a rectification (rectificationWarning, the engine's one rule); null otherwise. */
  colour: WarningColour | null
}

export interface TodoCounts {
  total: number
  dueSoon: number
  overdue: number
  returned: number
  toVerify: number
  toReconcile: number
  disputes: number
  assessments: number
  lookBack: number
  /** R13 early warnings (admin): declining orgs, items carried over again and again. */
  earlyWarnings: number
}

/** Items returned in full; counts always cover everything. */
const ITEM_LIMIT = 100

/**
 * The in-app to-do list (badge counts + items) for one user, by role:
 * BRANCH — its org's open items due within the warning days, overdue or returned, and findings
 * awaiting its confirmation; INSPECTOR — unfinished assessments, submissions to verify and
 * look-back items of its assigned orgs; ADMIN — disputes to resolve, submissions to verify and
 * overdue items everywhere; LEADER — nothing: leaders read everything and change nothing (R12),
 * so a to-do would be one they cannot act on.
 */
export async function todoList(tx: Tx, actor: Actor, now = new Date()) {
  const scope = await loadScope(tx, actor)
  const items: TodoItem[] = []
  const counts: TodoCounts = {
    total: 0,
    dueSoon: 0,
    overdue: 0,
    returned: 0,
    toVerify: 0,
    toReconcile: 0,
    disputes: 0,
    assessments: 0,
    lookBack: 0,
    earlyWarnings: 0,
  }
  const push = (item: TodoItem) => {
    if (items.length < ITEM_LIMIT) items.push(item)
  }
  const days = await warningDaysByYear(tx)
  const { role } = actor
  // Which open items are to-dos for the role, as `where`s (so counts run in the database, however
  // many items a province has): submissions to verify (admin, inspector), returned items (branch),
  // overdue items (everyone but inspectors; for a branch not the returned ones) and items due
  // within the warning days (branch).
  const scoped = rectificationWhere(scope)
  const kinds: {
    kind: TodoKind
    count: keyof TodoCounts
    where: Prisma.RectificationWhereInput
  }[] = []
  if (role === 'ADMIN' || role === 'INSPECTOR') {
    kinds.push({
      kind: 'RECTIFICATION_TO_VERIFY',
      count: 'toVerify',
      where: { status: 'SUBMITTED' },
    })
  }
  if (role === 'BRANCH') {
    kinds.push({ kind: 'RECTIFICATION_RETURNED', count: 'returned', where: { status: 'RETURNED' } })
  }
  if (role === 'ADMIN' || role === 'BRANCH') {
    // Overdue and still with the org (a branch sees its returned items under their own kind).
    const waiting: RectificationStatus[] = role === 'BRANCH' ? ['OPEN'] : ['OPEN', 'RETURNED']
    kinds.push({
      kind: 'RECTIFICATION_OVERDUE',
      count: 'overdue',
      where: { AND: [warningWhere('RED', now, days), { status: { in: waiting } }] },
    })
  }
  if (role === 'BRANCH') {
    kinds.push({
      kind: 'RECTIFICATION_DUE_SOON',
      count: 'dueSoon',
      where: { AND: [warningWhere('YELLOW', now, days), { status: 'OPEN' }] },
    })
  }
  const [rects, ...kindCounts] = await Promise.all([
    kinds.length
      ? tx.rectification.findMany({
          where: { AND: [scoped, { OR: kinds.map((k) => k.where) }] },
          include: { org: { select: { name: true } }, round: { select: { year: true } } },
          orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
          take: ITEM_LIMIT,
        })
      : Promise.resolve([]),
    ...kinds.map((k) => tx.rectification.count({ where: { AND: [scoped, k.where] } })),
  ])
  for (const [i, k] of kinds.entries()) counts[k.count] += required(kindCounts[i], `${k.count} count`)
  for (const r of rects) {
    const warning = warningOf(r, now, days.get(r.round.year) ?? DEFAULT_RULE_SET.warningDays)
    const kind =
      r.status === 'SUBMITTED'
        ? 'RECTIFICATION_TO_VERIFY'
        : role === 'BRANCH' && r.status === 'RETURNED'
          ? 'RECTIFICATION_RETURNED'
          : warning.overdue
            ? 'RECTIFICATION_OVERDUE'
            : 'RECTIFICATION_DUE_SOON'
    push({
      kind,
      title: r.title,
      entityType: 'Rectification',
      entityId: r.id,
      orgName: r.org.name,
      dueDate: fromDbDate(r.deadline),
      daysLeft: warning.daysLeft,
      colour: warning.colour,
    })
  }

  if (role === 'BRANCH' && actor.orgId !== null) {
    const pending = await tx.finding.groupBy({
      by: ['roundId'],
      where: {
        orgId: actor.orgId,
        reconciliationStatus: 'PENDING',
        round: { status: 'RECONCILING' },
      },
      _count: { _all: true },
    })
    for (const p of pending) {
      counts.toReconcile += p._count._all
      push({
        kind: 'FINDINGS_TO_RECONCILE',
        title: `${p._count._all} 个问题待核对`,
        entityType: 'InspectionRound',
        entityId: p.roundId,
        orgName: null,
        dueDate: null,
        daysLeft: null,
        colour: null,
      })
    }
  }

  if (role === 'ADMIN') {
    const disputes = await tx.finding.findMany({
      where: { reconciliationStatus: 'DISPUTED', round: { status: 'RECONCILING' } },
      include: { org: { select: { name: true } } },
      orderBy: { id: 'asc' },
    })
    counts.disputes = disputes.length
    for (const f of disputes) {
      push({
        kind: 'DISPUTE_TO_RESOLVE',
        title: f.description,
        entityType: 'Finding',
        entityId: f.id,
        orgName: f.org.name,
        dueDate: null,
        daysLeft: null,
        colour: null,
      })
    }
  }

  if (role === 'ADMIN') {
    const warnings = await earlyWarnings(tx)
    counts.earlyWarnings = warnings.length
    for (const w of warnings) push({ ...w, dueDate: null, daysLeft: null, colour: null })
  }

  if (role === 'INSPECTOR') {
    const pairs = scope.pairs
    if (pairs.length) {
      const open = await tx.assessment.findMany({
        where: { OR: pairs, status: { not: 'SUBMITTED' }, round: { status: 'INSPECTING' } },
        include: { org: { select: { name: true } }, area: { select: { name: true } } },
        orderBy: { id: 'asc' },
      })
      counts.assessments = open.length
      for (const a of open) {
        push({
          kind: 'ASSESSMENT_TO_FINISH',
          title: `${a.org.name}（${a.area.name}）评分待完成`,
          entityType: 'Assessment',
          entityId: a.id,
          orgName: a.org.name,
          dueDate: null,
          daysLeft: null,
          colour: null,
        })
      }
      const inspecting = await tx.inspectionRound.findMany({ where: { status: 'INSPECTING' } })
      for (const round of inspecting) {
        const orgIds = pairs.filter((p) => p.roundId === round.id).map((p) => p.orgId)
        if (!orgIds.length) continue
        const due = await tx.rectification.count({
          where: {
            orgId: { in: orgIds },
            status: { not: 'CLOSED' },
            round: {
              OR: [
                { year: { lt: round.year } },
                { year: round.year, quarter: { lt: round.quarter } },
              ],
            },
            events: { none: { type: 'CARRIED_OVER', roundId: round.id } },
          },
        })
        if (due > 0) {
          counts.lookBack += due
          push({
            kind: 'LOOK_BACK',
            title: `${round.name}：${due} 项整改待回头看`,
            entityType: 'InspectionRound',
            entityId: round.id,
            orgName: null,
            dueDate: null,
            daysLeft: null,
            colour: null,
          })
        }
      }
    }
  }

  counts.total =
    counts.dueSoon +
    counts.overdue +
    counts.returned +
    counts.toVerify +
    counts.toReconcile +
    counts.disputes +
    counts.assessments +
    counts.lookBack +
    counts.earlyWarnings
  return { counts, items }
}
