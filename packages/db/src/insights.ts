/**
 * R13 数据研判: what the engine's insight rules read of a round and area, and the stored insights
 * of published rounds (model RoundInsight). Here rather than in the API because publication, the
 * demo seed (for its rounds) and the API (live kinds, and rounds published before the table
 * existed) must read the same rows: one definition, so none can compute other figures.
 *
 * Reading one (round, area) costs seven statements whatever the number of orgs or rounds.
 */
import {
  DEFAULT_INSIGHT_THRESHOLDS,
  frozenRoundInsights,
  type Insight,
  type InsightThresholds,
  type RoundInsightInput,
} from '@redblue/scoring'
import { Prisma } from './generated/prisma/client'
import { PUBLISHED_ROUNDS_SQL, STANDING_FINDINGS_SQL } from './status-sql'

interface RawReader {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T>
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<number>
}

/** Earlier rounds read for the blue-list runs and declines; enough for any sensible threshold. */
const HISTORY_ROUNDS = 8

const PUBLISHED = PUBLISHED_ROUNDS_SQL
const STANDING = STANDING_FINDINGS_SQL

interface RoundRow {
  id: number
  year: number
  quarter: number
  publishedAt: Date | null
  insightThresholds: Prisma.JsonValue | null
}

/** The thresholds of a year: the engine's defaults overridden by the rule set's `insightThresholds`. */
export function insightThresholdsOf(stored: Prisma.JsonValue | null | undefined): InsightThresholds {
  const own = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {}
  const out: InsightThresholds = { ...DEFAULT_INSIGHT_THRESHOLDS }
  for (const key of Object.keys(DEFAULT_INSIGHT_THRESHOLDS) as (keyof InsightThresholds)[]) {
    const value = (own as Record<string, unknown>)[key]
    const target = out as unknown as Record<string, unknown>
    // Counts must be whole numbers; the other thresholds are decimals, kept as text.
    if (typeof DEFAULT_INSIGHT_THRESHOLDS[key] === 'number') {
      if (Number.isInteger(Number(value)) && Number(value) > 0) target[key] = Number(value)
    } else if ((typeof value === 'number' || typeof value === 'string') && /^\d+(\.\d+)?$/.test(String(value))) {
      target[key] = String(value)
    }
  }
  return out
}

/**
 * The engine's input for a published round and area, `asOf` for the live kinds. Null when the
 * round is not published or does not cover the area.
 */
export async function readInsightInput(
  db: RawReader,
  roundId: number,
  areaId: number,
  asOf: Date,
): Promise<(RoundInsightInput & { thresholds: InsightThresholds }) | null> {
  // Every statement selects by (area, rounds up to this one), so all go out at once.
  const upTo = Prisma.sql`
    SELECT r2."id" FROM "InspectionRound" r2
    JOIN "InspectionRound" cur ON cur."id" = ${roundId}
    JOIN "RoundArea" ra ON ra."roundId" = r2."id" AND ra."areaId" = ${areaId}
    WHERE r2."status" IN ${PUBLISHED} AND (r2."year", r2."quarter") <= (cur."year", cur."quarter")`
  const [rounds, assessments, dimensionScores, findings, problemCounts, items, assignments] = await Promise.all([
    db.$queryRaw<RoundRow[]>`
      SELECT r."id", r."year", r."quarter", r."publishedAt", rs."insightThresholds"
      FROM "InspectionRound" r LEFT JOIN "RuleSet" rs ON rs."year" = r."year"
      WHERE r."id" IN (${upTo}) ORDER BY r."year", r."quarter"`,
    db.$queryRaw<
      { id: number; roundId: number; orgId: number; orgName: string; category: 'I' | 'II' | 'III'; total: string; listMark: 'RED' | 'BLUE' | null }[]
    >`
      WITH rounds AS (
        SELECT w."id" FROM "InspectionRound" w WHERE w."id" IN (${upTo})
        ORDER BY w."year" DESC, w."quarter" DESC LIMIT ${HISTORY_ROUNDS}
      )
      SELECT a."id", a."roundId", a."orgId", o."name" AS "orgName",
             a."category"::text AS "category", a."totalScore"::text AS "total", a."listMark"::text AS "listMark"
      FROM "Assessment" a JOIN rounds ON rounds."id" = a."roundId"
      JOIN "Organization" o ON o."id" = a."orgId"
      WHERE a."areaId" = ${areaId} AND a."totalScore" IS NOT NULL
      ORDER BY a."roundId", a."orgId"`,
    db.$queryRaw<{ assessmentId: number; code: string; dimensionId: number; name: string; max: string; points: string }[]>`
      SELECT s."assessmentId", d."code", d."id" AS "dimensionId", d."name", d."maxPoints"::text AS "max",
             s."points"::text AS "points"
      FROM "Assessment" a
      JOIN "AssessmentDimensionScore" s ON s."assessmentId" = a."id"
      JOIN "Dimension" d ON d."id" = s."dimensionId"
      WHERE a."roundId" = ${roundId} AND a."areaId" = ${areaId}
      ORDER BY s."assessmentId", d."sortOrder", d."id"`,
    db.$queryRaw<{ id: number; assessmentId: number; orgId: number; pcId: number; pcName: string; deduction: string }[]>`
      SELECT f."id", f."assessmentId", f."orgId", pc."id" AS "pcId", pc."name" AS "pcName", f."deduction"::text AS "deduction"
      FROM "Finding" f JOIN "ProblemCategory" pc ON pc."id" = f."problemCategoryId"
      WHERE f."roundId" = ${roundId} AND f."areaId" = ${areaId} AND f."reconciliationStatus" IN ${STANDING}
      ORDER BY f."id"`,
    db.$queryRaw<{ roundId: number; problemCategoryId: number; findings: number }[]>`
      SELECT s."roundId", s."problemCategoryId", sum(s."standingFindings")::int AS "findings"
      FROM "RoundProblemSummary" s
      WHERE s."areaId" = ${areaId} AND s."roundId" IN (${upTo}) AND s."roundId" <> ${roundId}
      GROUP BY s."roundId", s."problemCategoryId"`,
    db.$queryRaw<
      { id: number; roundId: number; orgId: number; problemCategoryId: number | null; teamId: number | null; teamName: string | null; deadline: string; closedAt: Date | null; carryOverCount: number }[]
    >`
      SELECT i."id", i."roundId", i."orgId", i."problemCategoryId", t."id" AS "teamId", t."name" AS "teamName",
             to_char(i."deadline", 'YYYY-MM-DD') AS "deadline", i."closedAt", i."carryOverCount"
      FROM "Rectification" i
      LEFT JOIN "TeamAssignment" ta ON ta."roundId" = i."roundId" AND ta."orgId" = i."orgId"
      LEFT JOIN "InspectionTeam" t ON t."id" = ta."teamId"
      WHERE i."areaId" = ${areaId} AND i."roundId" IN (${upTo})
      ORDER BY i."id"`,
    db.$queryRaw<{ teamId: number; teamName: string; orgId: number }[]>`
      SELECT t."id" AS "teamId", t."name" AS "teamName", ta."orgId"
      FROM "TeamAssignment" ta JOIN "InspectionTeam" t ON t."id" = ta."teamId"
      WHERE ta."roundId" = ${roundId}`,
  ])
  const current = rounds[rounds.length - 1]
  if (!current || current.id !== roundId) return null
  return {
    rounds: rounds.map((r) => ({ id: r.id, year: r.year, quarter: r.quarter, publishedAt: r.publishedAt })),
    assessments: assessments.map((a) => ({
      id: a.id,
      roundId: a.roundId,
      org: { id: a.orgId, name: a.orgName },
      category: a.category,
      total: a.total,
      listMark: a.listMark,
    })),
    dimensionScores: dimensionScores.map((s) => ({
      assessmentId: s.assessmentId,
      code: s.code,
      dimension: { id: s.dimensionId, name: s.name },
      max: s.max,
      points: s.points,
    })),
    findings: findings.map((f) => ({
      id: f.id,
      assessmentId: f.assessmentId,
      orgId: f.orgId,
      problemCategory: { id: f.pcId, name: f.pcName },
      deduction: f.deduction,
    })),
    earlierProblemCounts: problemCounts,
    items: items.map((i) => ({
      id: i.id,
      roundId: i.roundId,
      orgId: i.orgId,
      problemCategoryId: i.problemCategoryId,
      team: i.teamId === null ? null : { id: i.teamId, name: i.teamName ?? '' },
      deadline: i.deadline,
      closedAt: i.closedAt,
      carryOvers: i.carryOverCount,
    })),
    assignments: assignments.map((a) => ({ team: { id: a.teamId, name: a.teamName }, orgId: a.orgId })),
    asOf,
    thresholds: insightThresholdsOf(current.insightThresholds),
  }
}

/** The stored insights of a round and area, or null when none were stored. One statement. */
export async function readStoredInsights(
  db: RawReader,
  roundId: number,
  areaId: number,
): Promise<{ items: Insight[]; computedAt: Date } | null> {
  const [row] = await db.$queryRaw<{ items: Insight[]; computedAt: Date }[]>`
    SELECT "items", "computedAt" FROM "RoundInsight" WHERE "roundId" = ${roundId} AND "areaId" = ${areaId}`
  return row ?? null
}

/**
 * Computes and stores the frozen insights of every area of a published round (publication calls
 * it in its transaction, after the round's scores, findings and items are written). Replaces what
 * was stored, so the demo seed may call it again.
 */
export async function storeRoundInsights(db: RawReader, roundId: number, now = new Date()): Promise<number> {
  const areas = await db.$queryRaw<{ areaId: number }[]>`
    SELECT "areaId" FROM "RoundArea" WHERE "roundId" = ${roundId} ORDER BY "areaId"`
  let stored = 0
  for (const { areaId } of areas) {
    const input = await readInsightInput(db, roundId, areaId, now)
    if (!input) continue
    const items = frozenRoundInsights(input)
    await db.$executeRaw`
      INSERT INTO "RoundInsight" ("roundId", "areaId", "items", "thresholds", "computedAt")
      VALUES (${roundId}, ${areaId}, ${JSON.stringify(items)}::jsonb, ${JSON.stringify(input.thresholds)}::jsonb, ${now})
      ON CONFLICT ("roundId", "areaId") DO UPDATE
      SET "items" = EXCLUDED."items", "thresholds" = EXCLUDED."thresholds", "computedAt" = EXCLUDED."computedAt"`
    stored += items.length
  }
  return stored
}

/** Stores the insights of every published round, oldest first (the demo seed). */
export async function storePublishedRoundInsights(db: RawReader, now = new Date()): Promise<void> {
  const rounds = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "InspectionRound" WHERE "status" IN ${PUBLISHED} ORDER BY "year", "quarter"`
  for (const r of rounds) await storeRoundInsights(db, r.id, now)
}
