/**
 * R13 数据研判 on the demo seed: the insights of the published rounds, checked against what the
 * ranking, the trend, the Pareto chart, the drill-down and the ledger show for the same orgs; the
 * branch's version (R12); statements per request.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { errorCode, ok } from '../helpers'
import { counted, useDemoApi } from '../analytics/demo'

const api = useDemoApi()

interface Figure {
  name: string
  value: string
}
interface InsightRow {
  kind: string
  severity: string
  category: string | null
  orgs: { id: number; name: string }[]
  problemCategories: { id: number; name: string }[]
  dimensions: { id: number; name: string }[]
  teams: { id: number; name: string }[]
  figures: Figure[]
  sentence: string
  sentenceEn: string
  assessmentIds: number[]
  findingIds: number[]
  rectificationIds: number[]
  roundIds: number[]
}
interface InsightsData {
  roundInsights: { storedAt: string | null; category: string | null; items: InsightRow[] }
}

const FIELDS = `storedAt category items { kind severity category orgs { id name } problemCategories { id name }
  dimensions { id name } teams { id name } figures { name value } sentence sentenceEn
  assessmentIds findingIds rectificationIds roundIds }`
const Q = `query ($r: Int!, $a: Int!) { roundInsights(roundId: $r, areaId: $a) { ${FIELDS} } }`
const MY = `query ($r: Int!, $a: Int!) { roundInsights: myRoundInsights(roundId: $r, areaId: $a) { ${FIELDS} } }`

const fig = (x: InsightRow, name: string) => x.figures.find((f) => f.name === name)?.value

let leader: string
let admin: string
let branch: string
let branchOrgId: number
let areaIds: number[]
let rounds: { id: number; year: number; quarter: number }[]
let latest: number

beforeAll(async () => {
  await api.reset()
  ;[leader, admin, branch] = await Promise.all([api.login('leader'), api.login('admin'), api.login('branch1')])
  branchOrgId = (await api.prisma.user.findUniqueOrThrow({ where: { username: 'branch1' } })).orgId!
  areaIds = (await api.prisma.area.findMany({ orderBy: { sortOrder: 'asc' } })).map((a) => a.id)
  rounds = await api.prisma.inspectionRound.findMany({
    where: { status: { in: ['PUBLISHED', 'CLOSED'] } },
    orderBy: [{ year: 'asc' }, { quarter: 'asc' }],
  })
  latest = rounds[rounds.length - 1]!.id
}, 120_000)

async function insights(areaId: number, roundId = latest, cookie = leader) {
  return ok(await api.gql<InsightsData>(Q, { r: roundId, a: areaId }, cookie)).roundInsights
}

describe('the demo data’s latest published round', () => {
  it('has its insights stored by the seed, warnings first, each with a sentence in both languages', async () => {
    for (const areaId of areaIds) {
      const r = await insights(areaId)
      expect(r.storedAt).not.toBeNull()
      expect(r.items.length).toBeGreaterThan(0)
      const order = r.items.map((x) => ['WARNING', 'NOTICE', 'INFO'].indexOf(x.severity))
      expect(order).toEqual([...order].sort((a, b) => a - b))
      for (const x of r.items) {
        expect(x.sentence).not.toBe('')
        expect(x.sentenceEn).not.toBe('')
        for (const f of x.figures) expect(f.value).toMatch(/^-?\d+(\.\d\d)?$/)
      }
      if (process.env.INSIGHTS_PRINT) {
        const area = await api.prisma.area.findUniqueOrThrow({ where: { id: areaId } })
        console.log(`\n## ${area.name}`)
        for (const x of r.items.filter((i) => i.kind !== 'ORG_WEAK_DIMENSION')) console.log(`[${x.severity}] ${x.kind}: ${x.sentence}`)
        console.log(`(+ ${r.items.filter((i) => i.kind === 'ORG_WEAK_DIMENSION').length} ORG_WEAK_DIMENSION)`)
      }
    }
  })

  it('the same insights when computed on read as stored at publication', async () => {
    const areaId = areaIds[0]!
    const stored = await insights(areaId)
    const saved = await api.prisma.roundInsight.findUniqueOrThrow({ where: { roundId_areaId: { roundId: latest, areaId } } })
    await api.prisma.roundInsight.delete({ where: { roundId_areaId: { roundId: latest, areaId } } })
    try {
      const computed = await insights(areaId)
      expect(computed.storedAt).toBeNull()
      expect(computed.items).toEqual(stored.items)
    } finally {
      await api.prisma.roundInsight.create({ data: saved as never })
    }
  })

  it('declines and blue-list runs match the trend of the same orgs', async () => {
    const areaId = areaIds[0]!
    const r = await insights(areaId)
    const { analyticsTrends: t } = ok(
      await api.gql<{ analyticsTrends: { roundIds: number[]; orgs: { orgId: number; totals: (string | null)[]; marks: (string | null)[] }[] } }>(
        `query ($a: Int!) { analyticsTrends(areaId: $a, rounds: 8) { roundIds orgs { orgId totals marks } } }`,
        { a: areaId },
        leader,
      ),
    )
    const last = t.roundIds.length - 1
    const series = new Map(t.orgs.map((o) => [o.orgId, o]))
    const declines = r.items.filter((x) => x.kind === 'DECLINING_ORG')
    const blues = r.items.filter((x) => x.kind === 'BLUE_AGAIN' || x.kind === 'NEWLY_BLUE')
    expect(declines.length + blues.length).toBeGreaterThan(0)
    for (const x of declines) {
      const s = series.get(x.orgs[0]!.id)!
      expect(fig(x, 'total')).toBe(s.totals[last])
      expect(fig(x, 'previousTotal')).toBe(s.totals[last - 1])
      const falls = Number(fig(x, 'falls'))
      for (let i = 0; i < falls; i++) expect(Number(s.totals[last - i])).toBeLessThan(Number(s.totals[last - i - 1]))
    }
    for (const x of blues) {
      const s = series.get(x.orgs[0]!.id)!
      const n = Number(fig(x, 'consecutive'))
      expect(s.marks.slice(last - n + 1)).toEqual(Array(n).fill('BLUE'))
      expect(s.marks[last - n] ?? null).not.toBe('BLUE')
    }
  })

  it('problem concentration matches the Pareto chart of the round', async () => {
    const areaId = areaIds[0]!
    const round = rounds[rounds.length - 1]!
    const r = await insights(areaId)
    const { problemCategoryPareto: p } = ok(
      await api.gql<{ problemCategoryPareto: { totalFindings: number; entries: { problemCategoryId: number; count: number; share: string }[] } }>(
        `query ($a: Int!, $p: AnalyticsPeriodInput) { problemCategoryPareto(areaId: $a, period: $p) { totalFindings entries { problemCategoryId count share } } }`,
        { a: areaId, p: { fromYear: round.year, fromQuarter: round.quarter, toYear: round.year, toQuarter: round.quarter } },
        leader,
      ),
    )
    const entries = new Map(p.entries.map((e) => [e.problemCategoryId, e]))
    const concentrated = r.items.filter((x) => x.kind === 'PROBLEM_CONCENTRATION')
    expect(concentrated.length).toBeGreaterThan(0)
    for (const x of concentrated) {
      const e = entries.get(x.problemCategories[0]!.id)!
      expect([fig(x, 'count'), fig(x, 'total'), fig(x, 'share')]).toEqual([String(e.count), String(p.totalFindings), e.share])
      expect(x.findingIds).toHaveLength(e.count)
    }
    expect(Number(fig(concentrated[concentrated.length - 1]!, 'cumulativeShare'))).toBeGreaterThanOrEqual(80)
  })

  it('an org’s weakest dimension matches its drill-down', async () => {
    const r = await insights(areaIds[0]!)
    const weak = r.items.filter((x) => x.kind === 'ORG_WEAK_DIMENSION').slice(0, 4)
    expect(weak.length).toBeGreaterThan(0)
    for (const x of weak) {
      const { assessmentDrilldown: d } = ok(
        await api.gql<{ assessmentDrilldown: { dimensions: { dimensionId: number; points: string; categoryAveragePoints: string }[] } }>(
          `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) { dimensions { dimensionId points categoryAveragePoints } } }`,
          { id: x.assessmentIds[0] },
          leader,
        ),
      )
      const dim = d.dimensions.find((y) => y.dimensionId === x.dimensions[0]!.id)!
      expect([fig(x, 'points'), fig(x, 'categoryAverage')]).toEqual([dim.points, dim.categoryAveragePoints])
    }
  })

  it('overdue items by org match the ledger filtered to the org and red', async () => {
    const areaId = areaIds[0]!
    const r = await insights(areaId)
    const overdue = r.items.filter((x) => x.kind === 'OVERDUE_BY_ORG')
    expect(overdue.length).toBeGreaterThan(0)
    for (const x of overdue.slice(0, 3)) {
      const { rectificationLedger: l } = ok(
        await api.gql<{ rectificationLedger: { total: number; items: { id: number; areaId: number | null }[] } }>(
          `query ($o: Int!) { rectificationLedger(filter: { orgId: $o, colour: RED }, limit: 100) { total items { id } } }`,
          { o: x.orgs[0]!.id },
          admin,
        ),
      )
      const inArea = await api.prisma.rectification.findMany({ where: { id: { in: l.items.map((i) => i.id) }, areaId } })
      expect(x.rectificationIds.sort()).toEqual(inArea.map((i) => i.id).sort())
      expect(fig(x, 'overdue')).toBe(String(inArea.length))
    }
  })
})

describe('who sees what (R12)', () => {
  it('a branch sees only its own org and its category’s weak dimensions', async () => {
    for (const areaId of areaIds) {
      const mine = ok(await api.gql<InsightsData>(MY, { r: latest, a: areaId }, branch)).roundInsights
      const all = await insights(areaId)
      expect(mine.category).not.toBeNull()
      for (const x of mine.items) {
        if (x.kind === 'WEAK_DIMENSION') {
          expect(x.orgs).toEqual([])
          expect(x.category).toBe(mine.category)
        } else {
          expect(x.orgs.map((o) => o.id)).toEqual([branchOrgId])
        }
        expect(['PROBLEM_CONCENTRATION', 'NEW_PROBLEM_CATEGORY', 'TEAM_INCONSISTENCY', 'OVERDUE_BY_TEAM']).not.toContain(x.kind)
      }
      const own = all.items.filter((x) => x.orgs.length === 1 && x.orgs[0]!.id === branchOrgId && x.kind !== 'TEAM_INCONSISTENCY')
      expect(mine.items.filter((x) => x.kind !== 'WEAK_DIMENSION')).toEqual(own)
    }
  })

  it('a branch cannot call the full version, nor others the branch version', async () => {
    expect(errorCode(await api.gql(Q, { r: latest, a: areaIds[0] }, branch))).toBe('FORBIDDEN')
    const inspector = await api.login('inspector1')
    expect(errorCode(await api.gql(Q, { r: latest, a: areaIds[0] }, inspector))).toBe('FORBIDDEN')
    expect(errorCode(await api.gql(MY, { r: latest, a: areaIds[0] }, leader))).toBe('FORBIDDEN')
  })

  it('a round not published is not found', async () => {
    const current = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: { notIn: ['PUBLISHED', 'CLOSED'] } } })
    expect(errorCode(await api.gql(Q, { r: current.id, a: areaIds[0] }, leader))).toBe('NOT_FOUND')
  })
})

describe('early warnings for the administrator', () => {
  it('a to-do per org declining for N rounds and per item carried over twice', async () => {
    const declining = []
    for (const areaId of areaIds) {
      const r = await insights(areaId)
      declining.push(...r.items.filter((x) => x.kind === 'DECLINING_ORG' && Number(fig(x, 'falls')) >= 2))
    }
    const q = `{ myTodos { counts { earlyWarnings total } items { kind entityType entityId orgName title } } }`
    const before = ok(await api.gql<{ myTodos: { counts: { earlyWarnings: number }; items: { kind: string; entityId: number; title: string }[] } }>(q, {}, admin)).myTodos
    const orgDeclining = before.items.filter((i) => i.kind === 'ORG_DECLINING')
    expect(declining.length).toBeGreaterThan(0)
    expect(orgDeclining.map((i) => i.entityId).sort()).toEqual(declining.map((x) => x.assessmentIds[x.assessmentIds.length - 1]).sort())
    expect(before.items.filter((i) => i.kind === 'RECTIFICATION_CARRIED_OVER')).toEqual([])

    const item = await api.prisma.rectification.findFirstOrThrow({ where: { status: 'OPEN', carryOverCount: 1 } })
    await api.prisma.rectification.update({ where: { id: item.id }, data: { carryOverCount: 2 } })
    try {
      const after = ok(await api.gql<{ myTodos: { counts: { earlyWarnings: number }; items: { kind: string; entityId: number }[] } }>(q, {}, admin)).myTodos
      expect(after.items.filter((i) => i.kind === 'RECTIFICATION_CARRIED_OVER').map((i) => i.entityId)).toEqual([item.id])
      expect(after.counts.earlyWarnings).toBe(before.counts.earlyWarnings + 1)
      // Leaders and branches get no early warnings.
      const led = ok(await api.gql<{ myTodos: { items: { kind: string }[] } }>(q, {}, leader)).myTodos
      expect(led.items.map((i) => i.kind)).not.toContain('RECTIFICATION_CARRIED_OVER')
    } finally {
      await api.prisma.rectification.update({ where: { id: item.id }, data: { carryOverCount: 1 } })
    }
  })
})

describe('statements per request', () => {
  it('the same for every round, area and role, whatever the number of orgs', async () => {
    const counts = new Set<number>()
    const pairs = await api.prisma.roundArea.findMany({ where: { roundId: { in: [rounds[0]!.id, latest] } } })
    expect(pairs.length).toBeGreaterThan(2)
    for (const { roundId, areaId } of pairs) {
      {
        counts.add((await counted(api, leader, Q, { r: roundId, a: areaId })).count)
        counts.add((await counted(api, branch, MY, { r: roundId, a: areaId })).count)
      }
    }
    expect([...counts]).toEqual([8])
  })
})
