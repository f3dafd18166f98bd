/**
 * A round's progress per org and the preview of its next step: the preview tries the step and
 * rolls it back, so it must report exactly what publication later freezes, and write nothing.
 */
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as wf from '../../src/services/workflow'
import { buildFixture, type Fixture } from './fixtures'
import { inspect, planRound, publish, PUBLISH_AT, reconcile, resolveDisputes, runner, runQuarter, type Run } from './scenario'

let db: TestDb
let fx: Fixture
let run: Run

beforeAll(async () => {
  db = await createTestDb()
  run = runner(db.prisma)
})
afterAll(() => db.close())
beforeEach(async () => {
  await db.reset()
  fx = await buildFixture(db.prisma)
})

const snapshot = async (roundId: number) => ({
  round: await db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId }, select: { status: true, version: true } }),
  audits: await db.prisma.auditLog.count(),
  assessments: await db.prisma.assessment.count({ where: { roundId } }),
  rectifications: await db.prisma.rectification.count(),
  pending: await db.prisma.finding.count({ where: { roundId, reconciliationStatus: 'PENDING' } }),
})

describe('round progress', () => {
  it('lists every org with its team while planning, then each score sheet by stage', async () => {
    const planned = await planRound(run, fx)
    const planning = await wf.roundProgress(db.prisma, planned.roundId)
    expect(planning.length).toBe(Object.keys(fx.orgs).length)
    expect(planning.every((r) => r.stage === 'NOT_STARTED' && r.teamName)).toBe(true)

    const findingIds = await inspect(run, db.prisma, fx, planned.roundId)
    await reconcile(run, fx, planned.roundId, findingIds)
    const rows = await wf.roundProgress(db.prisma, planned.roundId)
    const of = (code: keyof typeof fx.orgs) => rows.find((r) => r.orgId === fx.orgs[code])!
    // A4 disputed its finding, B1 left one pending: neither is reconciled; A1 had none.
    expect(of('A4')).toMatchObject({ stage: 'SUBMITTED', disputed: 1, pending: 0 })
    expect(of('B1')).toMatchObject({ stage: 'SUBMITTED', pending: 1 })
    expect(of('A1')).toMatchObject({ stage: 'RECONCILED', findings: 0 })
  })
})

describe('transition preview', () => {
  it('names what blocks a step and changes nothing', async () => {
    const planned = await planRound(run, fx)
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId: planned.roundId, to: 'INSPECTING' }))
    const before = await snapshot(planned.roundId)
    const preview = await wf.previewTransition(db.prisma, fx.admin, planned.roundId, PUBLISH_AT)
    expect(preview.to).toBe('RECONCILING')
    expect(preview.blockers.join()).toMatch(/尚未提交/)
    expect(await snapshot(planned.roundId)).toEqual(before)
  })

  it('reports the score sheets that inspection would open', async () => {
    const planned = await planRound(run, fx)
    const preview = await wf.previewTransition(db.prisma, fx.admin, planned.roundId, PUBLISH_AT)
    expect(preview).toMatchObject({ to: 'INSPECTING', blockers: [], assessmentsOpened: Object.keys(fx.orgs).length })
    expect(await db.prisma.assessment.count({ where: { roundId: planned.roundId } })).toBe(0)
  })

  it('previews publication exactly as it is then frozen, without writing anything', async () => {
    const planned = await planRound(run, fx)
    const findingIds = await inspect(run, db.prisma, fx, planned.roundId)
    await reconcile(run, fx, planned.roundId, findingIds)
    const blocked = await wf.previewTransition(db.prisma, fx.admin, planned.roundId, PUBLISH_AT)
    expect(blocked.blockers.join()).toMatch(/有异议/)
    await resolveDisputes(run, fx, findingIds)

    const before = await snapshot(planned.roundId)
    const preview = await wf.previewTransition(db.prisma, fx.admin, planned.roundId, PUBLISH_AT)
    expect(await snapshot(planned.roundId)).toEqual(before)
    expect(preview.blockers).toEqual([])
    // B1's finding was never reacted to: publication will deem it confirmed.
    expect(preview.deemedConfirmed.map((f) => f.id)).toEqual(findingIds.B1)
    expect(preview.interviews.length).toBeGreaterThan(0)
    expect(preview.adjustments.length).toBeGreaterThan(0)

    await publish(run, fx, planned.roundId)
    const frozen = await db.prisma.assessment.findMany({
      where: { roundId: planned.roundId },
      select: { orgId: true, totalScore: true, rank: true, listMark: true },
    })
    for (const row of frozen) {
      const shown = preview.ranking.find((r) => r.orgId === row.orgId)!
      expect({ total: shown.total, rank: shown.rank, listMark: shown.listMark }).toEqual({
        total: row.totalScore!.toFixed(2),
        rank: row.rank,
        listMark: row.listMark,
      })
    }
    expect(await db.prisma.performanceAdjustment.count({ where: { roundId: planned.roundId } })).toBe(preview.adjustments.length)
    expect(await db.prisma.interview.count({ where: { roundId: planned.roundId } })).toBe(preview.interviews.length)
  })
})

describe('reopening a submitted score sheet', () => {
  it('keeps the reason in the audit log', async () => {
    const planned = await planRound(run, fx)
    await inspect(run, db.prisma, fx, planned.roundId)
    const sheet = await db.prisma.assessment.findFirstOrThrow({ where: { roundId: planned.roundId, orgId: fx.orgs.A2 } })
    await run((tx) =>
      wf.reopenAssessment(tx, fx.admin, { assessmentId: sheet.id, version: sheet.version, reason: ' 漏评一项加分 ' }),
    )
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'assessment.reopen', entityId: String(sheet.id) },
    })
    expect(entry.after).toMatchObject({ status: 'IN_PROGRESS', reason: '漏评一项加分' })
  })
})

describe('to-dos', () => {
  it('carry R8’s colour from the engine, and a leader gets none they cannot act on', async () => {
    await runQuarter(run, db.prisma, fx)
    const late = new Date('2026-12-01T00:00:00Z')
    const admin = await run((tx) => wf.todoList(tx, fx.admin, late))
    const overdue = admin.items.filter((i) => i.kind === 'RECTIFICATION_OVERDUE')
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.every((i) => i.colour === 'RED')).toBe(true)
    const leader = await run((tx) => wf.todoList(tx, fx.leader, late))
    expect(leader.items).toEqual([])
    expect(leader.counts.total).toBe(0)
  })
})

describe('the ledger', () => {
  it('opens on what needs action: open items first, closed ones last', async () => {
    await runQuarter(run, db.prisma, fx)
    const first = await db.prisma.rectification.findFirstOrThrow({ orderBy: [{ deadline: 'asc' }, { id: 'asc' }] })
    // Closed by hand here: only the order is under test.
    await db.prisma.rectification.update({ where: { id: first.id }, data: { status: 'CLOSED' } })
    const { ids, total } = await run((tx) => wf.ledger(tx, fx.admin, { limit: 200 }, PUBLISH_AT))
    expect(ids).toHaveLength(total)
    expect(ids.at(-1)).toBe(first.id)
  })
})
