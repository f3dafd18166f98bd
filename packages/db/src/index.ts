/**
 * @redblue/db — the generated Prisma client and types, the client factory and the migration runner.
 * Test helpers live in `@redblue/db/testing`, the demo data in `@redblue/db/seed`.
 */
import { Prisma } from './generated/prisma/client'

export * from './generated/prisma/client'
export {
  createDb,
  DEFAULT_DATA_DIR,
  IN_MEMORY,
  redactUrl,
  REPO_ROOT,
  type CreateDbOptions,
  type Db,
  type DbKind,
} from './client'
export {
  checksumOf,
  migrate,
  MIGRATIONS_DIR,
  MigrationError,
  readMigrations,
  type MigrateOptions,
  type MigrateResult,
  type MigrationFile,
  type MigrationTarget,
} from './migrate'
export {
  frozenDimensions,
  frozenPoints,
  frozenRowJson,
  readFrozenDimensions,
  readFrozenPoints,
  type FrozenDimension,
} from './frozen'
export type { QueryListener } from './query-recorder'
export { inStatementLane } from './statement-lanes'
export { PUBLISHED_ROUNDS_SQL, sqlList, STANDING_FINDINGS_SQL } from './status-sql'
export { storePublishedRoundSummaries, storeRoundSummaries } from './summaries'
export {
  insightThresholdsOf,
  readInsightInput,
  readStoredInsights,
  storePublishedRoundInsights,
  storeRoundInsights,
} from './insights'
export {
  ratingLevelsOf,
  schemeDefinitionOf,
  schemeInclude,
  type RatingLevel,
  type SchemeRows,
  type SchemeWithParts,
} from './scheme-definition'

/** Prisma's decimal class: the type of every `Decimal(6,2)` column read back from the database. */
export const Decimal = Prisma.Decimal
export type Decimal = Prisma.Decimal
