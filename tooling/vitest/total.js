// Totals vitest's JSON reports (one per package and database) into CI's closing line.
// A failing step outside vitest (lint, typecheck) counts as one failure so the line never hides it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, flag] = process.argv.slice(2)
let passed = 0
let failed = flag === '--failed-step' ? 1 : 0
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
