import { createRequire } from 'node:module'
import { reporters } from '@redblue/vitest-config'
import { defineConfig } from 'vitest/config'

// Same pattern as packages/db: every test file runs on embedded PGlite, and again on PostgreSQL
// when TEST_DATABASE_URL is set (CI sets it). `createTestDb()` picks the backend from
// TEST_DATABASE_URL, so the pglite project blanks it.
const postgresUrl = process.env.TEST_DATABASE_URL

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node — and so yoga and Pothos, loaded
    // from node_modules — gets the CJS one; Vite would hand our sources the ESM one, and two
    // GraphQLError classes break yoga's `instanceof` check (our errors would be masked).
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    reporters: reporters('api'),
    // Run by vitest.release.config.ts after `pnpm release` (they need the built archive).
    exclude: ['**/node_modules/**', 'test/release/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    projects: [
      { extends: true as const, test: { name: 'pglite', env: { TEST_DATABASE_URL: '' } } },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                env: { TEST_DATABASE_URL: postgresUrl },
                // Fails a test file whose code overlaps queries on one connection (pg 9 throws).
                setupFiles: ['./test/setup/pg-one-query-at-a-time.ts'],
              },
            },
          ]
        : []),
    ],
  },
})
