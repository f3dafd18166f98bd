import { verify } from '@node-rs/argon2'
import {
  annualRollup,
  chinaDate,
  computeLists,
  DEFAULT_RULE_SET,
  findRepeats,
  rankEntries,
  rectificationWarning,
  scoreAssessment,
  type SchemeDefinition,
} from '@redblue/scoring'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '../src/index'
import {
  buildDemoPlan,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  seedDemo,
  type SeedResult,
} from '../src/seed/index'
import { createTestDb, type TestDb } from '../src/testing'

const NOW = new Date('2026-11-25T10:00:00+08:00')
const TODAY = chinaDate(NOW)

let db: TestDb
let prisma: PrismaClient
let first: SeedResult
beforeAll(async () => {
  db = await createTestDb()
  prisma = db.prisma
  first = await seedDemo(prisma, { now: NOW })
}, 120_000)
afterAll(async () => {
  await db.close()
})

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`
  const counts: Record<string, number> = {}
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name}"`,
    )
    counts[table_name] = Number(row!.n)
  }
  return counts
}

describe('the source figures', () => {
  test('31 assessed orgs under the party committee, in categories I/II/III every year', async () => {
    const orgs = await prisma.organization.findMany({
      include: { categoryAssignments: true, parent: true },
    })
    const assessed = orgs.filter((o) => o.assessed)
    expect(assessed).toHaveLength(31)
    const root = orgs.find((o) => !o.assessed)!
    expect(root.parentId).toBeNull()
    expect(new Set(assessed.map((o) => o.unitType))).toEqual(
      new Set(['GRASSROOTS', 'HEADQUARTERS']),
    )
    // party committee → general branches → branches
    const grandchildren = assessed.filter((o) => o.parent?.parentId === root.id)
    expect(grandchildren.length).toBeGreaterThan(0)
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const categories = assessed.map(
        (o) => o.categoryAssignments.find((a) => a.year === year)?.category,
      )
      expect(categories.every(Boolean)).toBe(true)
      expect(new Set(categories)).toEqual(new Set(['I', 'II', 'III']))
    }
  })

  test('5 published rounds with 161 feedback forms and 286 findings in 33 problem categories', async () => {
    const published = { round: { status: 'PUBLISHED' as const } }
    expect(await prisma.inspectionRound.count({ where: { status: 'PUBLISHED' } })).toBe(5)
    expect(await prisma.feedbackForm.count({ where: published })).toBe(161)
    expect(await prisma.finding.count({ where: published })).toBe(286)
    const categories = await prisma.finding.groupBy({ by: ['problemCategoryId'], where: published })
    expect(categories).toHaveLength(33)
    expect(await prisma.problemCategory.count()).toBe(33)
    const rounds = await prisma.inspectionRound.findMany({
      where: { status: 'PUBLISHED' },
      orderBy: { year: 'asc' },
    })
    expect(rounds[0]!.year).toBe(2021)
  })

  test('one round in progress (INSPECTING) with assignments, inputs and findings', async () => {
    const current = await prisma.inspectionRound.findFirstOrThrow({
      where: { status: 'INSPECTING' },
      include: {
        assignments: true,
        assessments: { include: { inputs: true } },
        findings: true,
        teams: { include: { trainingRecords: true } },
      },
    })
    expect(current.assignments).toHaveLength(31)
    expect(current.assessments.some((a) => a.inputs.length > 0)).toBe(true)
    expect(current.assessments.some((a) => a.status === 'NOT_STARTED')).toBe(true)
    expect(current.assessments.every((a) => a.totalScore === null)).toBe(true)
    expect(current.findings.length).toBeGreaterThan(0)
    expect(current.findings.every((f) => f.reconciliationStatus === 'PENDING')).toBe(true)
    expect(current.teams.every((t) => t.trainingRecords.length > 0)).toBe(true)
  })
})

describe('schemes', () => {
  test('every year and category of the main area has the eight dimensions summing to 100', async () => {
    const schemes = await prisma.scheme.findMany({
      where: { area: { code: 'PARTY_BUILDING' }, status: 'PUBLISHED' },
      include: { dimensions: true, indicators: true },
    })
    const latestPerKey = new Map<string, (typeof schemes)[number]>()
    for (const s of await prisma.scheme.findMany({
      where: { area: { code: 'PARTY_BUILDING' } },
      include: { dimensions: true, indicators: true },
    })) {
      const k = `${s.year}${s.category}`
      if ((latestPerKey.get(k)?.revision ?? 0) < s.revision) latestPerKey.set(k, s)
    }
    expect(latestPerKey.size).toBe(18)
    expect(schemes.length).toBeGreaterThan(0)
    for (const scheme of latestPerKey.values()) {
      expect(scheme.dimensions.map((d) => d.name)).toEqual([
        '政治建设',
        '党建责任',
        '组织建设',
        '党员教育',
        '思想文化和统战',
        '团青工作',
        '队伍建设',
        '日常工作',
      ])
      expect(scheme.dimensions.reduce((sum, d) => sum + Number(d.maxPoints), 0)).toBe(100)
      const bonus = scheme.indicators.filter((i) => i.method === 'BONUS')
      expect(bonus.find((i) => i.name === '贡献度')?.unitTypeRestriction).toBe('GRASSROOTS')
      if (scheme.year >= 2022)
        expect(bonus.find((i) => i.name === '融合度')?.unitTypeRestriction).toBe('HEADQUARTERS')
      expect(bonus.map((i) => i.name)).toEqual(
        expect.arrayContaining(['“党建+”工程', '党建载体创新']),
      )
    }
  })

  test('the five standardizations are shared indicators linked from all three categories', async () => {
    const shared = await prisma.sharedIndicator.findMany({
      where: { year: 2025 },
      include: { indicators: { include: { scheme: true } } },
    })
    expect(shared.map((s) => s.name)).toEqual([
      '组织建设标准化',
      '组织生活标准化',
      '党员管理标准化',
      '信息台账标准化',
      '活动阵地标准化',
    ])
    for (const s of shared) {
      expect(new Set(s.indicators.map((i) => i.scheme.category))).toEqual(
        new Set(['I', 'II', 'III']),
      )
    }
  })

  test('the other two areas have their own schemes', async () => {
    for (const code of ['INTEGRITY', 'PUBLICITY']) {
      const schemes = await prisma.scheme.findMany({
        where: { area: { code }, year: 2025 },
        include: { dimensions: true },
      })
      expect(schemes).toHaveLength(3)
      for (const s of schemes)
        expect(s.dimensions.reduce((sum, d) => sum + Number(d.maxPoints), 0)).toBe(100)
    }
  })
})

describe('scores come from the scoring engine', () => {
  test('frozen scores of every published assessment equal a recomputation from the stored inputs', async () => {
    const assessments = await prisma.assessment.findMany({
      where: { round: { status: 'PUBLISHED' } },
      include: {
        inputs: true,
        indicatorPoints: true,
        findings: true,
        scheme: { include: { dimensions: true, indicators: true } },
      },
    })
    expect(assessments.length).toBeGreaterThan(31 * 5)
    for (const a of assessments) {
      const definition: SchemeDefinition = {
        bonusCap: a.scheme.bonusCap,
        dimensions: a.scheme.dimensions.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          maxPoints: d.maxPoints,
        })),
        indicators: a.scheme.indicators.map((i) => ({
          id: i.id,
          code: i.code,
          name: i.name,
          dimensionId: i.dimensionId,
          method: i.method,
          maxPoints: i.maxPoints,
          unitTypeRestriction: i.unitTypeRestriction,
          ratingLevels: i.ratingLevels as { label: string; percent: string }[] | null,
          target: i.target,
        })),
      }
      const score = scoreAssessment(definition, {
        unitType: a.unitType,
        inputs: a.inputs.map((i) => ({
          indicatorId: i.indicatorId,
          ratingLevel: i.ratingLevel,
          quantityValue: i.quantityValue,
          bonusPoints: i.bonusPoints,
        })),
        findings: a.findings.map((f) => ({
          id: f.id,
          indicatorId: f.indicatorId,
          deduction: f.deduction,
          counts: f.reconciliationStatus === 'CONFIRMED' || f.reconciliationStatus === 'UPHELD',
        })),
      })
      expect(a.baseScore!.toFixed(2)).toBe(score.base)
      expect(a.bonusScore!.toFixed(2)).toBe(score.bonus)
      expect(a.totalScore!.toFixed(2)).toBe(score.total)
      // The dimension subtotals, in the scheme's order, exactly as the engine gives them.
      expect(a.indicatorPoints?.dimensions).toEqual(
        score.dimensions.map((d) => ({ d: d.dimensionId, p: d.points, l: d.lost })),
      )
      // Every scheme indicator's frozen points, exactly as the engine gives them.
      expect(a.indicatorPoints?.points).toEqual(
        Object.fromEntries(score.indicators.map((s) => [String(s.indicatorId), s.points])),
      )
      expect(Object.keys(a.indicatorPoints!.points as object)).toHaveLength(
        a.scheme.indicators.length,
      )
    }
  })

  test('ranks, list marks and performance adjustments equal the engine’s per round, area and category', async () => {
    const rounds = await prisma.inspectionRound.findMany({
      where: { status: 'PUBLISHED' },
      include: { assessments: true, performanceAdjustments: true, areas: true },
    })
    for (const round of rounds) {
      for (const { areaId } of round.areas) {
        const inArea = round.assessments.filter((a) => a.areaId === areaId)
        const listRows = []
        for (const category of ['I', 'II', 'III'] as const) {
          const ranked = rankEntries(
            inArea
              .filter((a) => a.category === category)
              .map((a) => ({ ...a, total: a.totalScore!.toFixed(2) })),
          )
          for (const r of ranked) {
            expect(inArea.find((a) => a.id === r.id)!.rank).toBe(r.rank)
            listRows.push({
              orgId: r.orgId,
              category,
              base: r.baseScore!,
              total: r.total,
              rank: r.rank,
            })
          }
        }
        const lists = computeLists(listRows, DEFAULT_RULE_SET)
        const marks = new Map(lists.marks.map((m) => [m.orgId, m.mark]))
        for (const a of inArea) expect(a.listMark ?? undefined).toBe(marks.get(a.orgId))
        const stored = round.performanceAdjustments
          .filter((p) => p.areaId === areaId)
          .map((p) => `${p.orgId}:${p.reason}:${p.points.toFixed(2)}`)
          .sort()
        expect(stored).toEqual(
          lists.adjustments.map((p) => `${String(p.orgId)}:${p.reason}:${p.points}`).sort(),
        )
        const month = round.performanceAdjustments.find((p) => p.areaId === areaId)?.month
        if (month) expect(month).toBe(chinaDate(round.publishedAt!).slice(0, 7))
      }
    }
  })

  test('repeat flags equal findRepeats against the previous round', async () => {
    const rounds = await prisma.inspectionRound.findMany({
      orderBy: { year: 'asc' },
      include: { findings: true },
    })
    let repeats = 0
    for (const [i, round] of rounds.entries()) {
      const expected = findRepeats(round.findings, rounds[i - 1]?.findings ?? [])
      for (const f of round.findings) expect(f.isRepeat).toBe(expected.has(f.id))
      repeats += expected.size
    }
    expect(repeats).toBeGreaterThan(0)
  })

  test('annual results equal the engine’s roll-up', async () => {
    const results = await prisma.annualResult.findMany({ where: { year: 2025 } })
    expect(results).toHaveLength(31)
    for (const r of results) {
      const total = await prisma.assessment.findFirstOrThrow({
        where: {
          orgId: r.orgId,
          round: { year: 2025, status: 'PUBLISHED' },
          area: { code: 'PARTY_BUILDING' },
        },
        include: { round: true },
      })
      const components = await prisma.annualComponentScore.findMany({
        where: { year: 2025, orgId: r.orgId },
      })
      const expected = annualRollup({
        quarterlyTotals: [{ quarter: total.round.quarter, total: total.totalScore! }],
        quarterlyWeight: '0.40',
        components: components.map((c) => ({ points: c.points, weight: '0.30' })),
      })
      // Every stored figure, the counted quarters too: the annual page and annual.xlsx show them.
      expect({
        quarters: r.quarters,
        quarterlyMean: r.quarterlyMean.toFixed(2),
        quarterlyComponent: r.quarterlyComponent.toFixed(2),
        componentsTotal: r.componentsTotal.toFixed(2),
        total: r.total.toFixed(2),
      }).toEqual(expected)
      expect(r.quarters).toEqual([4])
    }
  })
})

describe('workflow records', () => {
  test('no inspector is ever assigned to their own org', async () => {
    const assignments = await prisma.teamAssignment.findMany({
      include: { team: { include: { members: { include: { user: true } } } } },
    })
    expect(assignments.length).toBe(31 * 6)
    for (const a of assignments) {
      for (const m of a.team.members) expect(m.user.orgId).not.toBe(a.orgId)
    }
  })

  test('reconciliation: confirmed, upheld and withdrawn disputes; rectifications only for counted findings', async () => {
    const findings = await prisma.finding.findMany({
      where: { round: { status: 'PUBLISHED' } },
      include: { reconciliations: true, rectification: true },
    })
    const byStatus = (s: string) => findings.filter((f) => f.reconciliationStatus === s)
    expect(byStatus('CONFIRMED').length).toBeGreaterThan(0)
    expect(byStatus('UPHELD').length).toBeGreaterThan(0)
    expect(byStatus('WITHDRAWN').length).toBeGreaterThan(0)
    expect(byStatus('PENDING')).toHaveLength(0)
    for (const f of byStatus('WITHDRAWN')) {
      expect(f.reconciliations.map((r) => r.action)).toEqual(['DISPUTE', 'WITHDRAW'])
      expect(f.rectification).toBeNull()
    }
    for (const f of [...byStatus('CONFIRMED'), ...byStatus('UPHELD')])
      expect(f.rectification).not.toBeNull()
  })

  test('every blue-list org has an interview whose items are rectification items', async () => {
    const blue = await prisma.assessment.findMany({ where: { listMark: 'BLUE' } })
    expect(blue.length).toBeGreaterThan(0)
    for (const a of blue) {
      const interview = await prisma.interview.findUniqueOrThrow({
        where: { roundId_orgId_areaId: { roundId: a.roundId, orgId: a.orgId, areaId: a.areaId } },
        include: { items: { include: { rectification: true } } },
      })
      expect(interview.items.length).toBeGreaterThan(0)
      for (const item of interview.items) expect(item.rectification?.source).toBe('INTERVIEW')
    }
    expect(await prisma.interview.count()).toBe(blue.length)
  })

  test('rectifications exist in every state, relative to today', async () => {
    const items = await prisma.rectification.findMany()
    const states = new Set<string>()
    for (const r of items) {
      const warning = rectificationWarning({
        deadline: r.deadline.toISOString().slice(0, 10),
        today: TODAY,
        closed: r.status === 'CLOSED',
      })
      states.add(r.status)
      if (r.status !== 'CLOSED' && warning.overdue) states.add('overdue')
      if (r.status !== 'CLOSED' && warning.colour === 'YELLOW') states.add('due soon')
      if (r.status === 'OPEN' && warning.colour === 'GREEN') states.add('open, green')
    }
    expect([...states].sort()).toEqual(
      ['CLOSED', 'OPEN', 'RETURNED', 'SUBMITTED', 'due soon', 'open, green', 'overdue'].sort(),
    )
    const closed = items.filter((r) => r.status === 'CLOSED')
    expect(closed.every((r) => r.closedAt !== null)).toBe(true)
  })
})

describe('demo users', () => {
  test('one login per role, argon2id hashes of the demo password, inspectors with home orgs', async () => {
    const users = await prisma.user.findMany({
      where: { username: { in: DEMO_LOGINS.map((l) => l.username) } },
    })
    expect(users.map((u) => `${u.username}:${u.role}`).sort()).toEqual(
      DEMO_LOGINS.map((l) => `${l.username}:${l.role}`).sort(),
    )
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^\$argon2id\$/)
      if (user.role === 'INSPECTOR' || user.role === 'BRANCH') expect(user.orgId).not.toBeNull()
    }
    expect(
      await verify(users.find((u) => u.username === 'admin')!.passwordHash, DEMO_PASSWORD),
    ).toBe(true)
    expect(first.logins.map((l) => l.username)).toEqual([
      'admin',
      'leader',
      'inspector1',
      'inspector2',
      'branch1',
      'branch2',
    ])
  })

  test('branch1 and branch2 belong to different orgs with findings in the current round and rectifications', async () => {
    const [b1, b2] = await Promise.all(
      ['branch1', 'branch2'].map((u) => prisma.user.findUniqueOrThrow({ where: { username: u } })),
    )
    expect(b1!.orgId).not.toBe(b2!.orgId)
    for (const user of [b1!, b2!]) {
      expect(
        await prisma.finding.count({
          where: { orgId: user.orgId!, round: { status: 'INSPECTING' } },
        }),
      ).toBeGreaterThan(0)
      expect(await prisma.rectification.count({ where: { orgId: user.orgId! } })).toBeGreaterThan(0)
    }
    // branch1's org shows every state of a rectification item.
    const own = await prisma.rectification.findMany({ where: { orgId: b1!.orgId! } })
    const states = new Set(
      own.map((r) => {
        const w = rectificationWarning({
          deadline: r.deadline.toISOString().slice(0, 10),
          today: TODAY,
          closed: r.status === 'CLOSED',
        })
        return r.status === 'OPEN' ? `OPEN-${w.colour}` : r.status
      }),
    )
    expect([...states].sort()).toEqual([
      'CLOSED',
      'OPEN-GREEN',
      'OPEN-RED',
      'OPEN-YELLOW',
      'RETURNED',
      'SUBMITTED',
    ])
    // inspector1's team inspects branch1's org in the current round.
    const assignment = await prisma.teamAssignment.findFirstOrThrow({
      where: { orgId: b1!.orgId!, round: { status: 'INSPECTING' } },
      include: { team: { include: { members: { include: { user: true } } } } },
    })
    expect(assignment.team.members.map((m) => m.user.username)).toContain('inspector1')
  })
})

describe('idempotence and determinism', () => {
  test('a second run changes nothing', async () => {
    const before = await rowCounts()
    const again = await seedDemo(prisma, { now: new Date() })
    expect(again.seeded).toBe(false)
    expect(await rowCounts()).toEqual(before)
    expect(again.logins).toEqual(DEMO_LOGINS)
  })

  test('new rows get fresh ids after the seed (sequences moved past the seeded ids)', async () => {
    const area = await prisma.area.create({ data: { code: 'EXTRA', name: '临时' } })
    expect(area.id).toBe(4)
    await prisma.area.delete({ where: { id: area.id } })
  })

  test('the same date gives the same data', async () => {
    const strip = (plan: Awaited<ReturnType<typeof buildDemoPlan>>) =>
      JSON.stringify({
        ...plan.rows,
        user: plan.rows.user.map((u) => ({ ...u, passwordHash: '' })),
      })
    const [a, b] = await Promise.all([buildDemoPlan(NOW), buildDemoPlan(NOW)])
    expect(strip(a)).toBe(strip(b))
  })
})
