import { reporters } from '@redblue/vitest-config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

/**
 * Journeys share one server (and so one database) started in globalSetup, and build on each
 * other's state the way the quarter does (inspect → reconcile → publish → rectify): run the files
 * one at a time, in the order of their names.
 */
class ByName extends BaseSequencer {
  override sort(files: TestSpecification[]) {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)))
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.e2e.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: reporters('e2e'),
    // The machines are loaded: a journey gets minutes, a file ten, start-up five.
    testTimeout: 6 * 60_000,
    hookTimeout: 5 * 60_000,
    teardownTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    sequence: { sequencer: ByName, shuffle: false },
    // A failed journey is never retried: it would run on the state the failure left.
    retry: 0,
    bail: 0,
  },
})
