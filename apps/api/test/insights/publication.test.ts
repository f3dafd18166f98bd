/**
 * Publication stores the round's insights in its transaction (R13), on the workflow's hand-built
 * quarter (test/workflow/scenario.ts): a first round, so every blue-list org is newly blue and no
 * problem category is "new"; what is stored never changes afterwards.
 */
import { createTestDb, type TestDb } from '@redblue/db/testing'
import type { Insight } from '@redblue/scoring'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roundInsightsFor } from '../../src/services/insights'
import { buildFixture, type Fixture } from '../workflow/fixtures'
import { PUBLISH_AT, runner, runQuarter } from '../workflow/scenario'

let db: TestDb
let fx: Fixture
let roundId: number

beforeAll(async () => {
  db = await createTestDb()
  fx = await buildFixture(db.prisma)
  ;({ roundId } = await runQuarter(runner(db.prisma), db.prisma, fx))
}, 120_000)
afterAll(() => db.close())

const codeOf = (orgId: number | string) => Object.entries(fx.orgs).find(([, id]) => id === Number(orgId))?.[0]

describe('publication', () => {
  it('stores the frozen insights of the round with the thresholds used', async () => {
    const row = await db.prisma.roundInsight.findUniqueOrThrow({ where: { roundId_areaId: { roundId, areaId: fx.areaId } } })
    expect(row.computedAt).toEqual(PUBLISH_AT)
    expect(row.thresholds).toMatchObject({ declineRounds: 2, dropPoints: '3', concentrationShare: '80' })
    const items = row.items as unknown as Insight[]
    const blue = items.filter((x) => x.kind === 'NEWLY_BLUE').map((x) => codeOf(x.orgs[0]!.id))
    expect(blue.sort()).toEqual(['A4', 'B2', 'C2', 'C3'])
    expect(items.map((x) => x.kind)).not.toContain('NEW_PROBLEM_CATEGORY')
    expect(items.map((x) => x.kind)).not.toContain('DECLINING_ORG')
    // Live kinds are never stored.
    expect(items.map((x) => x.kind)).not.toContain('OVERDUE_BY_ORG')
  })

  it('serves what was stored, and the live kinds as of the request', async () => {
    const later = new Date(PUBLISH_AT.getTime() + 90 * 86_400_000)
    const r = await roundInsightsFor(db.prisma, fx.admin, { roundId, areaId: fx.areaId, now: later })
    expect(r.storedAt).toEqual(PUBLISH_AT)
    // Every item the round opened is overdue 90 days later (the default deadline is 30 days).
    const overdue = r.items.filter((x) => x.kind === 'OVERDUE_BY_ORG')
    const open = await db.prisma.rectification.count({ where: { roundId, status: { not: 'CLOSED' } } })
    expect(overdue.reduce((n, x) => n + Number(x.figures.overdue), 0)).toBe(open)
    const atPublication = await roundInsightsFor(db.prisma, fx.admin, { roundId, areaId: fx.areaId, now: PUBLISH_AT })
    expect(atPublication.items.filter((x) => x.kind === 'OVERDUE_BY_ORG')).toEqual([])
  })
})
