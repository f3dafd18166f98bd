/**
 * The one way to get a Prisma client: PostgreSQL through `@prisma/adapter-pg` when a URL is given
 * (or DATABASE_URL is set), otherwise the embedded PGlite database persisted in a folder.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { readEnv } from './env'
import { PrismaClient } from './generated/prisma/client'
import { migrate, type MigrateOptions, type MigrateResult } from './migrate'
import { statementNames } from './prepared-statements'
import { recordingAdapter, type QueryListener } from './query-recorder'
import { serializedTransactions } from './serialized-transactions'
import { statementLanes } from './statement-lanes'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '.data/pglite')
/** Pass as `dataDir` for a PGlite database that lives only in memory. */
export const IN_MEMORY = 'memory://'

export interface CreateDbOptions {
  /** PostgreSQL URL; default DATABASE_URL. When neither is set, PGlite is used. */
  url?: string
  /** PGlite folder (or IN_MEMORY); default REDBLUE_DATA_DIR, else `<repo>/.data/pglite`. */
  dataDir?: string
  /** An already open PGlite instance to use instead of opening `dataDir`. */
  pglite?: PGlite
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number
  /** Called with every SQL statement Prisma sends (used by tests to count queries). */
  onQuery?: QueryListener
}

export type DbKind = 'pglite' | 'postgres'

export interface Db {
  prisma: PrismaClient
  kind: DbKind
  /** Where the data lives: the server URL without password, or the PGlite folder / `memory://`. */
  location: string
  /** The server URL when kind is 'postgres'. */
  url?: string
  /** The PGlite instance when kind is 'pglite'. */
  pglite?: PGlite
  /** The connection pool when kind is 'postgres' (its counts feed the API's metrics). */
  pool?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'> & { options: { max?: number } }
  /** Applies pending migrations (see migrate.ts). */
  migrate(options?: MigrateOptions): Promise<MigrateResult>
  close(): Promise<void>
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable database URL)'
  }
}

function clientWith(
  adapter: SqlDriverAdapterFactory,
  onQuery: QueryListener | undefined,
): PrismaClient {
  return new PrismaClient({ adapter: onQuery ? recordingAdapter(adapter, onQuery) : adapter })
}

/**
 * A connection the server drops (restart, failover, pg_terminate_backend) makes its `pg` client
 * emit 'error', and an 'error' event nobody listens to ends the process. pg-pool listens only
 * while a client is idle, the adapter only once it holds the client; in between — a client
 * released and handed to a waiting `pool.connect()` while the rest of the same network read,
 * the server's "terminating connection", is still being parsed — nobody does. The failure
 * still reaches whoever uses the client next (its queries reject, and the pool discards a
 * client that is no longer queryable when it comes back), so these listeners only keep the
 * process alive.
 */
function survivesDroppedConnections(pool: pg.Pool): void {
  const ignore = () => undefined
  pool.on('connect', (client) => client.on('error', ignore))
  pool.on('error', ignore)
}

export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const env = readEnv()
  const url = options.pglite ? undefined : (options.url ?? env.databaseUrl)

  if (url !== undefined) {
    // Named statements: each pooled connection parses and plans a repeated statement once.
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
    survivesDroppedConnections(pool)
    const adapter = serializedTransactions(
      new PrismaPg(pool, { statementNameGenerator: statementNames(), disposeExternalPool: true }),
    )
    const prisma = clientWith(adapter, options.onQuery)
    return {
      prisma,
      kind: 'postgres',
      location: redactUrl(url),
      url,
      pool,
      migrate: (migrateOptions) => migrate({ url }, migrateOptions),
      close: async () => {
        await prisma.$disconnect()
        // Prisma ends the pool only if it ever connected.
        if (!pool.ended) await pool.end()
      },
    }
  }

  let pglite = options.pglite
  let location = 'external PGlite instance'
  if (!pglite) {
    const dataDir = options.dataDir ?? env.dataDir ?? DEFAULT_DATA_DIR
    if (dataDir === IN_MEMORY) {
      location = IN_MEMORY
      pglite = await PGlite.create()
    } else {
      location = resolve(dataDir)
      mkdirSync(location, { recursive: true })
      pglite = await PGlite.create(location)
    }
  }
  const ownsPglite = !options.pglite
  const db = pglite
  const prisma = clientWith(statementLanes(new PrismaPGlite(db)), options.onQuery)
  return {
    prisma,
    kind: 'pglite',
    location,
    pglite: db,
    migrate: (migrateOptions) => migrate({ pglite: db }, migrateOptions),
    close: async () => {
      await prisma.$disconnect()
      if (ownsPglite && !db.closed) await db.close()
    },
  }
}
