/**
 * Concurrency: the races a real office produces, sent at the same instant through the
 * API. On PostgreSQL the transactions really overlap (pool of 5); on PGlite they serialize — the
 * assertions are the same, and must hold on both:
 *
 * - two inspectors save one assessment from the same version: one wins, the other gets
 *   ConflictError with the current version; the winner's values are stored, the loser's are not
 *   half-applied, and re-applied on the current version they land (no lost update);
 * - two admins publish one round: one succeeds, the other gets a typed error; scores, ranks,
 *   adjustments, rectifications, interviews, the notice and the audit entry exist exactly once;
 * - one rectification verified twice (two verifiers, and one verifier double-clicking): closed
 *   once, one VERIFIED event, one audit entry;
 * - seedDemo twice in parallel on an empty database (two clients on PostgreSQL): seeded once,
 *   every table holds exactly the rows of one seed.
 */
import type { PrismaClient } from '@redblue/db'
import { createDb } from '@redblue/db'
import { createTestDb } from '@redblue/db/testing'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config'
import * as wf from '../../src/services/workflow'
import { dimensionScoreCount, useTestApi, type GqlResult } from '../helpers'
import { buildFixture, type Fixture } from '../workflow/fixtures'
import {
  assessmentOf,
  inspect,
  planRound,
  publish,
  reconcile,
  resolveDisputes,
  runner,
} from '../workflow/scenario'
import { cookieFor, ON_POSTGRES, reportFigures } from './support'

const NOW = new Date('2026-04-02T02:00:00Z')
const api = useTestApi({ seed: 'none', config: { now: () => NOW } })
const config = defaultConfig({ now: () => NOW })
let fx: Fixture

beforeEach(async () => {
  fx = await buildFixture(api.prisma)
})

const figures = { races: 0, requests: 0, conflicts: 0, lostUpdates: 0, duplicateWrites: 0 }

async function newUser(
  prisma: PrismaClient,
  username: string,
  role: 'ADMIN' | 'INSPECTOR',
): Promise<{ id: number; cookie: string }> {
  const user = await prisma.user.create({
    data: { username, displayName: username, role, passwordHash: 'x' },
  })
  return { id: user.id, cookie: await cookieFor(prisma, config, user.id) }
}

const cookieOf = (userId: number) => cookieFor(api.prisma, config, userId)

/** `__typename` and `code` of a mutation's result (or of its top-level error). */
function outcome(res: GqlResult, field: string): string {
  expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500)
  const value = res.data?.[field] as { __typename?: string; code?: string } | undefined
  if (value?.__typename) return value.code ?? value.__typename
  return res.errors?.[0]?.extensions?.code ?? 'NO_ANSWER'
}

/**
 * Exactly one call succeeded; the other was refused with a typed error: CONFLICT when it lost
 * the race inside the transaction, BAD_USER_INPUT ("already published/closed") when it started
 * after the winner committed (always so on PGlite, which serializes transactions).
 */
function expectOneWinner(results: string[], success: string): void {
  expect(results.filter((r) => r === success)).toHaveLength(1)
  const loser = results.find((r) => r !== success)
  expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(loser)
  if (loser === 'CONFLICT') figures.conflicts++
}

const SAVE = `mutation ($id: Int!, $v: Int!, $inputs: [IndicatorInputValue!]!) {
  saveAssessmentInputs(assessmentId: $id, version: $v, inputs: $inputs) {
    __typename ... on AppError { code } ... on ConflictError { currentVersion }
  }
}`

describe('two inspectors save one assessment', () => {
  it('one wins, the other gets ConflictError; nothing is lost or half-applied', async () => {
    const run = runner(api.prisma)
    const planned = await planRound(run, fx)
    // A second inspector on team 1, which inspects C1.
    const insp3 = await newUser(api.prisma, 'wf-insp3', 'INSPECTOR')
    await run((tx) => wf.addTeamMember(tx, fx.admin, { teamId: planned.team1, userId: insp3.id }))
    await run((tx) =>
      wf.transitionRound(tx, fx.admin, { roundId: planned.roundId, to: 'INSPECTING' }),
    )
    const insp1 = await cookieOf(fx.insp1.userId)
    const i2 = fx.schemes.III.i2

    const RACES = ON_POSTGRES ? 10 : 5
    const levels = ['好', '较好', '一般', '差']
    for (let race = 0; race < RACES; race++) {
      const before = await assessmentOf(api.prisma, planned.roundId, fx.orgs.C1)
      const mine = levels[race % 4]!
      const theirs = levels[(race + 1) % 4]!
      const [a, b] = await Promise.all([
        api.gql(
          SAVE,
          { id: before.id, v: before.version, inputs: [{ indicatorId: i2, ratingLevel: mine }] },
          insp1,
        ),
        api.gql(
          SAVE,
          { id: before.id, v: before.version, inputs: [{ indicatorId: i2, ratingLevel: theirs }] },
          insp3.cookie,
        ),
      ])
      figures.races++
      figures.requests += 2
      const [oa, ob] = [outcome(a, 'saveAssessmentInputs'), outcome(b, 'saveAssessmentInputs')]
      expect([oa, ob].sort()).toEqual(['Assessment', 'CONFLICT'])
      figures.conflicts++
      const aWon = oa === 'Assessment'
      const winner = aWon ? mine : theirs
      const loser = aWon ? theirs : mine
      const loserRes = aWon ? b : a
      const loserCookie = aWon ? insp3.cookie : insp1
      expect(loserRes.data?.saveAssessmentInputs.currentVersion).toBe(before.version + 1)

      const after = await api.prisma.assessment.findUniqueOrThrow({
        where: { id: before.id },
        include: { inputs: true },
      })
      expect(after.version).toBe(before.version + 1)
      expect(after.inputs.find((i) => i.indicatorId === i2)?.ratingLevel).toBe(winner)
      // The loser re-applies on the version it was told about: its change lands on top.
      const retry = await api.gql(
        SAVE,
        { id: before.id, v: after.version, inputs: [{ indicatorId: i2, ratingLevel: loser }] },
        loserCookie,
      )
      figures.requests++
      expect(outcome(retry, 'saveAssessmentInputs')).toBe('Assessment')
      const final = await api.prisma.indicatorInput.findFirstOrThrow({
        where: { assessmentId: before.id, indicatorId: i2 },
      })
      if (final.ratingLevel !== loser) figures.lostUpdates++
      expect(final.ratingLevel).toBe(loser)
    }
    // Every successful save left exactly one audit entry: 2 per race (winner, retry).
    const audits = await api.prisma.auditLog.count({
      where: { action: 'assessment.saveInputs' },
    })
    expect(audits).toBe(2 * RACES)
  })
})

const PUBLISH = `mutation ($id: Int!) { publishRound(id: $id) { __typename ... on AppError { code message } } }`

describe('two admins publish one round', () => {
  it('one succeeds, the other gets a typed error; results are written once', async () => {
    const run = runner(api.prisma)
    const planned = await planRound(run, fx)
    const findingIds = await inspect(run, api.prisma, fx, planned.roundId)
    await reconcile(run, fx, planned.roundId, findingIds)
    await resolveDisputes(run, fx, findingIds)
    const admin1 = await cookieOf(fx.admin.userId)
    const admin2 = await newUser(api.prisma, 'wf-admin2', 'ADMIN')

    const [a, b] = await Promise.all([
      api.gql(PUBLISH, { id: planned.roundId }, admin1),
      api.gql(PUBLISH, { id: planned.roundId }, admin2.cookie),
    ])
    figures.races++
    figures.requests += 2
    expectOneWinner([outcome(a, 'publishRound'), outcome(b, 'publishRound')], 'InspectionRound')

    const roundId = planned.roundId
    const counts = {
      published: await api.prisma.roundStatusChange.count({
        where: { roundId, toStatus: 'PUBLISHED' },
      }),
      notices: await api.prisma.notice.count({ where: { roundId } }),
      audits: await api.prisma.auditLog.count({ where: { action: 'round.publishResults' } }),
      rectifications: await api.prisma.rectification.count({ where: { roundId } }),
      standing: await api.prisma.finding.count({
        where: { roundId, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] } },
      }),
      adjustments: await api.prisma.performanceAdjustment.count({ where: { roundId } }),
      blue: await api.prisma.assessment.count({ where: { roundId, listMark: 'BLUE' } }),
      interviews: await api.prisma.interview.count({ where: { roundId } }),
      dimensionScores: await dimensionScoreCount(api.prisma, roundId),
      assessments: await api.prisma.assessment.count({ where: { roundId } }),
      frozen: await api.prisma.assessment.count({ where: { roundId, frozenAt: { not: null } } }),
    }
    if (counts.rectifications !== counts.standing) figures.duplicateWrites++
    expect(counts).toMatchObject({ published: 1, notices: 1, audits: 1 })
    expect(counts.rectifications).toBe(counts.standing)
    expect(counts.interviews).toBe(counts.blue)
    expect(counts.frozen).toBe(counts.assessments)
    // Two dimensions per scheme in the fixture: one row each, not two.
    expect(counts.dimensionScores).toBe(2 * counts.assessments)
    // The fixture's rules: first and last of I and II, III below 98 → adjustments once each.
    expect(counts.adjustments).toBeGreaterThan(0)
    expect(
      await api.prisma.performanceAdjustment.groupBy({
        by: ['orgId', 'areaId'],
        where: { roundId },
        having: { orgId: { _count: { gt: 1 } } },
      }),
    ).toEqual([])
  })
})

const VERIFY = `mutation ($id: Int!, $v: Int!) { verifyRectification(id: $id, version: $v) { __typename ... on AppError { code } } }`

describe('verifying one rectification twice', () => {
  it('closes it once: one VERIFIED event, one audit entry, the second verifier is refused', async () => {
    const run = runner(api.prisma)
    const planned = await planRound(run, fx)
    const findingIds = await inspect(run, api.prisma, fx, planned.roundId)
    await reconcile(run, fx, planned.roundId, findingIds)
    await resolveDisputes(run, fx, findingIds)
    await publish(run, fx, planned.roundId)
    const items = await api.prisma.rectification.findMany({
      where: { roundId: planned.roundId, orgId: { in: [fx.orgs.C1, fx.orgs.C2] } },
      orderBy: { id: 'asc' },
    })
    expect(items.length).toBeGreaterThanOrEqual(2)
    for (const item of items) {
      const code = Object.entries(fx.orgs).find(([, id]) => id === item.orgId)![0] as 'C1' | 'C2'
      await run((tx) =>
        wf.submitRectification(tx, fx.branch[code], {
          rectificationId: item.id,
          version: item.version,
          note: '已整改',
        }),
      )
    }
    const admin = await cookieOf(fx.admin.userId)
    const insp1 = await cookieOf(fx.insp1.userId)
    // First item: an admin and the org's inspector at once; second: one verifier double-clicking.
    const pairs: [string, string][] = [
      [admin, insp1],
      [insp1, insp1],
    ]
    for (const [i, [c1, c2]] of pairs.entries()) {
      const item = await api.prisma.rectification.findUniqueOrThrow({ where: { id: items[i]!.id } })
      const [a, b] = await Promise.all([
        api.gql(VERIFY, { id: item.id, v: item.version }, c1),
        api.gql(VERIFY, { id: item.id, v: item.version }, c2),
      ])
      figures.races++
      figures.requests += 2
      expectOneWinner(
        [outcome(a, 'verifyRectification'), outcome(b, 'verifyRectification')],
        'Rectification',
      )
      const after = await api.prisma.rectification.findUniqueOrThrow({ where: { id: item.id } })
      expect(after.status).toBe('CLOSED')
      expect(after.version).toBe(item.version + 1)
      expect(
        await api.prisma.rectificationEvent.count({
          where: { rectificationId: item.id, type: 'VERIFIED' },
        }),
      ).toBe(1)
      expect(
        await api.prisma.auditLog.count({
          where: { entityId: String(item.id), action: 'rectification.verify' },
        }),
      ).toBe(1)
    }
  })
})

describe('seeding twice at once', () => {
  it('seeds once: every table holds the rows of one seed', { timeout: 300_000 }, async () => {
    const db = await createTestDb()
    // On PostgreSQL the second seeder is a second client (another process, in effect).
    const other = db.url ? await createDb({ url: db.url, poolSize: 2 }) : null
    try {
      const results = await Promise.all([seed(db.prisma), seed(other?.prisma ?? db.prisma)])
      figures.races++
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true])
      const counts = results.find((r) => r.seeded)!.counts
      const actual: Record<string, number> = {}
      for (const table of Object.keys(counts)) {
        const delegate = (db.prisma as unknown as Record<string, { count: () => Promise<number> }>)[
          table
        ]!
        actual[table] = await delegate.count()
      }
      expect(actual).toEqual(counts)
      expect(actual.finding).toBeGreaterThanOrEqual(286)
      reportFigures('seed twice', {
        tables: Object.keys(counts).length,
        rows: Object.values(counts).reduce((n, c) => n + (c ?? 0), 0),
      })
    } finally {
      await other?.close()
      await db.close()
    }
  })
})

async function seed(prisma: PrismaClient) {
  const { seedDemo } = await import('@redblue/db/seed')
  return seedDemo(prisma)
}

describe('figures', () => {
  it('reports the races run', () => {
    reportFigures('concurrency', figures)
    expect(figures.lostUpdates).toBe(0)
    expect(figures.duplicateWrites).toBe(0)
  })
})
