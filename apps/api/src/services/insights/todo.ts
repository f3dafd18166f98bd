import { insightThresholdsOf, PUBLISHED_ROUNDS_SQL, type Prisma } from '@redblue/db'
import type { Insight } from '@redblue/scoring'
import type { Tx } from '../workflow/types'

/**
 * The administrator's early warnings (R13) as to-do items: an org whose total fell in each of the
 * last N rounds (the rule set's `declineRounds`, default 2) in the latest published round of an
 * area, from the insights stored at its publication; and an item carried over at the rule set's
 * `carryOvers` (default 2) or more and still open. Two statements.
 */
export interface EarlyWarning {
  kind: 'ORG_DECLINING' | 'RECTIFICATION_CARRIED_OVER'
  title: string
  entityType: 'Assessment' | 'Rectification'
  entityId: number
  orgName: string | null
}


export async function earlyWarnings(tx: Tx): Promise<EarlyWarning[]> {
  const [latest, carried] = await Promise.all([
    tx.$queryRaw<{ areaName: string; roundName: string; items: Insight[] | null; thresholds: Prisma.JsonValue | null }[]>`
      SELECT DISTINCT ON (ra."areaId") a."name" AS "areaName", r."name" AS "roundName", ri."items", ri."thresholds"
      FROM "RoundArea" ra
      JOIN "InspectionRound" r ON r."id" = ra."roundId" AND r."status" IN ${PUBLISHED_ROUNDS_SQL}
      JOIN "Area" a ON a."id" = ra."areaId"
      LEFT JOIN "RoundInsight" ri ON ri."roundId" = r."id" AND ri."areaId" = ra."areaId"
      ORDER BY ra."areaId", r."year" DESC, r."quarter" DESC`,
    tx.$queryRaw<{ id: number; title: string; carryOverCount: number; orgName: string }[]>`
      SELECT i."id", i."title", i."carryOverCount", o."name" AS "orgName"
      FROM "Rectification" i
      JOIN "Organization" o ON o."id" = i."orgId"
      LEFT JOIN "InspectionRound" r ON r."id" = i."roundId"
      LEFT JOIN "RuleSet" rs ON rs."year" = r."year"
      WHERE i."status" <> 'CLOSED'
        AND i."carryOverCount" >= COALESCE((rs."insightThresholds"->>'carryOvers')::int, 2)
      ORDER BY i."carryOverCount" DESC, i."id"`,
  ])
  const out: EarlyWarning[] = []
  for (const area of latest) {
    const n = insightThresholdsOf(area.thresholds).declineRounds
    for (const x of area.items ?? []) {
      if (x.kind !== 'DECLINING_ORG' || Number(x.figures.falls) < n) continue
      const org = x.orgs[0]
      out.push({
        kind: 'ORG_DECLINING',
        title: `${area.areaName}：${org?.name ?? ''}总分连续 ${x.figures.falls} 轮下降（${area.roundName} ${x.figures.total} 分）`,
        entityType: 'Assessment',
        entityId: Number(x.assessmentIds[x.assessmentIds.length - 1]),
        orgName: org?.name ?? null,
      })
    }
  }
  for (const i of carried) {
    out.push({
      kind: 'RECTIFICATION_CARRIED_OVER',
      title: `已结转 ${i.carryOverCount} 次仍未销号：${i.title}`,
      entityType: 'Rectification',
      entityId: i.id,
      orgName: i.orgName,
    })
  }
  return out
}
