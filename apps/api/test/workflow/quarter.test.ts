/**
 * The quarterly workflow through the service layer, checked against docs/domain.md's rules on small
 * hand-built fixtures (see fixtures.ts and the score table in scenario.ts).
 */
import type { Decimal } from '@redblue/db'
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError, ValidationError } from '../../src/errors'
import * as wf from '../../src/services/workflow'
import { buildFixture, type Fixture, type OrgCode } from './fixtures'
import {
  assessmentOf,
  inspect,
  planRound,
  publish,
  PUBLISH_AT,
  reconcile,
  resolveDisputes,
  runner,
  runQuarter,
  type Run,
} from './scenario'

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

const byCode = <T extends { orgId: number }>(rows: T[], code: OrgCode) =>
  rows.filter((r) => r.orgId === fx.orgs[code])

describe('planning', () => {
  it('refuses an inspector on their own org, clearly', async () => {
    const round = await run((tx) =>
      wf.createRound(tx, fx.admin, { year: 2026, quarter: 1, areaIds: [fx.areaId] }),
    )
    const team = await run((tx) => wf.createTeam(tx, fx.admin, { roundId: round.id, name: '甲组' }))
    await run((tx) => wf.addTeamMember(tx, fx.admin, { teamId: team.id, userId: fx.insp1.userId }))
    const refused = run((tx) =>
      wf.assignTeam(tx, fx.admin, { roundId: round.id, teamId: team.id, orgId: fx.orgs.A1 }),
    )
    await expect(refused).rejects.toThrow(ValidationError)
    await expect(refused).rejects.toThrow(/wf-insp1用户.*A1党支部.*回避/)
    // And the other way round: a member joining a team that already inspects their org.
    const team2 = await run((tx) =>
      wf.createTeam(tx, fx.admin, { roundId: round.id, name: '乙组' }),
    )
    await run((tx) =>
      wf.assignTeam(tx, fx.admin, { roundId: round.id, teamId: team2.id, orgId: fx.orgs.A1 }),
    )
    await run((tx) =>
      wf.removeTeamMember(tx, fx.admin, { teamId: team.id, userId: fx.insp1.userId }),
    )
    await expect(
      run((tx) => wf.addTeamMember(tx, fx.admin, { teamId: team2.id, userId: fx.insp1.userId })),
    ).rejects.toThrow(/回避/)
    // Only admins plan.
    await expect(
      run((tx) => wf.createTeam(tx, fx.insp2, { roundId: round.id, name: '丙组' })),
    ).rejects.toThrow(ForbiddenError)
  })

  it('links rounds for the look-back and checks every transition', async () => {
    const q1 = await run((tx) =>
      wf.createRound(tx, fx.admin, { year: 2026, quarter: 1, areaIds: [fx.areaId] }),
    )
    const q3 = await run((tx) =>
      wf.createRound(tx, fx.admin, { year: 2026, quarter: 3, areaIds: [fx.areaId] }),
    )
    expect(q3.previousRoundId).toBe(q1.id)
    await expect(
      run((tx) => wf.createRound(tx, fx.admin, { year: 2026, quarter: 1, areaIds: [fx.areaId] })),
    ).rejects.toThrow(/已存在/)
    // No skipping steps.
    await expect(
      run((tx) => wf.transitionRound(tx, fx.admin, { roundId: q1.id, to: 'PUBLISHED' })),
    ).rejects.toThrow(/不能从/)
    // Every assessed org needs a team before inspection starts.
    await expect(
      run((tx) => wf.transitionRound(tx, fx.admin, { roundId: q1.id, to: 'INSPECTING' })),
    ).rejects.toThrow(/尚未分配检查组/)
    await run((tx) => wf.deleteRound(tx, fx.admin, q1.id))
    const q3after = await db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: q3.id } })
    expect(q3after.previousRoundId).toBeNull()
  })

  it('pins the published scheme revision in force when inspection starts, and refuses a missing one', async () => {
    const { roundId } = await planRound(run, fx)
    // A newer published revision of category I's scheme exists at start: it is the one pinned.
    const old = await db.prisma.scheme.findUniqueOrThrow({ where: { id: fx.schemes.I.id } })
    const rev2 = await db.prisma.scheme.create({
      data: {
        year: 2026,
        areaId: fx.areaId,
        category: 'I',
        revision: 2,
        name: 'rev2',
        status: 'PUBLISHED',
        bonusCap: '5.00',
        previousRevisionId: old.id,
      },
    })
    await db.prisma.scheme.update({ where: { id: old.id }, data: { status: 'ARCHIVED' } })
    await db.prisma.scheme.update({ where: { id: fx.schemes.III.id }, data: { status: 'DRAFT' } })
    await expect(
      run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' })),
    ).rejects.toThrow(/尚未发布：基层党建III类/)
    await db.prisma.scheme.update({
      where: { id: fx.schemes.III.id },
      data: { status: 'PUBLISHED' },
    })
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' }))
    const a1 = await assessmentOf(db.prisma, roundId, fx.orgs.A1)
    expect(a1.schemeId).toBe(rev2.id)
    expect(a1.category).toBe('I')
    expect(a1.unitType).toBe('GRASSROOTS')
    expect(await db.prisma.assessment.count({ where: { roundId } })).toBe(9)
  })
})

describe('one full quarter', () => {
  it('scores live, reconciles, publishes ranks, lists and adjustments per the rules', async () => {
    const { roundId } = await planRound(run, fx)
    const findingIds = await inspect(run, db.prisma, fx, roundId)

    // Live preview: C3 has base 97.00 + bonus 3.00; A3 still counts its pending 10.00.
    const c3 = await assessmentOf(db.prisma, roundId, fx.orgs.C3)
    const c3score = await run((tx) => wf.liveScore(tx, c3.id))
    expect([c3score.base, c3score.bonus, c3score.total]).toEqual(['97.00', '3.00', '100.00'])
    const a3 = await assessmentOf(db.prisma, roundId, fx.orgs.A3)
    expect((await run((tx) => wf.liveScore(tx, a3.id))).base).toBe('86.00')

    // Inspectors write only for their assigned orgs; findings are frozen once submitted.
    await expect(
      run((tx) =>
        wf.createFinding(tx, fx.insp1, {
          assessmentId: (c3 as { id: number }).id,
          indicatorId: fx.schemes.III.i1,
          problemCategoryId: fx.problemCategories[0]!,
          description: 'late',
          checkMethod: 'ONSITE_CHECK',
        }),
      ),
    ).rejects.toThrow(/已提交/)
    const a1 = await assessmentOf(db.prisma, roundId, fx.orgs.A1)
    await expect(
      run((tx) => wf.reopenAssessment(tx, fx.insp1, { assessmentId: a1.id, version: a1.version })),
    ).rejects.toThrow(ForbiddenError)

    await reconcile(run, fx, roundId, findingIds)
    // A BRANCH user reacts only to its own org's findings.
    await expect(
      run((tx) =>
        wf.reconcileFinding(tx, fx.branch.A1, { findingId: findingIds.B1![0]!, action: 'CONFIRM' }),
      ),
    ).rejects.toThrow(ForbiddenError)
    // A dispute needs a reason.
    await expect(
      run((tx) =>
        wf.reconcileFinding(tx, fx.branch.B1, { findingId: findingIds.B1![0]!, action: 'DISPUTE' }),
      ),
    ).rejects.toThrow(/异议理由/)
    // No publication while disputes remain.
    await expect(publish(run, fx, roundId)).rejects.toThrow(/2 个有异议的问题/)
    await resolveDisputes(run, fx, findingIds)
    // Scores follow: the withdrawn 10.00 no longer counts for A3.
    expect((await run((tx) => wf.liveScore(tx, a3.id))).base).toBe('96.00')

    const inputsBefore = await db.prisma.indicatorInput.findMany({
      where: { assessment: { roundId } },
      orderBy: { id: 'asc' },
    })
    await publish(run, fx, roundId)
    await expect(publish(run, fx, roundId)).rejects.toThrow(/不能重复发布/)

    const assessments = await db.prisma.assessment.findMany({ where: { roundId } })
    const result = (code: OrgCode) => {
      const a = byCode(assessments, code)[0]!
      return [a.baseScore?.toFixed(2), a.totalScore?.toFixed(2), a.rank, a.listMark]
    }
    // R3 ranking with a tie (1, 1, 3, 4) on totals, not bases.
    expect(result('A1')).toEqual(['100.00', '101.00', 1, 'RED'])
    expect(result('A2')).toEqual(['99.00', '101.00', 1, 'RED'])
    expect(result('A3')).toEqual(['96.00', '96.00', 3, null])
    expect(result('A4')).toEqual(['90.00', '90.00', 4, 'BLUE'])
    expect(result('B1')).toEqual(['99.00', '99.00', 1, 'RED'])
    expect(result('B2')).toEqual(['92.00', '92.00', 2, 'BLUE'])
    // R4: category III at exactly 98.00 is not blue; 97.99 is; bonus cannot buy a low base out.
    expect(result('C1')).toEqual(['98.00', '98.00', 2, null])
    expect(result('C2')).toEqual(['97.99', '97.99', 3, 'BLUE'])
    expect(result('C3')).toEqual(['97.00', '100.00', 1, 'BLUE'])

    // R5: +1.5 / −1.5 / −0.5 in the month of publication in China time (April, not March).
    const adjustments = await db.prisma.performanceAdjustment.findMany({ where: { roundId } })
    const adj = Object.fromEntries(
      adjustments.map((a) => [
        Object.entries(fx.orgs).find(([, id]) => id === a.orgId)![0],
        [a.reason, a.points.toFixed(2)],
      ]),
    )
    expect(adj).toEqual({
      A1: ['RED_LIST', '1.50'],
      A2: ['RED_LIST', '1.50'],
      A4: ['BLUE_LIST', '-1.50'],
      B1: ['RED_LIST', '1.50'],
      B2: ['BLUE_LIST', '-1.50'],
      C2: ['BELOW_THRESHOLD', '-0.50'],
      C3: ['BELOW_THRESHOLD', '-0.50'],
    })
    expect(new Set(adjustments.map((a) => a.month))).toEqual(new Set(['2026-04']))

    // Frozen: every indicator's points (in one row) and dimension subtotals.
    const a2 = byCode(assessments, 'A2')[0]!
    const frozen = await db.prisma.assessmentIndicatorPoints.findUniqueOrThrow({
      where: { assessmentId: a2.id },
    })
    const indicatorIds = (
      await db.prisma.indicator.findMany({
        where: { schemeId: a2.schemeId },
        orderBy: { id: 'asc' },
      })
    ).map((i) => String(i.id))
    expect(indicatorIds.map((id) => (frozen.points as Record<string, string>)[id])).toEqual([
      '59.00',
      '40.00',
      '2.00',
    ])
    expect(Object.keys(frozen.points as object)).toHaveLength(indicatorIds.length)
    expect(
      await db.prisma.assessmentIndicatorPoints.count({ where: { assessment: { roundId } } }),
    ).toBe(assessments.length)
    // The inspector's inputs are left exactly as they were: no row added, none changed.
    expect(
      await db.prisma.indicatorInput.findMany({
        where: { assessment: { roundId } },
        orderBy: { id: 'asc' },
      }),
    ).toEqual(inputsBefore)
    // The subtotals as SQL reads them (the view over the frozen row), exact decimals.
    const dims = await db.prisma.$queryRaw<{ points: Decimal; lost: Decimal }[]>`
      SELECT "points", "lost" FROM "AssessmentDimensionScore"
      WHERE "assessmentId" = ${a2.id} ORDER BY "dimensionId"`
    expect(dims.map((d) => [d.points.toFixed(2), d.lost.toFixed(2)])).toEqual([
      ['59.00', '1.00'],
      ['40.00', '0.00'],
    ])
    expect(assessments.every((a) => a.frozenAt?.getTime() === PUBLISH_AT.getTime())).toBe(true)

    // The pending finding was deemed confirmed; withdrawn ones open no rectification.
    const b1finding = await db.prisma.finding.findUniqueOrThrow({
      where: { id: findingIds.B1![0]! },
    })
    expect(b1finding.reconciliationStatus).toBe('CONFIRMED')
    const rects = await db.prisma.rectification.findMany({
      where: { roundId },
      include: { events: true },
    })
    expect(rects).toHaveLength(7)
    expect(rects.some((r) => r.findingId === findingIds.A3![1])).toBe(false)
    expect(new Set(rects.map((r) => r.deadline.toISOString().slice(0, 10)))).toEqual(
      new Set(['2026-05-01']),
    )
    expect(byCode(rects, 'C2')[0]!.responsiblePerson).toBe('wf-branch-C2用户')
    // One CREATED event each, by the publishing admin; it names no round (that is the look-back's).
    expect(rects.map((r) => r.events.map((e) => [e.type, e.roundId, e.actorId, e.note]))).toEqual(
      rects.map(() => [['CREATED', null, fx.admin.userId, '检查结果发布，生成整改事项']]),
    )

    // One interview per blue-list org.
    const interviews = await db.prisma.interview.findMany({ where: { roundId } })
    expect(interviews.map((i) => i.orgId).sort()).toEqual(
      [fx.orgs.A4, fx.orgs.B2, fx.orgs.C2, fx.orgs.C3].sort(),
    )
    expect(await db.prisma.notice.count({ where: { roundId } })).toBe(1)

    // Every transition recorded with who and when.
    const changes = await db.prisma.roundStatusChange.findMany({
      where: { roundId },
      orderBy: { id: 'asc' },
    })
    expect(changes.map((c) => c.toStatus)).toEqual([
      'PLANNING',
      'INSPECTING',
      'RECONCILING',
      'PUBLISHED',
    ])
    expect(changes.every((c) => c.actorId === fx.admin.userId)).toBe(true)
    // And the audit log has the before/after of the changes.
    const publishAudit = await db.prisma.auditLog.findFirst({
      where: { action: 'round.published' },
    })
    expect(publishAudit?.before).toMatchObject({ status: 'RECONCILING' })
    expect(publishAudit?.after).toMatchObject({ status: 'PUBLISHED' })
    expect(await db.prisma.auditLog.count({ where: { action: 'finding.confirm' } })).toBe(5)
  })

  it('flags a finding as a repeat when the org had the same problem category last round', async () => {
    await runQuarter(run, db.prisma, fx)
    const q2 = await planRound(run, fx, 2)
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId: q2.roundId, to: 'INSPECTING' }))
    const c3 = await assessmentOf(db.prisma, q2.roundId, fx.orgs.C3)
    const make = (problemCategoryId: number) =>
      run((tx) =>
        wf.createFinding(tx, fx.insp1, {
          assessmentId: c3.id,
          indicatorId: fx.schemes.III.i1,
          problemCategoryId,
          description: '再次发现',
          checkMethod: 'INTERVIEW',
        }),
      )
    expect((await make(fx.problemCategories[2]!)).isRepeat).toBe(true)
    const fresh = await make(fx.problemCategories[0]!)
    expect(fresh.isRepeat).toBe(false)
    expect(fresh.deduction.toFixed(2)).toBe('1.00') // the indicator's default deduction
    // A3's withdrawn category-2 finding does not make a repeat.
    const a3 = await assessmentOf(db.prisma, q2.roundId, fx.orgs.A3)
    const again = await run((tx) =>
      wf.createFinding(tx, fx.insp1, {
        assessmentId: a3.id,
        indicatorId: fx.schemes.I.i1,
        problemCategoryId: fx.problemCategories[1]!,
        description: 'x',
        checkMethod: 'INTERVIEW',
      }),
    )
    expect(again.isRepeat).toBe(false)
    const edited = await run((tx) =>
      wf.updateFinding(tx, fx.insp1, {
        findingId: fresh.id,
        version: fresh.version,
        problemCategoryId: fx.problemCategories[2]!,
      }),
    )
    expect(edited.isRepeat).toBe(true)
  })

  it('an interrupted publication leaves no trace', async () => {
    const { roundId } = await planRound(run, fx)
    const findingIds = await inspect(run, db.prisma, fx, roundId)
    await reconcile(run, fx, roundId, findingIds)
    await resolveDisputes(run, fx, findingIds)
    const auditBefore = await db.prisma.auditLog.count()
    for (const step of ['status', 'frozen', 'lists', 'rectifications', 'interviews']) {
      await expect(
        publish(run, fx, roundId, {
          onStep: (name) => {
            if (name === step) throw new Error(`injected failure at ${step}`)
          },
        }),
      ).rejects.toThrow(`injected failure at ${step}`)
      const round = await db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId } })
      expect(round.status).toBe('RECONCILING')
      expect(round.publishedAt).toBeNull()
      const counts = await Promise.all([
        db.prisma.rectification.count(),
        db.prisma.rectificationEvent.count(),
        db.prisma.performanceAdjustment.count(),
        db.prisma.interview.count(),
        db.prisma.notice.count(),
        db.prisma.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS "n" FROM "AssessmentDimensionScore"`.then((rows) => rows[0]!.n),
        db.prisma.assessment.count({
          where: { OR: [{ totalScore: { not: null } }, { rank: { not: null } }] },
        }),
        db.prisma.assessmentIndicatorPoints.count(),
        db.prisma.finding.count({ where: { reconciliationStatus: 'PENDING' } }),
        db.prisma.roundStatusChange.count({ where: { roundId, toStatus: 'PUBLISHED' } }),
      ])
      expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
      expect(await db.prisma.auditLog.count()).toBe(auditBefore)
    }
    await publish(run, fx, roundId)
    expect(await db.prisma.rectification.count()).toBe(7)
  })
})

describe('conflicting saves', () => {
  it('two saves from the same version: one wins, the other gets ConflictError with the current values', async () => {
    const { roundId } = await planRound(run, fx)
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' }))
    const a = await assessmentOf(db.prisma, roundId, fx.orgs.B1)
    const save = (rating: string) =>
      run((tx) =>
        wf.saveAssessmentInputs(tx, fx.insp1, {
          assessmentId: a.id,
          version: a.version,
          inputs: [{ indicatorId: fx.schemes.II.i2, ratingLevel: rating }],
        }),
      )
    const results = await Promise.allSettled([save('好'), save('差')])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    const error = lost[0]!.reason as ConflictError
    expect(error).toBeInstanceOf(ConflictError)
    const stored = await db.prisma.indicatorInput.findFirstOrThrow({
      where: { assessmentId: a.id },
    })
    const current = error.current as { version: number; inputs: { ratingLevel: string }[] }
    expect(current.version).toBe(a.version + 1)
    expect(error.currentVersion).toBe(a.version + 1)
    expect(current.inputs[0]!.ratingLevel).toBe(stored.ratingLevel)
    // The winner's live score came back from the engine.
    const winner = (won[0] as PromiseFulfilledResult<{ score: { total: string } }>).value
    expect(winner.score.total).toBe(stored.ratingLevel === '好' ? '100.00' : '60.00')
    // The loser re-applies on the current version and nothing was lost.
    await run((tx) =>
      wf.saveAssessmentInputs(tx, fx.insp1, {
        assessmentId: a.id,
        version: error.currentVersion!,
        inputs: [{ indicatorId: fx.schemes.II.i2, ratingLevel: '一般' }],
      }),
    )
    expect((await run((tx) => wf.liveScore(tx, a.id))).total).toBe('84.00')
  })

  it('rejects invalid inputs with field paths', async () => {
    const { roundId } = await planRound(run, fx)
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' }))
    const a = await assessmentOf(db.prisma, roundId, fx.orgs.B1)
    const error = await run((tx) =>
      wf.saveAssessmentInputs(tx, fx.insp1, {
        assessmentId: a.id,
        version: a.version,
        inputs: [
          { indicatorId: fx.schemes.II.i2, ratingLevel: '优秀' },
          { indicatorId: fx.schemes.I.i2, ratingLevel: '好' },
        ],
      }),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).problems.map((p) => p.path.join('.'))).toEqual([
      'inputs.0.ratingLevel',
      'inputs.1.indicatorId',
    ])
    // An unrated indicator blocks submission.
    await expect(
      run((tx) => wf.submitAssessment(tx, fx.insp1, { assessmentId: a.id, version: a.version })),
    ).rejects.toThrow(/尚未评分：学习教育/)
  })
})
