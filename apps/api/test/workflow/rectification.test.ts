/**
 * After publication: rectification with rolling close-out (R8), interviews (R9), the next round's
 * look-back, closing the round, the ledger, the to-do list and the annual roll-up (R10).
 */
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError } from '../../src/errors'
import * as wf from '../../src/services/workflow'
import { buildFixture, type Fixture } from './fixtures'
import { planRound, runner, runQuarter, type Run } from './scenario'

let db: TestDb
let fx: Fixture
let run: Run
let q1: Awaited<ReturnType<typeof runQuarter>>

beforeAll(async () => {
  db = await createTestDb()
  run = runner(db.prisma)
})
afterAll(() => db.close())
beforeEach(async () => {
  await db.reset()
  fx = await buildFixture(db.prisma)
  q1 = await runQuarter(run, db.prisma, fx)
})

const rectOf = (orgId: number) =>
  db.prisma.rectification.findFirstOrThrow({
    where: { orgId, source: 'FINDING' },
    orderBy: { id: 'asc' },
  })

describe('rectification', () => {
  it('goes org → inspector: edit, submit, return with reason, resubmit, verify (销号), with history', async () => {
    let rect = await rectOf(fx.orgs.C2)
    rect = await run((tx) =>
      wf.updateRectification(tx, fx.branch.C2, {
        rectificationId: rect.id,
        version: rect.version,
        measure: '补齐三会一课记录',
        responsiblePerson: '王书记',
        deadline: '2026-04-20',
      }),
    )
    expect(rect.deadline.toISOString().slice(0, 10)).toBe('2026-04-20')
    // Another org's user cannot touch it; nor can a stale form.
    await expect(
      run((tx) =>
        wf.submitRectification(tx, fx.branch.C1, {
          rectificationId: rect.id,
          version: rect.version,
          note: 'x',
        }),
      ),
    ).rejects.toThrow(ForbiddenError)
    await expect(
      run((tx) =>
        wf.submitRectification(tx, fx.branch.C2, {
          rectificationId: rect.id,
          version: rect.version - 1,
          note: 'x',
        }),
      ),
    ).rejects.toThrow(ConflictError)
    const { rectification: submitted } = await run((tx) =>
      wf.submitRectification(tx, fx.branch.C2, {
        rectificationId: rect.id,
        version: rect.version,
        note: '已整改',
      }),
    )
    expect(submitted.status).toBe('SUBMITTED')
    // Only an inspector of the org or an admin verifies; the org cannot close its own item.
    await expect(
      run((tx) =>
        wf.verifyRectification(tx, fx.branch.C2, {
          rectificationId: rect.id,
          version: submitted.version,
        }),
      ),
    ).rejects.toThrow(ForbiddenError)
    await expect(
      run((tx) =>
        wf.verifyRectification(tx, fx.insp2, {
          rectificationId: rect.id,
          version: submitted.version,
        }),
      ),
    ).rejects.toThrow(ForbiddenError)
    const returned = await run((tx) =>
      wf.returnRectification(tx, fx.insp1, {
        rectificationId: rect.id,
        version: submitted.version,
        reason: '缺少会议记录照片',
      }),
    )
    expect(returned.status).toBe('RETURNED')
    const { rectification: again } = await run((tx) =>
      wf.submitRectification(tx, fx.branch.C2, {
        rectificationId: rect.id,
        version: returned.version,
        note: '补充了照片',
      }),
    )
    const closed = await run((tx) =>
      wf.verifyRectification(tx, fx.insp1, {
        rectificationId: rect.id,
        version: again.version,
        now: new Date('2026-04-15T02:00:00Z'),
      }),
    )
    expect(closed.status).toBe('CLOSED')
    expect(closed.closedAt?.toISOString()).toBe('2026-04-15T02:00:00.000Z')
    const events = await db.prisma.rectificationEvent.findMany({
      where: { rectificationId: rect.id },
      orderBy: { id: 'asc' },
    })
    expect(events.map((e) => e.type)).toEqual([
      'CREATED',
      'EDITED',
      'SUBMITTED',
      'RETURNED',
      'SUBMITTED',
      'VERIFIED',
    ])
    expect(events[3]!.note).toBe('缺少会议记录照片')
    expect(wf.warningOf(closed, new Date('2026-06-01T00:00:00Z')).colour).toBe('CLOSED')
  })

  it('warning colours, the ledger filters and the to-do list follow the deadline in China time', async () => {
    // Deadlines are 2026-05-01 (publication 2026-04-01 China + 30 days).
    const rect = await rectOf(fx.orgs.C1)
    expect(wf.warningOf(rect, new Date('2026-04-23T15:59:00Z')).colour).toBe('GREEN') // Apr 23 China, 8 days left
    expect(wf.warningOf(rect, new Date('2026-04-23T16:00:00Z')).colour).toBe('YELLOW') // Apr 24 China, 7 days left
    expect(wf.warningOf(rect, new Date('2026-05-01T15:59:00Z')).overdue).toBe(false) // last minute of May 1
    expect(wf.warningOf(rect, new Date('2026-05-01T16:00:00Z')).colour).toBe('RED')

    const soon = new Date('2026-04-28T00:00:00Z')
    const all = await run((tx) => wf.ledger(tx, fx.admin, {}, soon))
    expect(all.total).toBe(7)
    const yellow = await run((tx) =>
      wf.ledger(tx, fx.admin, { colour: 'YELLOW', limit: 3, offset: 3 }, soon),
    )
    expect(yellow).toMatchObject({ total: 7 })
    expect(yellow.ids).toHaveLength(3)
    expect((await run((tx) => wf.ledger(tx, fx.admin, { colour: 'GREEN' }, soon))).total).toBe(0)
    const byOrg = await run((tx) =>
      wf.ledger(tx, fx.admin, { orgId: fx.orgs.A3, roundId: q1.roundId }, soon),
    )
    expect(byOrg.total).toBe(1)
    const byCategory = await run((tx) =>
      wf.ledger(tx, fx.admin, { problemCategoryId: fx.problemCategories[2]! }, soon),
    )
    expect(byCategory.total).toBe(1) // C3's
    // Scope: a branch sees only its org's items.
    const mine = await run((tx) => wf.ledger(tx, fx.branch.C1, {}, soon))
    expect(mine).toEqual({ ids: [rect.id], total: 1 })
    expect((await run((tx) => wf.ledger(tx, fx.branch.B2, {}, soon))).total).toBe(0)

    const todo = await run((tx) => wf.todoList(tx, fx.branch.C1, soon))
    expect(todo.counts).toMatchObject({ dueSoon: 1, overdue: 0, total: 1 })
    const late = await run((tx) => wf.todoList(tx, fx.branch.C1, new Date('2026-05-02T00:00:00Z')))
    expect(late.counts).toMatchObject({ dueSoon: 0, overdue: 1 })
    expect(late.items[0]).toMatchObject({
      kind: 'RECTIFICATION_OVERDUE',
      entityId: rect.id,
      dueDate: '2026-05-01',
    })
  })
})

describe('interviews and the next round', () => {
  it('interview items open rectifications; the look-back verifies or carries over; then the round closes', async () => {
    const interview = await db.prisma.interview.findFirstOrThrow({ where: { orgId: fx.orgs.A4 } })
    await expect(
      run((tx) =>
        wf.updateInterview(tx, fx.insp1, {
          interviewId: interview.id,
          version: interview.version,
          notes: 'x',
        }),
      ),
    ).rejects.toThrow(ForbiddenError)
    const updated = await run((tx) =>
      wf.updateInterview(tx, fx.admin, {
        interviewId: interview.id,
        version: interview.version,
        date: new Date('2026-04-10T00:00:00Z'),
        interviewer: '党委书记',
        interviewee: 'A4支部书记',
        notes: '针对蓝榜问题约谈',
      }),
    )
    expect(updated.interviewee).toBe('A4支部书记')
    const item = await run((tx) =>
      wf.addInterviewItem(tx, fx.admin, {
        interviewId: interview.id,
        content: '完善党员发展台账',
        deadline: '2026-06-30',
      }),
    )
    const interviewRect = await db.prisma.rectification.findUniqueOrThrow({
      where: { interviewItemId: item.id },
    })
    expect(interviewRect).toMatchObject({
      source: 'INTERVIEW',
      orgId: fx.orgs.A4,
      responsiblePerson: 'A4支部书记',
    })

    // Closing needs the next round's look-back.
    await expect(
      run((tx) => wf.transitionRound(tx, fx.admin, { roundId: q1.roundId, to: 'CLOSED' })),
    ).rejects.toThrow(/回头看/)
    const q2 = await planRound(run, fx, 2)
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId: q2.roundId, to: 'INSPECTING' }))

    // insp1's team inspects everything but A1: all 8 open items (7 findings + 1 interview item,
    // none at A1) are on its look-back list; insp2 (A1 only) has none.
    const list1 = await run(async (tx) =>
      tx.rectification.findMany({
        where: await wf.lookBackWhere(tx, fx.insp1, q2.roundId),
        orderBy: { id: 'asc' },
      }),
    )
    expect(list1).toHaveLength(8)
    const list2 = await run(async (tx) =>
      tx.rectification.count({ where: await wf.lookBackWhere(tx, fx.insp2, q2.roundId) }),
    )
    expect(list2).toBe(0)
    await expect(
      run((tx) =>
        wf.lookBackVerify(tx, fx.insp2, {
          rectificationId: list1[0]!.id,
          roundId: q2.roundId,
          version: list1[0]!.version,
        }),
      ),
    ).rejects.toThrow(ForbiddenError)

    const todo = await run((tx) => wf.todoList(tx, fx.insp1, new Date('2026-04-05T00:00:00Z')))
    expect(todo.counts.lookBack).toBe(8)
    expect(todo.counts.assessments).toBe(8)

    // Verify the first four, carry over the rest.
    for (const [i, r] of list1.entries()) {
      if (i < 4) {
        const closed = await run((tx) =>
          wf.lookBackVerify(tx, fx.insp1, {
            rectificationId: r.id,
            roundId: q2.roundId,
            version: r.version,
          }),
        )
        expect(closed.status).toBe('CLOSED')
      } else {
        const carried = await run((tx) =>
          wf.carryOver(tx, fx.insp1, {
            rectificationId: r.id,
            roundId: q2.roundId,
            version: r.version,
            note: '整改尚未完成',
            newDeadline: '2026-07-31',
          }),
        )
        expect(carried.carryOverCount).toBe(1)
        expect(carried.status).toBe('OPEN')
        await expect(
          run((tx) =>
            wf.carryOver(tx, fx.insp1, {
              rectificationId: r.id,
              roundId: q2.roundId,
              version: carried.version,
              note: '再结转',
            }),
          ),
        ).rejects.toThrow(/本轮已结转/)
      }
    }
    const events = await db.prisma.rectificationEvent.findMany({
      where: { roundId: q2.roundId },
      orderBy: { id: 'asc' },
    })
    expect(events.map((e) => e.type)).toEqual([
      ...Array<string>(4).fill('VERIFIED'),
      ...Array<string>(4).fill('CARRIED_OVER'),
    ])

    // The carried-over items stay in the ledger with their count; q1 can now close.
    const open = await run((tx) => wf.ledger(tx, fx.admin, { status: 'OPEN' }))
    expect(open.total).toBe(4)
    const closed = await run((tx) =>
      wf.transitionRound(tx, fx.admin, { roundId: q1.roundId, to: 'CLOSED' }),
    )
    expect(closed.status).toBe('CLOSED')
    expect(closed.closedAt).not.toBeNull()
  })

  it('the annual roll-up weights the published quarters and the admin-entered components', async () => {
    await db.prisma.ruleSet.update({
      where: { year: 2026 },
      data: { annualComponents: [{ code: 'REPORT', name: '述职评议', weight: '0.60' }] },
    })
    await run((tx) =>
      wf.setAnnualComponentScore(tx, fx.admin, {
        year: 2026,
        orgId: fx.orgs.C2,
        code: 'REPORT',
        points: '90.00',
      }),
    )
    await expect(
      run((tx) =>
        wf.setAnnualComponentScore(tx, fx.admin, {
          year: 2026,
          orgId: fx.orgs.C2,
          code: 'NOPE',
          points: '1',
        }),
      ),
    ).rejects.toThrow(/没有年度考评项/)
    const results = await run((tx) => wf.computeAnnualResults(tx, fx.admin, { year: 2026 }))
    expect(results).toHaveLength(9)
    const c2 = results.find((r) => r.orgId === fx.orgs.C2)!
    // 97.99 × 0.40 = 39.196 → 39.20; 90 × 0.60 = 54.00.
    expect(
      [c2.quarterlyMean, c2.quarterlyComponent, c2.componentsTotal, c2.total].map((d) =>
        d.toFixed(2),
      ),
    ).toEqual(['97.99', '39.20', '54.00', '93.20'])
  })
})
