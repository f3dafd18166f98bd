import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { chromiumPath } from '../src/browser'
import { env } from '../src/env'
import { startServer, type DemoLogin } from '../src/server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    logins: DemoLogin[]
  }
}

const ADMIN_DIST = fileURLToPath(new URL('../../admin/dist/', import.meta.url))

/**
 * Once for the whole suite: check the browser and the built SPA, then start the real server on a
 * fresh embedded database (migrated and seeded with the demo data by its own start-up).
 */
export default async function setup(project: TestProject) {
  // Fails the run (never skips it) when there is no browser.
  const browser = chromiumPath()
  const dist = env.adminDist ?? ADMIN_DIST
  const index = `${dist}/index.html`
  if (!existsSync(index) || !readFileSync(index, 'utf8').includes('/assets/')) {
    throw new Error(
      `E2E: the SPA is not built (${index} missing). Run \`pnpm --filter @redblue/admin build\`, ` +
        'or run the suite through turbo (`pnpm test` here builds its dependencies first).',
    )
  }
  console.log(`e2e: Chromium ${browser}, SPA ${dist}`)

  if (env.baseUrl) {
    console.log(`e2e: reusing the server at ${env.baseUrl} (E2E_BASE_URL)`)
    project.provide('baseUrl', env.baseUrl)
    project.provide('logins', [])
    return
  }
  const server = await startServer()
  project.provide('baseUrl', server.url)
  project.provide('logins', server.logins)
  return async () => {
    await server.stop()
  }
}
