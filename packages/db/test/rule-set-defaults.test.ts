/**
 * The engine's DEFAULT_RULE_SET is the one definition of the source's rule values (docs/domain.md
 * R4, R5, R8, R10). The database keeps column defaults too — a row inserted with only its year must
 * not mean different rules — so this holds them equal: change one, and this fails until the other
 * (a new migration) follows.
 */
import { DEFAULT_RULE_SET, compareScores } from '@redblue/scoring'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createTestDb, type TestDb } from '../src/testing'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

test('a rule set stored with only its year holds the engine defaults', async () => {
  const row = await db.prisma.ruleSet.create({ data: { year: 2031 } })
  const d = DEFAULT_RULE_SET
  expect({
    redCategories: row.redCategories,
    blueLastCategories: row.blueLastCategories,
    baseThresholdCategories: row.baseThresholdCategories,
    warningDays: row.warningDays,
    rectificationDays: row.rectificationDays,
  }).toEqual({
    redCategories: d.redCategories,
    blueLastCategories: d.blueLastCategories,
    baseThresholdCategories: d.baseThresholdCategories,
    warningDays: d.warningDays,
    rectificationDays: d.rectificationDays,
  })
  for (const key of [
    'baseThreshold',
    'redPoints',
    'bluePoints',
    'thresholdPoints',
    'quarterlyWeight',
  ] as const) {
    expect([key, compareScores(row[key], d[key])]).toEqual([key, 0])
  }
})
