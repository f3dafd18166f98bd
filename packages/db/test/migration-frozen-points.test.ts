/**
 * Migration 20261125122327_frozen_indicator_points moves the per-indicator points frozen at
 * publication from IndicatorInput.points into one AssessmentIndicatorPoints row per assessment, and
 * removes the inputs publication had created only to carry points. Data written under the previous
 * migrations must come out unchanged in meaning.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createTestDb, type TestDb } from '../src/testing'
import { migrationsWithout } from './migrations-without'

const MIGRATION = '20261125122327_frozen_indicator_points'
const APPLIED = [MIGRATION, '20261203034011_dimension_subtotals_in_frozen_points']

let db: TestDb
let before: ReturnType<typeof migrationsWithout>

beforeAll(async () => {
  db = await createTestDb({ migrate: false })
  // Every migration but this one and the one that builds on its table, so the rows below are
  // written with today's client into the tables as they were just before it.
  before = migrationsWithout(APPLIED)
})
afterAll(async () => {
  await db.close()
  before.remove()
})

test('moves frozen points into one object per assessment and drops the points-only inputs', async () => {
  await db.migrate({ migrationsDir: before.dir })
  const p = db.prisma
  const org = await p.organization.create({
    data: { code: 'B01', name: '第一党支部', shortName: '一支部', unitType: 'GRASSROOTS' },
  })
  const org2 = await p.organization.create({
    data: { code: 'B02', name: '第二党支部', shortName: '二支部', unitType: 'GRASSROOTS' },
  })
  const area = await p.area.create({ data: { code: 'PB', name: '基层党建' } })
  const scheme = await p.scheme.create({
    data: { year: 2026, areaId: area.id, category: 'II', name: '方案', bonusCap: '5.00' },
  })
  const dimension = await p.dimension.create({
    data: { schemeId: scheme.id, code: 'D1', name: '组织建设', maxPoints: '100.00' },
  })
  const indicators = []
  for (const [code, method, max] of [
    ['I1', 'RATING', '60.00'],
    ['I2', 'DEDUCTION', '40.00'],
    ['I3', 'BONUS', '5.00'],
  ] as const) {
    indicators.push(
      await p.indicator.create({
        data: {
          schemeId: scheme.id,
          dimensionId: method === 'BONUS' ? null : dimension.id,
          code,
          name: code,
          method,
          maxPoints: max,
        },
      }),
    )
  }
  const [i1, i2, i3] = indicators.map((i) => i.id) as [number, number, number]
  const published = await p.inspectionRound.create({
    data: { year: 2026, quarter: 1, name: '2026年第一季度', status: 'PUBLISHED' },
  })
  const running = await p.inspectionRound.create({
    data: { year: 2026, quarter: 2, name: '2026年第二季度', status: 'INSPECTING' },
  })
  const assessment = (roundId: number, orgId: number) =>
    p.assessment.create({
      data: {
        roundId,
        orgId,
        areaId: area.id,
        schemeId: scheme.id,
        category: 'II',
        unitType: 'GRASSROOTS',
      },
    })
  const a1 = await assessment(published.id, org.id)
  const a2 = await assessment(published.id, org2.id)
  const a3 = await assessment(running.id, org.id)
  // As publication left them: the inspector's inputs with points added, and inputs created only
  // to carry points. The running round has inputs and no points.
  const input = (
    assessmentId: number,
    indicatorId: number,
    values: { rating?: string; bonus?: string; note?: string; points?: string },
  ) => p.$executeRaw`
    INSERT INTO "IndicatorInput" ("assessmentId", "indicatorId", "ratingLevel", "bonusPoints", "note", "points", "updatedAt")
    VALUES (${assessmentId}, ${indicatorId}, ${values.rating ?? null}, ${values.bonus ?? null}::numeric,
            ${values.note ?? null}, ${values.points ?? null}::numeric, CURRENT_TIMESTAMP)`
  await input(a1.id, i1, { rating: '较好', points: '48.00' })
  await input(a1.id, i2, { points: '37.50' })
  await input(a1.id, i3, { bonus: '2.00', points: '2.00' })
  await input(a2.id, i1, { rating: '好', points: '60.00' })
  await input(a2.id, i2, { note: '无问题', points: '40.00' })
  await input(a2.id, i3, { points: '0.00' })
  await input(a3.id, i1, { rating: '一般' })
  await input(a3.id, i2, {})

  const result = await db.migrate()
  expect(result.applied).toEqual(APPLIED)

  const frozen = await p.assessmentIndicatorPoints.findMany({
    select: { assessmentId: true, points: true },
    orderBy: { assessmentId: 'asc' },
  })
  expect(frozen).toEqual([
    { assessmentId: a1.id, points: { [i1]: '48.00', [i2]: '37.50', [i3]: '2.00' } },
    { assessmentId: a2.id, points: { [i1]: '60.00', [i2]: '40.00', [i3]: '0.00' } },
  ])
  // The inspector's inputs stay; the points-only ones are gone; the running round is untouched.
  const inputs = await p.indicatorInput.findMany({
    orderBy: [{ assessmentId: 'asc' }, { indicatorId: 'asc' }],
  })
  expect(
    inputs.map((i) => [
      i.assessmentId,
      i.indicatorId,
      i.ratingLevel,
      i.bonusPoints?.toFixed(2) ?? null,
      i.note,
    ]),
  ).toEqual([
    [a1.id, i1, '较好', null, null],
    [a1.id, i3, null, '2.00', null],
    [a2.id, i1, '好', null, null],
    [a2.id, i2, null, null, '无问题'],
    [a3.id, i1, '一般', null, null],
    [a3.id, i2, null, null, null],
  ])
  const columns = await p.$queryRaw<{ column_name: string }[]>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'IndicatorInput'`
  expect(columns.map((c) => c.column_name)).not.toContain('points')
})
