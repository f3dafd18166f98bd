import { Prisma } from '@redblue/db'
import { lastRounds } from '@redblue/scoring'
import type { Db } from '../../context'
import { ValidationError } from '../../errors'
import { PUBLISHED_STATUSES } from './scope'

/** A published round as the analytics see it (oldest first wherever lists are returned). */
export interface AnalyticsRound {
  id: number
  year: number
  quarter: number
  name: string
}

/** Inclusive (year, quarter) bounds; either end may be open. */
export interface Period {
  fromYear?: number | null
  fromQuarter?: number | null
  toYear?: number | null
  toQuarter?: number | null
}

function quarterKey(year: number, quarter: number): number {
  return year * 10 + quarter
}

/** The period as a SQL condition on round alias `r` (year*10+quarter keeps it one comparison). */
export function periodSql(period: Period | null | undefined, alias = 'r'): Prisma.Sql {
  const key = Prisma.raw(`(${alias}."year" * 10 + ${alias}."quarter")`)
  const parts: Prisma.Sql[] = []
  if (period?.fromYear != null) {
    parts.push(Prisma.sql`${key} >= ${quarterKey(period.fromYear, period.fromQuarter ?? 1)}`)
  }
  if (period?.toYear != null) {
    parts.push(Prisma.sql`${key} <= ${quarterKey(period.toYear, period.toQuarter ?? 4)}`)
  }
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`
}

export function checkPeriod(period: Period | null | undefined): void {
  for (const q of [period?.fromQuarter, period?.toQuarter]) {
    if (q != null && (q < 1 || q > 4)) throw ValidationError.field(['period'], '季度须为 1–4', 'quarter')
  }
  if (
    period?.fromYear != null &&
    period.toYear != null &&
    quarterKey(period.fromYear, period.fromQuarter ?? 1) > quarterKey(period.toYear, period.toQuarter ?? 4)
  ) {
    throw ValidationError.field(['period'], '起始季度不能晚于结束季度', 'order')
  }
}

/** SQL condition: round `alias` covers the area (any area when areaId is null). */
export function roundInAreaSql(areaId: number | null | undefined, alias = 'r'): Prisma.Sql {
  if (areaId == null) return Prisma.sql`TRUE`
  return Prisma.sql`EXISTS (SELECT 1 FROM "RoundArea" ra WHERE ra."roundId" = ${Prisma.raw(
    `${alias}."id"`,
  )} AND ra."areaId" = ${areaId})`
}

/** Published rounds of an area within a period, oldest first. One statement. */
export async function publishedRounds(
  db: Db,
  args: { areaId?: number | null; period?: Period | null },
): Promise<AnalyticsRound[]> {
  return db.$queryRaw<AnalyticsRound[]>`
    SELECT r."id", r."year", r."quarter", r."name"
    FROM "InspectionRound" r
    WHERE r."status" IN ${PUBLISHED_STATUSES}
      AND ${roundInAreaSql(args.areaId)}
      AND ${periodSql(args.period)}
    ORDER BY r."year", r."quarter"`
}

export const MAX_TREND_ROUNDS = 40

/**
 * The window of a trend: the last `count` published rounds of the area, ending at `untilRoundId`
 * when given (the engine's `lastRounds` picks them). One statement.
 */
export async function trendWindow(
  db: Db,
  args: { areaId: number; count: number; untilRoundId?: number | null },
): Promise<AnalyticsRound[]> {
  if (!Number.isInteger(args.count) || args.count < 1 || args.count > MAX_TREND_ROUNDS) {
    throw ValidationError.field(['rounds'], `轮次数须为 1–${MAX_TREND_ROUNDS}`, 'range')
  }
  const rounds = await publishedRounds(db, { areaId: args.areaId })
  let upTo = rounds
  if (args.untilRoundId != null) {
    const end = rounds.findIndex((r) => r.id === args.untilRoundId)
    if (end < 0) throw ValidationError.field(['untilRoundId'], '该轮次未发布或不含该专业', 'not_published')
    upTo = rounds.slice(0, end + 1)
  }
  return lastRounds(upTo, args.count)
}

/**
 * The period a trend window spans, from its first round's quarter to its last's: the dashboard's
 * Pareto and repeat findings cover the same rounds as its trend lines, and asking for the window by
 * round lets them load beside the trends instead of after them.
 */
export async function windowPeriod(
  db: Db,
  args: { areaId: number; count: number; untilRoundId?: number | null },
): Promise<Period> {
  const rounds = await trendWindow(db, args)
  const first = rounds[0]
  const last = rounds[rounds.length - 1]
  if (!first || !last) throw ValidationError.field(['areaId'], '该专业尚无已发布的轮次', 'not_published')
  return { fromYear: first.year, fromQuarter: first.quarter, toYear: last.year, toQuarter: last.quarter }
}
