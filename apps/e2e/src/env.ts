/**
 * The only place that reads `process.env` (lint-enforced): every knob of the end-to-end suite.
 */
export const env = {
  /** Chromium to drive; Debian's package by default. Never downloaded. */
  chromiumPath: process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium',
  /** Built SPA to serve instead of apps/admin/dist. */
  adminDist: process.env.E2E_ADMIN_DIST?.trim() || undefined,
  /**
   * Development only: drive an already running server instead of starting a fresh one (its data
   * is whatever earlier runs left, so journeys that move the round on may not apply).
   */
  baseUrl: process.env.E2E_BASE_URL?.trim() || undefined,
  /** Keep the temporary data folder (PGlite, uploads) after the run, for debugging. */
  keepData: process.env.E2E_KEEP_DATA === '1',
  /** Echo the server's log lines to the console as they come. */
  serverLog: process.env.E2E_SERVER_LOG === '1',
  /** The environment the server child inherits (PATH, HOME, …). */
  inherited: { ...process.env } as Record<string, string | undefined>,
}
