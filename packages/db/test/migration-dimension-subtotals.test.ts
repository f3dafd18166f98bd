/**
 * Migration 20261203034011_dimension_subtotals_in_frozen_points moves the dimension subtotals frozen
 * at publication from one AssessmentDimensionScore row per dimension into the assessment's
 * frozen-points row, and puts a view of the old name in the table's place. Subtotals written under
 * the previous migrations must come out exactly, through the JSON and through the view. The
 * migration after it, 20261203044500_created_events_without_round, is checked here too.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createTestDb, type TestDb } from '../src/testing'
import { migrationsWithout } from './migrations-without'

const MIGRATION = '20261203034011_dimension_subtotals_in_frozen_points'
/** The next one, checked at the end: CREATED events stop naming a round. */
const ROUNDLESS = '20261203044500_created_events_without_round'

let db: TestDb
let before: ReturnType<typeof migrationsWithout>

beforeAll(async () => {
  db = await createTestDb({ migrate: false })
  before = migrationsWithout([MIGRATION, ROUNDLESS])
})
afterAll(async () => {
  await db.close()
  before.remove()
})

test('moves every subtotal into its assessment’s frozen row, in the scheme’s order, and reads them back through the view', async () => {
  await db.migrate({ migrationsDir: before.dir })
  const p = db.prisma
  const area = await p.area.create({ data: { code: 'PB', name: '基层党建' } })
  const scheme = await p.scheme.create({
    data: { year: 2026, areaId: area.id, category: 'II', name: '方案', bonusCap: '5.00' },
  })
  // Created in the opposite of their sort order: the array follows sortOrder, not the id.
  const d2 = await p.dimension.create({
    data: { schemeId: scheme.id, code: 'D2', name: '作风建设', maxPoints: '40.00', sortOrder: 2 },
  })
  const d1 = await p.dimension.create({
    data: { schemeId: scheme.id, code: 'D1', name: '组织建设', maxPoints: '60.00', sortOrder: 1 },
  })
  const round = await p.inspectionRound.create({
    data: { year: 2026, quarter: 1, name: '2026年第一季度', status: 'PUBLISHED' },
  })
  const assessments = []
  for (const code of ['B01', 'B02', 'B03']) {
    const org = await p.organization.create({
      data: { code, name: `${code}党支部`, unitType: 'GRASSROOTS' },
    })
    assessments.push(
      await p.assessment.create({
        data: {
          roundId: round.id,
          orgId: org.id,
          areaId: area.id,
          schemeId: scheme.id,
          category: 'II',
          unitType: 'GRASSROOTS',
        },
      }),
    )
  }
  const [a1, a2, a3] = assessments.map((a) => a.id) as [number, number, number]
  // a1 and a2 as publication left them (frozen points and subtotals); a3 has subtotals only, which
  // no writer produced, and must not lose them.
  await p.$executeRaw`
    INSERT INTO "AssessmentIndicatorPoints" ("assessmentId", "points")
    VALUES (${a1}, '{"1": "9.50"}'::jsonb), (${a2}, '{"1": "10.00"}'::jsonb)`
  await p.$executeRaw`
    INSERT INTO "AssessmentDimensionScore" ("assessmentId", "dimensionId", "points", "lost")
    VALUES (${a1}, ${d1.id}, 57.5, 2.5), (${a1}, ${d2.id}, 40, 0),
           (${a2}, ${d1.id}, 0, 60), (${a2}, ${d2.id}, 39.99, 0.01),
           (${a3}, ${d2.id}, 12.3, 27.7)`
  const rowsBefore = await p.$queryRaw<{ row: string }[]>`
    SELECT concat_ws('|', "assessmentId", "dimensionId", "points", "lost") AS "row"
    FROM "AssessmentDimensionScore" ORDER BY 1`

  // Two events of one item: CREATED as publication wrote it (with the item's round) and a
  // look-back VERIFIED, whose round stays.
  const rect = await p.rectification.create({
    data: {
      source: 'FINDING',
      orgId: assessments[0]!.orgId,
      roundId: round.id,
      title: '整改',
      deadline: new Date('2026-06-30'),
    },
  })
  await p.rectificationEvent.createMany({
    data: [
      { rectificationId: rect.id, type: 'CREATED', roundId: round.id },
      { rectificationId: rect.id, type: 'VERIFIED', roundId: round.id },
    ],
  })

  const result = await db.migrate()
  expect(result.applied).toEqual([MIGRATION, ROUNDLESS])
  const events = await p.rectificationEvent.findMany({ orderBy: { id: 'asc' } })
  expect(events.map((e) => [e.type, e.roundId])).toEqual([
    ['CREATED', null],
    ['VERIFIED', round.id],
  ])

  const frozen = await p.assessmentIndicatorPoints.findMany({ orderBy: { assessmentId: 'asc' } })
  expect(frozen).toEqual([
    {
      assessmentId: a1,
      points: { '1': '9.50' },
      dimensions: [
        { d: d1.id, p: '57.50', l: '2.50' },
        { d: d2.id, p: '40.00', l: '0.00' },
      ],
    },
    {
      assessmentId: a2,
      points: { '1': '10.00' },
      dimensions: [
        { d: d1.id, p: '0.00', l: '60.00' },
        { d: d2.id, p: '39.99', l: '0.01' },
      ],
    },
    { assessmentId: a3, points: {}, dimensions: [{ d: d2.id, p: '12.30', l: '27.70' }] },
  ])
  // The view answers exactly what the table held, as text and as types.
  const after = await p.$queryRaw<{ row: string }[]>`
    SELECT concat_ws('|', "assessmentId", "dimensionId", "points", "lost") AS "row"
    FROM "AssessmentDimensionScore" ORDER BY 1`
  expect(after).toEqual(rowsBefore)
  const kinds = await p.$queryRaw<{ table_type: string }[]>`
    SELECT table_type FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_name = 'AssessmentDimensionScore'`
  expect(kinds).toEqual([{ table_type: 'VIEW' }])
  // The stored per-round summaries read the subtotals through the view.
  await p.$executeRaw`SELECT "storeRoundSummaries"(${round.id}::int)`
  const summary = await p.$queryRaw<
    { dimensionId: number; assessments: number; points: string; lost: string }[]
  >`
    SELECT "dimensionId", "assessments", "points"::text AS "points", "lost"::text AS "lost"
    FROM "RoundDimensionSummary" WHERE "roundId" = ${round.id} ORDER BY "dimensionId"`
  expect(summary).toEqual(
    [
      { dimensionId: d1.id, assessments: 2, points: '57.50', lost: '62.50' },
      { dimensionId: d2.id, assessments: 3, points: '92.29', lost: '27.71' },
    ].sort((x, y) => x.dimensionId - y.dimensionId),
  )
})
