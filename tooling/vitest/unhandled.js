import { writeFileSync } from 'node:fs'

/**
 * Records the errors vitest caught outside any test (a rejection after a test ended, a worker
 * that died). They make vitest exit 1, but its JSON report counts only tests and still says
 * "success", so without this file CI's closing line would show every test passed and nobody
 * could tell which run failed or why.
 */
export default class UnhandledErrorsReporter {
  /** @param {{ outputFile: string }} options */
  constructor(options) {
    this.outputFile = options.outputFile
  }

  /**
   * @param {unknown} _modules
   * @param {ReadonlyArray<{ name?: string, message?: string, stack?: string, VITEST_TEST_PATH?: string, VITEST_TEST_NAME?: string }>} errors
   * @param {string} reason
   */
  onTestRunEnd(_modules, errors, reason) {
    const unhandled = errors.map((e) => ({
      name: e.name ?? 'Error',
      message: e.message ?? String(e),
      stack: (e.stack ?? '').split('\n').slice(1, 8).join('\n'),
      // vitest names the file and test that was running when the error surfaced, when it knows
      file: e.VITEST_TEST_PATH,
      test: e.VITEST_TEST_NAME,
    }))
    writeFileSync(this.outputFile, JSON.stringify({ reason, unhandled }, null, 2))
  }
}
