import { reporters } from '@redblue/vitest-config'
import { defineConfig } from 'vitest/config'

// Every test file runs on embedded PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set
// (CI sets it). `createTestDb()` from src/testing.ts picks the backend from TEST_DATABASE_URL, so
// the pglite project blanks it.
const postgresUrl = process.env.TEST_DATABASE_URL

export default defineConfig({
  test: {
    reporters: reporters('db'),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: 'pglite', env: { TEST_DATABASE_URL: '' } } },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', env: { TEST_DATABASE_URL: postgresUrl } },
            },
          ]
        : []),
    ],
  },
})
