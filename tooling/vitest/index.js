import { join } from 'node:path'

/**
 * Reporters shared by every package: the console reporter, plus vitest's JSON reporter when
 * `.ci/run` asks for it (VITEST_JSON_DIR), so CI can total passed/failed over every run.
 * @param {string} name a file-safe name for this package's results
 */
export function reporters(name) {
  const dir = process.env.VITEST_JSON_DIR
  const suffix = process.env.VITEST_JSON_SUFFIX ?? ''
  return dir ? ['default', ['json', { outputFile: join(dir, `${name}${suffix}.json`) }]] : ['default']
}
