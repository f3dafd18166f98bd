import { readInsightInput, readStoredInsights } from '@redblue/db'
import {
  frozenRoundInsights,
  insightsForOrg,
  overdueItems,
  sortInsights,
  type Insight,
  type OrgCategory,
} from '@redblue/scoring'
import type { Db } from '../../context'
import { NotFoundError } from '../../errors'
import { seesAll, type Actor } from '../../access'

/**
 * R13 数据研判 of one published round and area, for a viewer (R12): ADMIN and LEADER get every
 * insight; a BRANCH only those about its own org and the weak dimensions of its own category (the
 * engine's `insightsForOrg`). The insights fixed at publication come from RoundInsight; a round
 * published before that table existed has its computed on read, by the same rules from the same
 * frozen rows (they depend on nothing that changes after publication). The live kinds (overdue,
 * carried over) are always computed at `now`. Eight statements, all sent at once, whatever the
 * number of orgs and rounds.
 */
export interface RoundInsights {
  roundId: number
  areaId: number
  /** When the frozen part was stored; null when it was computed on read. */
  storedAt: Date | null
  /** The viewer's org category in the round (BRANCH), else null. */
  category: OrgCategory | null
  items: Insight[]
}

export async function roundInsightsFor(
  db: Db,
  viewer: Actor,
  args: { roundId: number; areaId: number; now: Date },
): Promise<RoundInsights> {
  if (!seesAll(viewer) && viewer.role !== 'BRANCH') throw new NotFoundError('InspectionRound', args.roundId)
  const [stored, input] = await Promise.all([
    readStoredInsights(db, args.roundId, args.areaId),
    readInsightInput(db, args.roundId, args.areaId, args.now),
  ])
  if (!input) throw new NotFoundError('InspectionRound', args.roundId, '该轮次未发布或不含该专业')
  const frozen = stored ? stored.items : frozenRoundInsights(input)
  const all = sortInsights([...frozen, ...overdueItems(input)])
  if (seesAll(viewer)) {
    return { roundId: args.roundId, areaId: args.areaId, storedAt: stored?.computedAt ?? null, category: null, items: all }
  }
  const own = input.assessments.find((a) => a.roundId === args.roundId && a.org.id === viewer.orgId)
  const category = own?.category ?? null
  return {
    roundId: args.roundId,
    areaId: args.areaId,
    storedAt: stored?.computedAt ?? null,
    category,
    items: viewer.orgId === null ? [] : insightsForOrg(all, viewer.orgId, category),
  }
}
