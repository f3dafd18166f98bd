import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { chromiumPath } from '../src/browser'
import { env } from '../src/env'
import { ADMIN_DIST, startServer } from '../src/server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/**
 * Once for the whole suite: check the browser and the built SPA, then start the real server on a
 * fresh embedded database (migrated and seeded with the demo data by its own start-up).
 */
export default async function setup(project: TestProject) {
  // Fails the run (never skips it) when there is no browser.
  const browser = chromiumPath()
  const index = join(ADMIN_DIST, 'index.html')
  if (!existsSync(index) || !readFileSync(index, 'utf8').includes('/assets/')) {
    throw new Error(
      `E2E: the SPA is not built (${index} missing). Run \`pnpm --filter @redblue/admin build\` ` +
        'first, or run the suite through turbo, which builds it: `pnpm turbo run test --filter=@redblue/e2e`.',
    )
  }
  console.log(`e2e: Chromium ${browser}, SPA ${ADMIN_DIST}`)

  if (env.baseUrl) {
    console.log(`e2e: reusing the server at ${env.baseUrl} (E2E_BASE_URL)`)
    project.provide('baseUrl', env.baseUrl)
    return
  }
  const server = await startServer()
  project.provide('baseUrl', server.url)
  return async () => {
    await server.stop()
  }
}
