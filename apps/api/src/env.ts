import { z } from 'zod'

/**
 * The only place that reads `process.env` (lint-enforced), so every knob the API has is listed
 * here with its default.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().positive().default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL URL; without it the API runs on an embedded PGlite folder. */
  DATABASE_URL: z.string().optional(),
  /** Folder for PGlite data and uploads when no DATABASE_URL is set. */
  REDBLUE_DATA_DIR: z.string().optional(),
  /** `auto` marks the cookie Secure when the request came over https (directly or via proxy). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Sliding idle timeout: a session expires this many hours after its last use. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  /** Absolute cap: a session never outlives this many hours after login. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /**
   * The separate, much larger budget of one client address across all usernames (an office behind
   * one proxy signs in from one address): this many failures within the window lock the address.
   */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().positive().default(50),
  LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Honour X-Forwarded-For / X-Forwarded-Proto (set when behind a reverse proxy). */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Largest accepted request body in bytes (uploads included). */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  /** Folder for evidence uploads (default `<data dir>/uploads`). */
  UPLOAD_DIR: z.string().optional(),
  /** Largest accepted evidence file in bytes. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /**
   * Load the demo data into an empty database at start: `true`, `false`, or `embedded` (only on
   * the embedded PGlite database — what the README's `pnpm start` passes). A production start
   * never creates users by itself; the first administrator comes from `redblue admin create`.
   */
  REDBLUE_DEMO: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['true', 'false', 'embedded']).default('false'),
  ),
  /** pino level of the JSON log on standard output (default `info`; `warn` under tests). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Folder of PostgreSQL's client tools for `redblue backup`/`restore` (default: the PATH). */
  PG_BIN_DIR: z.string().optional(),
  /** Built SPA served at `/`. Relative to the API package unless absolute. */
  ADMIN_DIST_DIR: z.string().optional(),
})

export type Env = z.infer<typeof schema>

export const env: Env = schema.parse(process.env)
