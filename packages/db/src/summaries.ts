import { Prisma } from './generated/prisma/client'
import { PUBLISHED_ROUNDS_SQL } from './status-sql'

/**
 * The stored per-round aggregates (RoundSummary, RoundAreaSummary, RoundDimensionSummary,
 * RoundProblemSummary) are written by one SQL function, `"storeRoundSummaries"(roundId)`, defined
 * by the migration `round_summaries`: publication calls it in its transaction, the demo seed and the
 * bench generator after writing their published rounds, and the migration for the rounds published
 * before it existed. One definition, so none of them can store other figures than the others.
 * It refuses a round that is not PUBLISHED or CLOSED and replaces the round's rows.
 */
interface RawExecutor {
  $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number>
}

/** Stores the aggregates of one published round (a few set-based statements inside the function). */
export async function storeRoundSummaries(db: RawExecutor, roundId: number): Promise<void> {
  await db.$executeRaw(Prisma.sql`SELECT "storeRoundSummaries"(${roundId}::int)`)
}

/** Stores the aggregates of every published round (the demo seed after writing its rounds). */
export async function storePublishedRoundSummaries(db: RawExecutor): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    SELECT "storeRoundSummaries"(r."id") FROM "InspectionRound" r
    WHERE r."status" IN ${PUBLISHED_ROUNDS_SQL} ORDER BY r."id"`)
}
