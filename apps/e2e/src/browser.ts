import { accessSync, constants } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { env } from './env'

/** Flags for Debian's Chromium on a headless, offline, loaded machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's `/usr/bin/chromium`. The suite never
 * downloads a browser; a missing one is an error that says what to install, never a skip.
 */
export function chromiumPath(): string {
  const path = env.chromiumPath
  try {
    accessSync(path, constants.X_OK)
  } catch {
    throw new Error(
      [
        '',
        '════════════════════════════════════════════════════════════════════════',
        `  E2E: Chromium not found at ${path}`,
        '  The browser journeys need a real Chromium and never download one.',
        "  Install Debian's package (`apt-get install -y chromium`) or point",
        '  CHROMIUM_PATH at a Chromium/Chrome binary.',
        '════════════════════════════════════════════════════════════════════════',
      ].join('\n'),
    )
  }
  return path
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    timeout: 120_000,
  })
}
