import { reporters } from '@redblue/vitest-config'
import { defineConfig } from 'vitest/config'

// The production suites that need more than a database: the built release archive (`pnpm
// release`), root for `unshare -n`, Debian's nginx and a PostgreSQL server. .ci/run runs them
// after building the release (`pnpm --filter @redblue/api test:release`).
export default defineConfig({
  test: {
    include: ['test/release/**/*.test.ts'],
    reporters: reporters('api-release'),
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    env: { NODE_ENV: 'test' },
  },
})
