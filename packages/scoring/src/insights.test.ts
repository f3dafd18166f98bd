import { describe, expect, it } from 'vitest'
import { insightSentence } from './insight-sentences'
import {
  closeOutRate,
  decliningOrgs,
  insightsForOrg,
  overdueItems,
  problemConcentration,
  repeatFindings,
  roundInsights,
  teamConsistency,
  weakDimensions,
  type Insight,
  type InsightAssessment,
  type InsightFinding,
  type InsightItem,
  type InsightRound,
  type RoundInsightInput,
} from './insights'
import type { OrgCategory } from './types'

// Hand-built rounds: r1..r4 published a quarter apart; r4 is the current round.
const ROUNDS: InsightRound[] = [1, 2, 3, 4].map((i) => ({
  id: `r${i}`,
  year: 2025,
  quarter: i,
  publishedAt: new Date(`2025-${String(i * 3 - 1).padStart(2, '0')}-15T02:00:00Z`),
}))
const NOW = new Date('2025-12-20T02:00:00Z')

const org = (n: number) => ({ id: n, name: `O${n}` })
const pc = (n: number) => ({ id: `p${n}`, name: `P${n}` })

function input(parts: Partial<RoundInsightInput>): RoundInsightInput {
  return {
    rounds: ROUNDS,
    assessments: [],
    dimensionScores: [],
    findings: [],
    earlierProblemCounts: [],
    items: [],
    assignments: [],
    asOf: NOW,
    ...parts,
  }
}

/** Assessments of one org across the rounds: totals (null = not assessed) and blue marks. */
function history(
  n: number,
  totals: (string | null)[],
  blue: boolean[] = [],
  category: OrgCategory = 'I',
): InsightAssessment[] {
  return totals.flatMap((total, i) =>
    total === null
      ? []
      : [
          {
            id: `a${n}-${i + 1}`,
            roundId: `r${i + 1}`,
            org: org(n),
            category,
            total,
            listMark: blue[i] ? ('BLUE' as const) : null,
          },
        ],
  )
}

function finding(id: number, orgId: number, p: number, deduction = '1.00'): InsightFinding {
  return { id, assessmentId: `a${orgId}-4`, orgId, problemCategory: pc(p), deduction }
}

const summary = (xs: Insight[]) => xs.map((x) => [x.kind, x.severity, x.figures])

describe('problemConcentration', () => {
  // 10 findings: P1 ×4, P2 ×3, P3 ×2, P4 ×1 → P1..P3 make 90% ≥ 80%.
  const findings = [
    ...[1, 2, 3, 4].map((i) => finding(i, 1, 1)),
    ...[5, 6, 7].map((i) => finding(i, 2, 2)),
    finding(8, 1, 3),
    finding(9, 2, 3),
    finding(10, 3, 4),
  ]
  const earlier = [
    { roundId: 'r3', problemCategoryId: 'p1', findings: 1 },
    { roundId: 'r3', problemCategoryId: 'p2', findings: 3 },
    { roundId: 'r2', problemCategoryId: 'p3', findings: 2 },
  ]

  it.each<[string, Partial<RoundInsightInput>, unknown[]]>([
    ['no findings: nothing', { findings: [] }, []],
    [
      'the first round: shares without change, nothing new',
      {
        rounds: ROUNDS.slice(0, 1),
        findings: findings.map((f) => ({ ...f, assessmentId: 'a-1' })),
      },
      [
        [
          'PROBLEM_CONCENTRATION',
          'INFO',
          { count: '4', total: '10', share: '40.00', cumulativeShare: '40.00' },
        ],
        [
          'PROBLEM_CONCENTRATION',
          'INFO',
          { count: '3', total: '10', share: '30.00', cumulativeShare: '70.00' },
        ],
        [
          'PROBLEM_CONCENTRATION',
          'INFO',
          { count: '2', total: '10', share: '20.00', cumulativeShare: '90.00' },
        ],
      ],
    ],
    [
      'changes against the previous round; a rise of 5 points or more warns; new categories',
      { findings, earlierProblemCounts: earlier },
      [
        [
          'PROBLEM_CONCENTRATION',
          'WARNING',
          {
            count: '4',
            total: '10',
            share: '40.00',
            cumulativeShare: '40.00',
            previousShare: '25.00',
            change: '15.00',
          },
        ],
        [
          'PROBLEM_CONCENTRATION',
          'INFO',
          {
            count: '3',
            total: '10',
            share: '30.00',
            cumulativeShare: '70.00',
            previousShare: '75.00',
            change: '-45.00',
          },
        ],
        [
          'PROBLEM_CONCENTRATION',
          'WARNING',
          {
            count: '2',
            total: '10',
            share: '20.00',
            cumulativeShare: '90.00',
            previousShare: '0.00',
            change: '20.00',
          },
        ],
        ['NEW_PROBLEM_CATEGORY', 'NOTICE', { count: '1', orgs: '1' }],
      ],
    ],
  ])('%s', (_name, parts, expected) => {
    expect(summary(problemConcentration(input(parts)))).toEqual(expected)
  })

  it('takes every category tied with the last one needed', () => {
    // 4 categories of 1 finding each: 80% is reached after the fourth only, 3 of 4 tie at 75%.
    const tied = [1, 2, 3, 4].map((i) => finding(i, 1, i))
    expect(
      problemConcentration(input({ findings: tied, rounds: ROUNDS.slice(0, 1) })),
    ).toHaveLength(4)
    // 5 of one finding each: 80% after four, the fifth is tied with the fourth and taken too.
    const five = [1, 2, 3, 4, 5].map((i) => finding(i, 1, i))
    expect(
      problemConcentration(input({ findings: five, rounds: ROUNDS.slice(0, 1) })),
    ).toHaveLength(5)
  })

  it('names the findings to drill into', () => {
    const [top] = problemConcentration(input({ findings, earlierProblemCounts: earlier }))
    expect(top!.problemCategories).toEqual([pc(1)])
    expect(top!.findingIds).toEqual([1, 2, 3, 4])
    expect(insightSentence(top!)).toBe(
      '“P1”类问题占本轮问题 40.00%（4/10），较上轮上升 15.00 个百分点',
    )
    expect(insightSentence(top!, 'en')).toBe(
      "“P1” makes up 40.00% of this round's findings (4/10), up 15.00 percentage points on the previous round",
    )
  })
})

describe('decliningOrgs', () => {
  it.each<[string, InsightAssessment[], unknown[]]>([
    ['steady: nothing', history(1, ['90.00', '90.00', '90.00', '90.00']), []],
    [
      'fell in each of the last two rounds',
      history(1, ['95.00', '94.00', '93.50', '93.00']),
      [
        [
          'DECLINING_ORG',
          'WARNING',
          { total: '93.00', previousTotal: '93.50', drop: '0.50', falls: '3' },
        ],
      ],
    ],
    ['one small fall only: nothing', history(1, ['95.00', '96.00', '96.50', '96.00']), []],
    [
      'one fall of more than 3 points',
      history(1, ['95.00', '96.00', '97.00', '93.99']),
      [
        [
          'DECLINING_ORG',
          'WARNING',
          { total: '93.99', previousTotal: '97.00', drop: '3.01', falls: '1' },
        ],
      ],
    ],
    [
      'a fall of exactly 3 points is not more than 3',
      history(1, ['95.00', '96.00', '97.00', '94.00']),
      [],
    ],
    ['joined late: judged on the rounds it has', history(1, [null, null, '96.00', '95.00']), []],
    [
      'joined late with a big drop',
      history(1, [null, null, '99.00', '95.00']),
      [
        [
          'DECLINING_ORG',
          'WARNING',
          { total: '95.00', previousTotal: '99.00', drop: '4.00', falls: '1' },
        ],
      ],
    ],
    ['a gap breaks the streak', history(1, ['97.00', null, '96.00', '95.50']), []],
    ['not in the current round: nothing', history(1, ['97.00', '96.00', '95.00', null]), []],
    [
      'newly blue (on it two rounds ago, not in the previous one)',
      history(1, ['90.00', '91.00', '92.00', '92.00'], [false, true, false, true]),
      [['NEWLY_BLUE', 'WARNING', { total: '92.00', consecutive: '1', previousTotal: '92.00' }]],
    ],
    [
      'blue in its first round on record: no previous round to compare with',
      history(1, [null, null, null, '92.00'], [false, false, false, true]),
      [['NEWLY_BLUE', 'WARNING', { total: '92.00', consecutive: '1' }]],
    ],
    [
      'blue again in three consecutive rounds',
      history(1, ['92.00', '91.00', '92.00', '92.00'], [false, true, true, true]),
      [['BLUE_AGAIN', 'WARNING', { total: '92.00', consecutive: '3', previousTotal: '92.00' }]],
    ],
  ])('%s', (_name, assessments, expected) => {
    expect(summary(decliningOrgs(input({ assessments })))).toEqual(expected)
  })

  it('says "not on it in the previous round" only of an org that had a previous round', () => {
    const [again] = decliningOrgs(input({ assessments: history(1, ['90.00', '91.00', '92.00', '92.00'], [false, true, false, true]) }))
    expect(insightSentence(again!)).toBe('O1本轮列入蓝榜（Ⅰ类，92.00 分），上轮不在蓝榜')
    const [first] = decliningOrgs(input({ assessments: history(1, [null, null, null, '92.00'], [false, false, false, true]) }))
    expect(insightSentence(first!)).toBe('O1本轮列入蓝榜（Ⅰ类，92.00 分）')
    expect(insightSentence(first!, 'en')).toBe('O1 is on the blue list this round (category I, 92.00)')
  })

  it('counts N from the thresholds and drills into the rounds of the fall', () => {
    const assessments = history(1, ['95.00', '94.00', '93.50', '93.00'])
    expect(decliningOrgs(input({ assessments, thresholds: { declineRounds: 4 } }))).toEqual([])
    const [x] = decliningOrgs(input({ assessments }))
    expect(x!.assessmentIds).toEqual(['a1-1', 'a1-2', 'a1-3', 'a1-4'])
    expect(insightSentence(x!)).toBe('O1总分连续 3 轮下降，本轮 93.00 分，较上轮下降 0.50 分')
  })
})

describe('weakDimensions', () => {
  const current = [
    ...history(1, [null, null, null, '90.00']),
    ...history(2, [null, null, null, '90.00']),
    ...history(3, [null, null, null, '90.00']),
    ...history(9, [null, null, null, '99.00'], [], 'III'),
  ]
  const dim = (code: string) => ({ id: code, name: `D${code}` })
  const score = (orgN: number, code: string, max: string, points: string) => ({
    assessmentId: `a${orgN}-4`,
    code,
    dimension: dim(code),
    max,
    points,
  })
  const dimensionScores = [
    // d1 (max 10): lost 1 + 2 + 3 = 6 of 30 = 20%; average 8.00.
    score(1, 'd1', '10.00', '9.00'),
    score(2, 'd1', '10.00', '8.00'),
    score(3, 'd1', '10.00', '7.00'),
    // d2 (max 20): lost 0 + 4 + 2 = 6 of 60 = 10%; average 18.00.
    score(1, 'd2', '20.00', '20.00'),
    score(2, 'd2', '20.00', '16.00'),
    score(3, 'd2', '20.00', '18.00'),
    // A category of one org: its own average, no org named.
    score(9, 'd1', '10.00', '5.00'),
  ]

  it("names the category's worst dimension and each org's dimensions below average", () => {
    const xs = weakDimensions(input({ assessments: current, dimensionScores }))
    expect(
      xs.map((x) => [x.kind, x.category, x.orgs.map((o) => o.id), x.dimensions[0]!.id, x.figures]),
    ).toEqual([
      [
        'WEAK_DIMENSION',
        'I',
        [],
        'd1',
        { lostRate: '20.00', averageLost: '2.00', averagePoints: '8.00', max: '10.00', orgs: '3' },
      ],
      // O2: d2 −2.00 before d1 −0.00? d1 8.00 is the average itself: not below.
      [
        'ORG_WEAK_DIMENSION',
        'I',
        [2],
        'd2',
        { position: '1', points: '16.00', categoryAverage: '18.00', gap: '-2.00', max: '20.00' },
      ],
      // O3: d1 −1.00 (ties are in scheme order), nothing else below average.
      [
        'ORG_WEAK_DIMENSION',
        'I',
        [3],
        'd1',
        { position: '1', points: '7.00', categoryAverage: '8.00', gap: '-1.00', max: '10.00' },
      ],
      [
        'WEAK_DIMENSION',
        'III',
        [],
        'd1',
        { lostRate: '50.00', averageLost: '5.00', averagePoints: '5.00', max: '10.00', orgs: '1' },
      ],
    ])
  })

  it("names every dimension tied for the worst, and orders an org's gaps by size", () => {
    const tied = [
      score(1, 'd1', '10.00', '8.00'),
      score(2, 'd1', '10.00', '10.00'),
      score(1, 'd2', '10.00', '8.00'),
      score(2, 'd2', '10.00', '10.00'),
      score(1, 'd3', '20.00', '16.00'),
      score(2, 'd3', '20.00', '20.00'),
    ]
    const xs = weakDimensions(input({ assessments: current.slice(0, 2), dimensionScores: tied }))
    const category = xs.filter((x) => x.kind === 'WEAK_DIMENSION').map((x) => x.dimensions[0]!.id)
    expect(category).toEqual(['d1', 'd2', 'd3'])
    const o1 = xs.filter((x) => x.kind === 'ORG_WEAK_DIMENSION')
    expect(o1.map((x) => [x.dimensions[0]!.id, x.figures.position, x.figures.gap])).toEqual([
      ['d3', '1', '-2.00'],
      ['d1', '2', '-1.00'],
      ['d2', '3', '-1.00'],
    ])
  })

  it('finds nothing when nothing was lost', () => {
    const full = [score(1, 'd1', '10.00', '10.00'), score(2, 'd1', '10.00', '10.00')]
    expect(weakDimensions(input({ assessments: current, dimensionScores: full }))).toEqual([])
  })
})

describe('repeatFindings', () => {
  const item = (id: number, parts: Partial<InsightItem>): InsightItem => ({
    id,
    roundId: 'r2',
    orgId: 1,
    problemCategoryId: 'p1',
    team: null,
    deadline: '2025-06-15',
    closedAt: new Date('2025-07-01T00:00:00Z'),
    carryOvers: 0,
    ...parts,
  })
  it.each<[string, InsightItem[], InsightFinding[], unknown[]]>([
    ['none found', [], [finding(1, 1, 1)], []],
    [
      'found again after verification',
      [item(50, {})],
      [finding(1, 1, 1), finding(2, 1, 1), finding(3, 2, 1)],
      [['REPEAT_AFTER_VERIFICATION', 'WARNING', { findings: '2', earlierItems: '1' }]],
    ],
    [
      'the earlier item still open: not after verification',
      [item(50, { closedAt: null })],
      [finding(1, 1, 1)],
      [],
    ],
    [
      'verified after this round was published: not yet',
      [item(50, { closedAt: new Date('2025-11-20T00:00:00Z') })],
      [finding(1, 1, 1)],
      [],
    ],
    ['another problem category', [item(50, { problemCategoryId: 'p2' })], [finding(1, 1, 1)], []],
    ['an item of this round is not earlier', [item(50, { roundId: 'r4' })], [finding(1, 1, 1)], []],
  ])('%s', (_name, items, findings, expected) => {
    expect(
      summary(
        repeatFindings(
          input({ items, findings, assessments: history(1, [null, null, null, '90']) }),
        ),
      ),
    ).toEqual(expected)
  })

  it('names the earlier item and the new findings', () => {
    const [x] = repeatFindings(
      input({
        items: [item(50, {})],
        findings: [finding(7, 1, 1)],
        assessments: history(1, [null, '91', null, '90']),
      }),
    )
    expect(x!.rectificationIds).toEqual([50])
    expect(x!.findingIds).toEqual([7])
    expect(x!.roundIds).toEqual(['r2', 'r4'])
    expect(x!.orgs).toEqual([org(1)])
    expect(insightSentence(x!)).toBe('O1“P1”类问题整改销号后再次被查出（屡查屡犯，本轮 1 个）')
  })
})

describe('close-out', () => {
  const team = { id: 't1', name: '第一检查组' }
  const item = (id: number, parts: Partial<InsightItem>): InsightItem => ({
    id,
    roundId: 'r3',
    orgId: 1,
    problemCategoryId: 'p1',
    team,
    deadline: '2025-09-15',
    closedAt: null,
    carryOvers: 0,
    ...parts,
  })
  const closedBy = (iso: string) => new Date(iso)

  it.each<[string, InsightItem[], unknown[]]>([
    ['no items: nothing', [], []],
    [
      "the previous round's items at this publication against the round before at its own",
      [
        // r3 cohort measured at r4's publication (2025-11-15): 1 of 2 closed by then.
        item(1, { closedAt: closedBy('2025-10-01T00:00:00Z') }),
        item(2, { closedAt: closedBy('2025-12-01T00:00:00Z') }),
        // r2 cohort measured at r3's publication (2025-08-15): 3 of 4.
        item(3, { roundId: 'r2', closedAt: closedBy('2025-07-01T00:00:00Z') }),
        item(4, { roundId: 'r2', closedAt: closedBy('2025-07-01T00:00:00Z') }),
        item(5, { roundId: 'r2', closedAt: closedBy('2025-07-01T00:00:00Z') }),
        item(6, { roundId: 'r2', closedAt: closedBy('2025-09-01T00:00:00Z') }),
      ],
      [
        [
          'CLOSE_OUT_RATE',
          'NOTICE',
          { rate: '50.00', items: '2', closed: '1', previousRate: '75.00', change: '-25.00' },
        ],
      ],
    ],
    [
      'no earlier cohort: the rate alone',
      [item(1, { closedAt: closedBy('2025-10-01T00:00:00Z') })],
      [['CLOSE_OUT_RATE', 'INFO', { rate: '100.00', items: '1', closed: '1' }]],
    ],
  ])('%s', (_name, items, expected) => {
    expect(summary(closeOutRate(input({ items })))).toEqual(expected)
  })

  it('counts overdue items by org and by team at asOf, and items carried over twice', () => {
    const items = [
      // Deadline 2025-12-19 China time ended at 2025-12-19T16:00Z, before NOW: overdue.
      item(1, { deadline: '2025-12-19' }),
      item(2, { deadline: '2025-12-01', orgId: 1 }),
      // Due today (China): not yet overdue.
      item(3, { deadline: '2025-12-20', orgId: 2 }),
      // Closed: never overdue.
      item(4, { deadline: '2025-12-01', orgId: 2, closedAt: closedBy('2025-12-10T00:00:00Z') }),
      // Closed after asOf: still open at asOf.
      item(5, {
        deadline: '2025-12-01',
        orgId: 2,
        closedAt: closedBy('2026-01-10T00:00:00Z'),
        carryOvers: 2,
      }),
      item(6, { deadline: '2026-01-30', orgId: 3, carryOvers: 1, team: null }),
    ]
    const xs = overdueItems(
      input({
        items,
        assessments: [
          ...history(1, [null, null, null, '9']),
          ...history(2, [null, null, null, '9']),
        ],
      }),
    )
    expect(
      xs.map((x) => [x.kind, x.severity, x.orgs.map((o) => o.id), x.figures, x.rectificationIds]),
    ).toEqual([
      ['OVERDUE_BY_ORG', 'WARNING', [1], { overdue: '2' }, [1, 2]],
      ['OVERDUE_BY_ORG', 'NOTICE', [2], { overdue: '1' }, [5]],
      ['OVERDUE_BY_TEAM', 'NOTICE', [1, 2], { overdue: '3', orgs: '2' }, [1, 2, 5]],
      ['CARRIED_OVER', 'WARNING', [2], { items: '1', maxCarryOvers: '2' }, [5]],
    ])
    expect(insightSentence(xs[2]!)).toBe(
      '第一检查组检查发现的问题中有 3 项整改逾期，涉及 2 个党组织',
    )
    // English counts read as sentences for one and for several.
    expect(xs.map((x) => insightSentence(x, 'en'))).toEqual([
      'O1 has 2 overdue rectification items',
      'O2 has 1 overdue rectification item',
      '3 items found by 第一检查组 are overdue, at 2 orgs',
      'O2 has 1 item carried over 2 times and still open',
    ])
  })
})

describe('teamConsistency', () => {
  const teamA = { id: 'A', name: '甲组' }
  const teamB = { id: 'B', name: '乙组' }
  const assessments = [1, 2, 3, 4].flatMap((n) => history(n, [null, null, null, '95.00']))
  const assignments = [
    { team: teamA, orgId: 1 },
    { team: teamA, orgId: 2 },
    { team: teamB, orgId: 3 },
    { team: teamB, orgId: 4 },
  ]
  it.each<[string, InsightFinding[], string, unknown[]]>([
    ['equal deductions: nothing', [finding(1, 1, 1, '2.00'), finding(2, 3, 1, '2.00')], '1', []],
    [
      'team A deducts 2.50 per org, team B 0.25: both differ by 2.25',
      [finding(1, 1, 1, '3.00'), finding(2, 2, 1, '2.00'), finding(3, 3, 1, '0.50')],
      '1',
      [
        [
          'TEAM_INCONSISTENCY',
          'NOTICE',
          { mean: '2.50', othersMean: '0.25', difference: '2.25', orgs: '2', otherOrgs: '2' },
        ],
        [
          'TEAM_INCONSISTENCY',
          'NOTICE',
          { mean: '0.25', othersMean: '2.50', difference: '-2.25', orgs: '2', otherOrgs: '2' },
        ],
      ],
    ],
    [
      'within a wider margin: nothing',
      [finding(1, 1, 1, '3.00'), finding(2, 2, 1, '2.00')],
      '2.50',
      [],
    ],
  ])('%s', (_name, findings, margin, expected) => {
    expect(
      summary(
        teamConsistency(
          input({ assessments, assignments, findings, thresholds: { consistencyMargin: margin } }),
        ),
      ),
    ).toEqual(expected)
  })

  it('needs two teams in a category', () => {
    const oneTeam = assignments.map((a) => ({ ...a, team: teamA }))
    expect(
      teamConsistency(
        input({ assessments, assignments: oneTeam, findings: [finding(1, 1, 1, '9.00')] }),
      ),
    ).toEqual([])
  })
})

describe('roundInsights', () => {
  it('puts warnings first and lets a branch see only its own org and its category', () => {
    const assessments = [
      ...history(1, ['95.00', '94.00', '93.00', '92.00'], [false, false, false, true]),
      ...history(2, ['90.00', '90.00', '90.00', '99.00']),
    ]
    const all = roundInsights(
      input({
        assessments,
        findings: [finding(1, 1, 1), finding(2, 2, 1)],
        earlierProblemCounts: [{ roundId: 'r3', problemCategoryId: 'p1', findings: 1 }],
        dimensionScores: [
          {
            assessmentId: 'a1-4',
            code: 'd',
            dimension: { id: 'd', name: 'D' },
            max: '10',
            points: '8',
          },
          {
            assessmentId: 'a2-4',
            code: 'd',
            dimension: { id: 'd', name: 'D' },
            max: '10',
            points: '10',
          },
        ],
      }),
    )
    expect(all.map((x) => x.kind)).toEqual([
      'DECLINING_ORG',
      'NEWLY_BLUE',
      'PROBLEM_CONCENTRATION',
      'WEAK_DIMENSION',
      'ORG_WEAK_DIMENSION',
    ])
    expect(insightsForOrg(all, 2, 'I').map((x) => x.kind)).toEqual(['WEAK_DIMENSION'])
    expect(insightsForOrg(all, 1, 'I').map((x) => x.kind)).toEqual([
      'DECLINING_ORG',
      'NEWLY_BLUE',
      'WEAK_DIMENSION',
      'ORG_WEAK_DIMENSION',
    ])
    expect(insightsForOrg(all, 1, 'II').map((x) => x.kind)).not.toContain('WEAK_DIMENSION')
  })

  it('writes a sentence for every kind in both languages', () => {
    const xs = roundInsights(
      input({ assessments: history(1, ['95.00', '94.00', '93.00', '92.00']) }),
    )
    for (const x of xs) {
      expect(insightSentence(x, 'zh')).toMatch(/O1/)
      expect(insightSentence(x, 'en')).toMatch(/O1/)
    }
  })
})
