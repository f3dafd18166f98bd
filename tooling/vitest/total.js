// Totals vitest's JSON reports (one per package and database) into CI's closing line.
// A failing step that no report explains (lint, typecheck, a run that died before reporting) counts
// as one failure so the line never hides it.
// Errors vitest caught outside any test count one failure each and are printed, because the JSON
// report leaves them out while vitest still exits 1 for them.
// Each failed test is named with the first lines of its error: CI shows only the log's tail, and
// the console reporter's account of a failure scrolls out of it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, flag] = process.argv.slice(2)
let passed = 0
let failed = 0
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  let unhandled = []
  const record = join(dir, file.replace(/\.json$/, '.unhandled'))
  if (existsSync(record)) unhandled = JSON.parse(readFileSync(record, 'utf8')).unhandled
  passed += report.numPassedTests
  failed += report.numFailedTests + unhandled.length
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites
  const extra = unhandled.length ? `, ${unhandled.length} error(s) outside any test` : ''
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${extra}`)
  for (const result of report.testResults ?? []) {
    for (const test of result.assertionResults ?? []) {
      if (test.status !== 'failed') continue
      const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 12).join('\n    ')
      console.log(`  FAILED ${result.name} > ${test.fullName}\n    ${message}`)
    }
  }
  for (const error of unhandled) {
    const where = [error.file, error.test].filter(Boolean).join(' > ')
    console.log(`  ${error.name}: ${error.message}${where ? ` (during ${where})` : ''}\n${error.stack}`)
  }
}
if (flag === '--failed-step' && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
