/**
 * The only place this package reads the environment (eslint enforces it). Read lazily so tests and
 * CLIs that set variables before creating a client see them.
 */
export interface DbEnv {
  /** `postgresql://…`: use a PostgreSQL server instead of the embedded PGlite database. */
  databaseUrl: string | undefined
  /** Folder of the embedded PGlite database (default `<repo>/.data/pglite`). */
  dataDir: string | undefined
  /** A PostgreSQL server on which tests create throw-away databases; unset → PGlite in memory. */
  testDatabaseUrl: string | undefined
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

export function readEnv(): DbEnv {
  return {
    databaseUrl: nonEmpty(process.env.DATABASE_URL),
    dataDir: nonEmpty(process.env.REDBLUE_DATA_DIR),
    testDatabaseUrl: nonEmpty(process.env.TEST_DATABASE_URL),
  }
}
