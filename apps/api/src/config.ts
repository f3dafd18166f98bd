import { MAX_QUERY_COST } from './cost'
import { env } from './env'
import { defaultUploadSettings, type UploadSettings } from './uploads/settings'

/**
 * Who may introspect the schema. In production the schema is a map of every operation for anyone
 * probing the intranet, so only an ADMIN may read it; development, tests and the codegen build
 * (which prints schema.graphql from the schema object, not over HTTP) keep it open. `__typename`
 * is not introspection: the SPA's unions need it. Declared here, not beside the plugin that applies
 * it, so that the configuration imports nothing of the request pipeline (the context reads it).
 */
export type IntrospectionAccess = 'open' | 'admin'

/**
 * Runtime settings of one API instance. Built from env.ts by default; tests pass overrides (a fake
 * clock, short session lifetimes) instead of mutating the environment.
 */
export interface ApiConfig {
  cookieName: string
  cookieSecure: 'auto' | 'always' | 'never'
  sessionIdleMs: number
  sessionMaxMs: number
  /** A used session's expiry is pushed forward at most this often, to avoid a write per request. */
  sessionTouchMs: number
  loginMaxFailures: number
  loginLockMs: number
  /** Failures one address may have across usernames within `loginAddressWindowMs`. */
  loginAddressMaxFailures: number
  loginAddressWindowMs: number
  trustProxy: boolean
  maxBodyBytes: number
  graphiql: boolean
  /** Schema introspection: open, or ADMIN only (production). */
  introspection: IntrospectionAccess
  /** Evidence uploads: folder and per-file size limit (tests point this at a temp folder). */
  uploads: UploadSettings
  /** Wall clock; replaced in tests to check expiry and lock windows. */
  now: () => Date
  /**
   * Whether a long transaction may read beside itself on a second pooled connection through its
   * exported snapshot (publication: `readInSnapshot`). Only on a PostgreSQL server: PGlite has one
   * connection. Set by whoever opens the database (main.ts, the tests, the bench) from its kind.
   */
  snapshotReads: boolean
  /** The most a query may cost before it runs (src/cost.ts says how lists count). */
  maxQueryCost: number
}

export function defaultConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    cookieName: 'redblue_session',
    cookieSecure:
      env.COOKIE_SECURE === 'true' ? 'always' : env.COOKIE_SECURE === 'false' ? 'never' : 'auto',
    sessionIdleMs: env.SESSION_IDLE_HOURS * 3_600_000,
    sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
    sessionTouchMs: 60_000,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockMs: env.LOGIN_LOCK_MINUTES * 60_000,
    loginAddressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
    loginAddressWindowMs: env.LOGIN_ADDRESS_WINDOW_MINUTES * 60_000,
    trustProxy: env.TRUST_PROXY,
    maxBodyBytes: env.MAX_BODY_BYTES,
    graphiql: env.NODE_ENV === 'development',
    introspection: env.NODE_ENV === 'production' ? 'admin' : 'open',
    uploads: defaultUploadSettings(),
    now: () => new Date(),
    snapshotReads: false,
    maxQueryCost: MAX_QUERY_COST,
    ...overrides,
  }
}
