import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const unhandledReporter = join(dirname(fileURLToPath(import.meta.url)), 'unhandled.js')

/**
 * Reporters shared by every package: the console reporter, plus vitest's JSON reporter when
 * `.ci/run` asks for it (VITEST_JSON_DIR), so CI can total passed/failed over every run, and a
 * record of errors caught outside any test, which the JSON report leaves out.
 * @param {string} name a file-safe name for this package's results
 */
export function reporters(name) {
  const dir = process.env.VITEST_JSON_DIR
  const suffix = process.env.VITEST_JSON_SUFFIX ?? ''
  if (!dir) return ['default']
  return [
    'default',
    ['json', { outputFile: join(dir, `${name}${suffix}.json`) }],
    [unhandledReporter, { outputFile: join(dir, `${name}${suffix}.unhandled`) }],
  ]
}
