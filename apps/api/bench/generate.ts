/**
 * The provincial-scale dataset, written into an empty migrated database: `orgs` party
 * organizations (general branches under the party committee, branches under them) with a yearly
 * category, `areas` areas, one scheme per (year, area, category) with `indicators` indicators,
 * `rounds` quarterly inspection rounds ending with the current quarter, ~`findings` findings per org
 * and round, feedback forms, reconciliation records, and — for every round but the last — the
 * results as publication freezes them: indicator points, dimension subtotals, totals, ranks and
 * red/blue marks computed by @redblue/scoring (the same engine calls as publishRound), performance
 * adjustments, rectification items with their history (older items mostly verified, recent ones
 * open, submitted, returned or overdue), interviews of blue-list orgs with their items, notices.
 *
 * The last round is left in RECONCILING with PENDING findings, ready for the bench to publish it
 * through the real API (which is what it times). Deterministic for a given seed and "now".
 */
import {
  addDays,
  chinaDate,
  chinaMonth,
  DEFAULT_RATING_LEVELS,
  DEFAULT_RULE_SET,
  prepareScheme,
  roundResults,
  scoreAssessment,
  required,
  type AssessmentScore,
  type OrgCategory,
  type PreparedScheme,
  type UnitType,
} from '@redblue/scoring'
import { frozenDimensions, frozenPoints, type ReconciliationStatus } from '@redblue/db'
import { BulkWriter, type SqlRunner, type TableBuffer } from './bulk'
import type { DatasetSize } from './options'
import type { ProgressReporter } from './progress'
import { Random } from '@redblue/db/seed'
import { QUANTITY_TARGET, schemeDefinition, schemeShape, type SchemeShape } from './scheme'

export const BENCH_PASSWORD = 'RedBlue@2026'

export const AREAS = [
  ['PARTY_BUILDING', '基层党建'],
  ['INTEGRITY', '党风廉政'],
  ['PUBLICITY', '宣传工作'],
] as const

const [GOOD, FAIRLY_GOOD, AVERAGE, POOR] = DEFAULT_RATING_LEVELS
const CATEGORIES: readonly OrgCategory[] = ['I', 'II', 'III']

const PROBLEMS = [
  '三会一课不规范',
  '主题党日流于形式',
  '组织生活会质量不高',
  '民主评议党员不规范',
  '发展党员程序不严',
  '党费收缴不及时',
  '党员信息台账不全',
  '支部换届不及时',
  '阵地建设不达标',
  '学习计划未落实',
  '第一议题制度落实不到位',
  '意识形态责任制落实不到位',
  '谈心谈话记录缺失',
  '党建责任清单未细化',
  '廉政风险排查不到位',
  '八项规定精神学习不深入',
  '宣传报道数量不足',
  '信息报送不及时',
  '团青活动开展少',
  '统战工作台账缺失',
  '“党建+”项目推进慢',
  '载体创新不足',
  '党员先锋岗作用发挥不明显',
  '问题整改不彻底',
  '会议记录不规范',
  '材料归档不及时',
  '党建与业务融合不紧密',
  '台账资料不完整',
  '政治理论学习不系统',
  '警示教育开展不足',
  '党务公开不及时',
  '积极分子培养不规范',
  '制度执行不严格',
] as const

const FINDING_TEXTS = [
  '抽查近两个季度记录，发现',
  '查阅资料发现',
  '现场查看发现',
  '走访座谈中反映',
  '对照考核标准，',
] as const

/** Orgs a team inspects in a round. */
const ORGS_PER_TEAM = 30
const TEAM_SIZE = 3

export interface GenerateOptions extends DatasetSize {
  seed: number
  /** "Today": the last round is the current quarter; deadlines and overdue items follow it. */
  now: Date
  /** Hash of BENCH_PASSWORD (argon2id), shared by every generated user. */
  passwordHash: string
  /** Statements in flight at once. */
  parallel: number
  batchRows?: number
  /**
   * Drop the secondary indexes of the big tables while loading and build them again at the end
   * (one sort instead of millions of index insertions). Default true.
   */
  deferIndexes?: boolean
  progress?: ProgressReporter
}

export interface GeneratedDataset {
  size: DatasetSize
  counts: Record<string, number>
  rows: number
  ms: number
  /** Time spent in the INSERT statements of each table (parallel statements add up). */
  insertMs: Record<string, number>
  roundIds: number[]
  /** The round left in RECONCILING for the bench to publish. */
  lastRoundId: number
  areaIds: number[]
  /** Usernames of the roles the bench signs in as (all with BENCH_PASSWORD). */
  users: { admin: string; leader: string; inspector: string; branch: string }
}

interface RoundInfo {
  index: number
  id: number
  year: number
  quarter: number
  status: 'CLOSED' | 'PUBLISHED' | 'RECONCILING'
  inspectionStart: string
  inspectionEnd: string
  publishedAt: Date | null
}

interface SchemeInfo {
  id: number
  dimensionIds: number[]
  indicatorIds: number[]
  prepared: PreparedScheme
}

interface OrgInfo {
  index: number
  id: number
  code: string
  name: string
  unitType: UnitType
  userId: number
  secretary: string
  categoryByYear: Map<number, OrgCategory>
}

/** Ids are assigned here (the database is empty), so rows can reference each other before insert. */
class Ids {
  private readonly next = new Map<string, number>()
  take(table: string): number {
    const id = (this.next.get(table) ?? 0) + 1
    this.next.set(table, id)
    return id
  }
}

const iso = (date: Date) => date.toISOString()
const dayAt = (day: string, hourChina = 10) =>
  new Date(`${day}T${String(hourChina).padStart(2, '0')}:00:00+08:00`)
const pad = (n: number, width: number) => String(n).padStart(width, '0')

function quarterOf(day: string): { year: number; quarter: number } {
  const [year, month] = day.split('-').map(Number) as [number, number]
  return { year, quarter: Math.floor((month - 1) / 3) + 1 }
}

/** The rounds: `count` consecutive quarters ending with the quarter of `now` (China time). */
function planRounds(count: number, now: Date): Omit<RoundInfo, 'id'>[] {
  const today = chinaDate(now)
  const current = quarterOf(today)
  const last = current.year * 4 + current.quarter - 1
  const rounds: Omit<RoundInfo, 'id'>[] = []
  for (let index = 0; index < count; index++) {
    const k = last - (count - 1 - index)
    const year = Math.floor(k / 4)
    const quarter = (k % 4) + 1
    const lastMonth = pad(quarter * 3, 2)
    const isLast = index === count - 1
    // Inspections in the quarter's last month (the current round: the days before today).
    let inspectionStart = `${year}-${lastMonth}-01`
    if (isLast && inspectionStart > addDays(today, -12)) inspectionStart = addDays(today, -12)
    const inspectionEnd = addDays(inspectionStart, 9)
    let publishedAt: Date | null = isLast ? null : dayAt(`${year}-${lastMonth}-20`)
    if (publishedAt && publishedAt > now) publishedAt = new Date(now.getTime() - 86_400_000)
    rounds.push({
      index,
      year,
      quarter,
      status: isLast ? 'RECONCILING' : index === count - 2 ? 'PUBLISHED' : 'CLOSED',
      inspectionStart,
      inspectionEnd,
      publishedAt,
    })
  }
  return rounds
}

const COLUMNS = {
  organization: [
    ['id', 'int'],
    ['code', 'text'],
    ['name', 'text'],
    ['shortName', 'text'],
    ['unitType', 'enum:UnitType'],
    ['parentId', 'int'],
    ['assessed', 'bool'],
    ['sortOrder', 'int'],
    ['updatedAt', 'timestamptz'],
  ],
  orgCategoryAssignment: [
    ['id', 'int'],
    ['orgId', 'int'],
    ['year', 'int'],
    ['category', 'enum:OrgCategory'],
    ['updatedAt', 'timestamptz'],
  ],
  area: [
    ['id', 'int'],
    ['code', 'text'],
    ['name', 'text'],
    ['sortOrder', 'int'],
  ],
  ruleSet: [
    ['id', 'int'],
    ['year', 'int'],
    ['updatedAt', 'timestamptz'],
  ],
  user: [
    ['id', 'int'],
    ['username', 'text'],
    ['displayName', 'text'],
    ['role', 'enum:Role'],
    ['orgId', 'int'],
    ['passwordHash', 'text'],
    ['updatedAt', 'timestamptz'],
  ],
  scheme: [
    ['id', 'int'],
    ['year', 'int'],
    ['areaId', 'int'],
    ['category', 'enum:OrgCategory'],
    ['name', 'text'],
    ['status', 'enum:SchemeStatus'],
    ['bonusCap', 'numeric'],
    ['publishedAt', 'timestamptz'],
    ['updatedAt', 'timestamptz'],
  ],
  dimension: [
    ['id', 'int'],
    ['schemeId', 'int'],
    ['code', 'text'],
    ['name', 'text'],
    ['maxPoints', 'numeric'],
    ['sortOrder', 'int'],
  ],
  indicator: [
    ['id', 'int'],
    ['schemeId', 'int'],
    ['dimensionId', 'int'],
    ['code', 'text'],
    ['name', 'text'],
    ['evaluationStandard', 'text'],
    ['method', 'enum:ScoringMethod'],
    ['maxPoints', 'numeric'],
    ['unitTypeRestriction', 'enum:UnitType'],
    ['ratingLevels', 'jsonb'],
    ['target', 'numeric'],
    ['targetUnit', 'text'],
    ['defaultDeduction', 'numeric'],
    ['sortOrder', 'int'],
  ],
  problemCategory: [
    ['id', 'int'],
    ['code', 'text'],
    ['name', 'text'],
    ['sortOrder', 'int'],
  ],
  inspectionRound: [
    ['id', 'int'],
    ['year', 'int'],
    ['quarter', 'int'],
    ['name', 'text'],
    ['status', 'enum:RoundStatus'],
    ['previousRoundId', 'int'],
    ['inspectionStart', 'date'],
    ['inspectionEnd', 'date'],
    ['startedAt', 'timestamptz'],
    ['publishedAt', 'timestamptz'],
    ['closedAt', 'timestamptz'],
    ['updatedAt', 'timestamptz'],
  ],
  roundArea: [
    ['roundId', 'int'],
    ['areaId', 'int'],
  ],
  roundStatusChange: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['fromStatus', 'enum:RoundStatus'],
    ['toStatus', 'enum:RoundStatus'],
    ['actorId', 'int'],
    ['at', 'timestamptz'],
  ],
  inspectionTeam: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['name', 'text'],
  ],
  teamMember: [
    ['id', 'int'],
    ['teamId', 'int'],
    ['userId', 'int'],
    ['isLeader', 'bool'],
  ],
  trainingRecord: [
    ['id', 'int'],
    ['teamId', 'int'],
    ['date', 'date'],
    ['topic', 'text'],
    ['hours', 'numeric'],
  ],
  teamAssignment: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['teamId', 'int'],
    ['orgId', 'int'],
  ],
  assessment: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['orgId', 'int'],
    ['areaId', 'int'],
    ['schemeId', 'int'],
    ['category', 'enum:OrgCategory'],
    ['unitType', 'enum:UnitType'],
    ['status', 'enum:AssessmentStatus'],
    ['baseScore', 'numeric'],
    ['bonusScore', 'numeric'],
    ['totalScore', 'numeric'],
    ['rank', 'int'],
    ['listMark', 'enum:ListMark'],
    ['frozenAt', 'timestamptz'],
    ['version', 'int'],
    ['updatedById', 'int'],
    ['updatedAt', 'timestamptz'],
  ],
  indicatorInput: [
    ['id', 'int'],
    ['assessmentId', 'int'],
    ['indicatorId', 'int'],
    ['ratingLevel', 'text'],
    ['quantityValue', 'numeric'],
    ['bonusPoints', 'numeric'],
    ['version', 'int'],
    ['updatedAt', 'timestamptz'],
  ],
  assessmentIndicatorPoints: [
    ['assessmentId', 'int'],
    ['points', 'jsonb'],
    ['dimensions', 'jsonb'],
  ],
  feedbackForm: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['orgId', 'int'],
    ['teamId', 'int'],
    ['formNo', 'text'],
    ['visitDate', 'date'],
    ['summary', 'text'],
    ['createdById', 'int'],
  ],
  finding: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['orgId', 'int'],
    ['areaId', 'int'],
    ['assessmentId', 'int'],
    ['indicatorId', 'int'],
    ['problemCategoryId', 'int'],
    ['feedbackFormId', 'int'],
    ['description', 'text'],
    ['checkMethod', 'enum:CheckMethod'],
    ['deduction', 'numeric'],
    ['isRepeat', 'bool'],
    ['reconciliationStatus', 'enum:ReconciliationStatus'],
    ['version', 'int'],
    ['createdById', 'int'],
    ['createdAt', 'timestamptz'],
    ['updatedAt', 'timestamptz'],
  ],
  reconciliationRecord: [
    ['id', 'int'],
    ['findingId', 'int'],
    ['action', 'enum:ReconciliationAction'],
    ['reason', 'text'],
    ['actorId', 'int'],
    ['at', 'timestamptz'],
  ],
  interview: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['orgId', 'int'],
    ['areaId', 'int'],
    ['date', 'date'],
    ['interviewer', 'text'],
    ['interviewee', 'text'],
    ['notes', 'text'],
    ['updatedAt', 'timestamptz'],
  ],
  interviewItem: [
    ['id', 'int'],
    ['interviewId', 'int'],
    ['content', 'text'],
    ['sortOrder', 'int'],
  ],
  rectification: [
    ['id', 'int'],
    ['source', 'enum:RectificationSource'],
    ['findingId', 'int'],
    ['interviewItemId', 'int'],
    ['orgId', 'int'],
    ['roundId', 'int'],
    ['areaId', 'int'],
    ['category', 'enum:OrgCategory'],
    ['problemCategoryId', 'int'],
    ['title', 'text'],
    ['measure', 'text'],
    ['responsiblePerson', 'text'],
    ['deadline', 'date'],
    ['status', 'enum:RectificationStatus'],
    ['carryOverCount', 'int'],
    ['closedAt', 'timestamptz'],
    ['version', 'int'],
    ['createdAt', 'timestamptz'],
    ['updatedAt', 'timestamptz'],
  ],
  rectificationEvent: [
    ['id', 'int'],
    ['rectificationId', 'int'],
    ['type', 'enum:RectificationEventType'],
    ['roundId', 'int'],
    ['note', 'text'],
    ['actorId', 'int'],
    ['createdAt', 'timestamptz'],
  ],
  performanceAdjustment: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['orgId', 'int'],
    ['areaId', 'int'],
    ['category', 'enum:OrgCategory'],
    ['reason', 'enum:AdjustmentReason'],
    ['points', 'numeric'],
    ['month', 'text'],
  ],
  notice: [
    ['id', 'int'],
    ['roundId', 'int'],
    ['docNo', 'text'],
    ['title', 'text'],
    ['issuedBy', 'text'],
    ['issuedAt', 'timestamptz'],
  ],
} as const

type TableKey = keyof typeof COLUMNS

/** Tables with a serial id whose sequence must move past the explicit ids. */
const SERIAL_TABLES = [
  'Organization',
  'OrgCategoryAssignment',
  'Area',
  'RuleSet',
  'User',
  'Scheme',
  'Dimension',
  'Indicator',
  'ProblemCategory',
  'InspectionRound',
  'RoundStatusChange',
  'InspectionTeam',
  'TeamMember',
  'TrainingRecord',
  'TeamAssignment',
  'Assessment',
  'IndicatorInput',
  'FeedbackForm',
  'Finding',
  'ReconciliationRecord',
  'Interview',
  'InterviewItem',
  'Rectification',
  'RectificationEvent',
  'PerformanceAdjustment',
  'Notice',
]

/** The tables with millions of rows: their secondary indexes are built after the load. */
const DEFERRED_INDEX_TABLES = [
  'IndicatorInput',
  'Finding',
  'ReconciliationRecord',
  'Rectification',
  'RectificationEvent',
]

/** Drops the indexes of `tables` that back no constraint; returns their CREATE statements. */
async function dropIndexes(runner: SqlRunner, tables: readonly string[]): Promise<string[]> {
  const result = (await runner.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  )) as { rows: { indexname: string; indexdef: string }[] }
  for (const { indexname } of result.rows) await runner.query(`DROP INDEX "${indexname}"`)
  return result.rows.map((r) => r.indexdef)
}

const tableName = (key: TableKey) => key.charAt(0).toUpperCase() + key.slice(1)

interface PlannedFinding {
  id: number
  orgId: number
  areaIndex: number
  indicatorIndex: number
  problemCategoryId: number
  feedbackFormId: number
  description: string
  checkMethod: 'INTERVIEW' | 'DOCUMENT_REVIEW' | 'ONSITE_CHECK'
  deduction: string
  isRepeat: boolean
  status: ReconciliationStatus
  createdAt: string
}

interface PlannedAssessment {
  id: number
  org: OrgInfo
  areaIndex: number
  category: OrgCategory
  scheme: SchemeInfo
  /** Per scheme indicator index: the inspector's input, or undefined. */
  ratings: (string | undefined)[]
  quantities: (string | undefined)[]
  bonuses: (string | undefined)[]
  findings: PlannedFinding[]
  score: AssessmentScore | null
  rank: number | null
  mark: 'RED' | 'BLUE' | null
}

const STATUS_PUBLISHED: readonly (readonly [ReconciliationStatus, number])[] = [
  ['CONFIRMED', 86],
  ['UPHELD', 4],
  ['WITHDRAWN', 10],
]
const STATUS_RECONCILING: readonly (readonly [ReconciliationStatus, number])[] = [
  ['PENDING', 60],
  ['CONFIRMED', 30],
  ['UPHELD', 3],
  ['WITHDRAWN', 7],
]
const DEDUCTIONS: readonly (readonly [string, number])[] = [
  ['0.10', 30],
  ['0.20', 25],
  ['0.30', 15],
  ['0.50', 20],
  ['1.00', 10],
]

export async function generateDataset(
  runner: SqlRunner,
  options: GenerateOptions,
): Promise<GeneratedDataset> {
  const started = Date.now()
  const { orgs: orgCount, rounds: roundCount, areas: areaCount, now } = options
  const progress = options.progress ?? (() => undefined)
  const writer = new BulkWriter(runner, {
    parallel: options.parallel,
    batchRows: options.batchRows ?? 10_000,
  })
  const tables = Object.fromEntries(
    (Object.keys(COLUMNS) as TableKey[]).map((key) => [
      key,
      writer.table(tableName(key), COLUMNS[key]),
    ]),
  ) as Record<TableKey, TableBuffer>
  const ids = new Ids()
  const stamp = iso(now)
  const today = chinaDate(now)
  const rnd = new Random(options.seed)
  const shape: SchemeShape = schemeShape(options.indicators)
  const deductionIndexes = shape.indicators
    .filter((i) => i.method === 'DEDUCTION')
    .map((i) => i.index)
  const roundPlans = planRounds(roundCount, now)
  const years = [...new Set(roundPlans.map((r) => r.year))]
  const totalWork = roundCount * orgCount
  let work = 0
  const report = (label: string) =>
    progress(`${label} · ${writer.written.toLocaleString('en-US')} rows`, work, totalWork)

  const deferred =
    options.deferIndexes === false ? [] : await dropIndexes(runner, DEFERRED_INDEX_TABLES)

  // --- Configuration: areas, rule sets, problem categories, orgs, users, schemes ----------------
  report('orgs, users and schemes')
  const areaIds = AREAS.slice(0, areaCount).map(([code, name], i) => {
    const id = ids.take('area')
    tables.area.add(id, code, name, i + 1)
    return id
  })
  for (const year of years) tables.ruleSet.add(ids.take('ruleSet'), year, stamp)
  const problemIds = PROBLEMS.map((name, i) => {
    const id = ids.take('problemCategory')
    tables.problemCategory.add(id, `P${pad(i + 1, 2)}`, name, i + 1)
    return id
  })
  // Zipf-like weights: a few problem categories account for most findings (the Pareto chart).
  const problemWeights = problemIds.map((id, i) => [id, 1 / (i + 1)] as const)

  const rootId = ids.take('organization')
  tables.organization.add(
    rootId,
    'ROOT',
    '公司党委',
    '公司党委',
    'HEADQUARTERS',
    null,
    false,
    0,
    stamp,
  )
  const generalCount = Math.max(1, Math.ceil(orgCount / 30))
  const orgs: OrgInfo[] = []
  const secretaries: string[] = []
  for (let i = 0; i < orgCount; i++) {
    const id = ids.take('organization')
    const general = i < generalCount
    const unitType: UnitType = rnd.chance(0.3) ? 'HEADQUARTERS' : 'GRASSROOTS'
    const code = `O${pad(i + 1, 5)}`
    const name = general ? `第${i + 1}党总支` : `第${Math.floor(i / 30) + 1}党总支第${i + 1}党支部`
    const parentId = general ? rootId : required(orgs[i % generalCount], 'a general org').id
    tables.organization.add(id, code, name, `支部${i + 1}`, unitType, parentId, true, i + 1, stamp)
    let category = rnd.weighted<OrgCategory>([
      ['I', 30],
      ['II', 40],
      ['III', 30],
    ])
    const categoryByYear = new Map<number, OrgCategory>()
    for (const year of years) {
      if (rnd.chance(0.1)) category = rnd.pick(CATEGORIES)
      categoryByYear.set(year, category)
    }
    secretaries.push(`书记${pad(i + 1, 5)}`)
    orgs.push({
      index: i,
      id,
      code,
      name,
      unitType,
      userId: 0,
      secretary: required(secretaries[i], `secretary ${i}`),
      categoryByYear,
    })
  }

  for (const org of orgs) {
    for (const [year, category] of org.categoryByYear) {
      tables.orgCategoryAssignment.add(
        ids.take('orgCategoryAssignment'),
        org.id,
        year,
        category,
        stamp,
      )
    }
  }
  const adminId = ids.take('user')
  tables.user.add(adminId, 'admin', '管理员', 'ADMIN', rootId, options.passwordHash, stamp)
  const leaderId = ids.take('user')
  tables.user.add(leaderId, 'leader', '公司领导', 'LEADER', rootId, options.passwordHash, stamp)
  const teamCount = Math.max(1, Math.ceil(orgCount / ORGS_PER_TEAM))
  const inspectorIds: number[] = []
  for (let i = 0; i < teamCount * TEAM_SIZE; i++) {
    const id = ids.take('user')
    // Inspectors come from the party committee's office: no conflict with the orgs they inspect.
    tables.user.add(
      id,
      `insp${pad(i + 1, 4)}`,
      `检查员${pad(i + 1, 4)}`,
      'INSPECTOR',
      rootId,
      options.passwordHash,
      stamp,
    )
    inspectorIds.push(id)
  }
  for (const org of orgs) {
    org.userId = ids.take('user')
    tables.user.add(
      org.userId,
      org.code.toLowerCase(),
      org.secretary,
      'BRANCH',
      org.id,
      options.passwordHash,
      stamp,
    )
  }

  const schemes = new Map<string, SchemeInfo>()
  const schemeKey = (year: number, areaIndex: number, category: OrgCategory) =>
    `${year}:${areaIndex}:${category}`
  for (const year of years) {
    for (const [areaIndex, areaId] of areaIds.entries()) {
      for (const category of CATEGORIES) {
        const id = ids.take('scheme')
        const published = dayAt(`${year}-01-05`)
        tables.scheme.add(
          id,
          year,
          areaId,
          category,
          `${year}年${required(AREAS[areaIndex], `area ${areaIndex}`)[1]}${category}类考核方案`,
          'PUBLISHED',
          '5.00',
          iso(published),
          iso(published),
        )
        const dimensionIds = shape.dimensions.map((d) => {
          const dimensionId = ids.take('dimension')
          tables.dimension.add(dimensionId, id, d.code, d.name, d.maxPoints, d.index + 1)
          return dimensionId
        })
        const indicatorIds = shape.indicators.map((i) => {
          const indicatorId = ids.take('indicator')
          tables.indicator.add(
            indicatorId,
            id,
            i.dimension === null
              ? null
              : required(dimensionIds[i.dimension], `dimension ${i.dimension}`),
            i.code,
            i.name,
            `${i.name}的评价标准`,
            i.method,
            i.maxPoints,
            i.unitTypeRestriction,
            i.method === 'RATING' ? JSON.stringify(DEFAULT_RATING_LEVELS) : null,
            i.method === 'QUANTITY' ? String(QUANTITY_TARGET) : null,
            i.method === 'QUANTITY' ? '次' : null,
            i.method === 'DEDUCTION' ? '0.50' : null,
            i.index + 1,
          )
          return indicatorId
        })
        const prepared = prepareScheme(schemeDefinition(shape, dimensionIds, indicatorIds))
        schemes.set(schemeKey(year, areaIndex, category), {
          id,
          dimensionIds,
          indicatorIds,
          prepared,
        })
      }
    }
  }

  // --- Rounds ----------------------------------------------------------------------------------
  const rounds: RoundInfo[] = []
  for (const plan of roundPlans) {
    const round: RoundInfo = { ...plan, id: ids.take('inspectionRound') }
    const previous = rounds[rounds.length - 1]
    const next = roundPlans[plan.index + 1]
    tables.inspectionRound.add(
      round.id,
      round.year,
      round.quarter,
      `${round.year}年第${round.quarter}季度党建工作督导检查`,
      round.status,
      previous?.id ?? null,
      round.inspectionStart,
      round.inspectionEnd,
      iso(dayAt(round.inspectionStart, 9)),
      round.publishedAt ? iso(round.publishedAt) : null,
      round.status === 'CLOSED' && next ? iso(dayAt(next.inspectionEnd, 18)) : null,
      stamp,
    )
    rounds.push(round)
  }
  await writer.barrier()

  let previousKeys = new Set<string>()
  for (const round of rounds) {
    const label = `round ${round.index + 1}/${roundCount} (${round.year} Q${round.quarter})`
    report(label)
    previousKeys = await writeRound(round, previousKeys, label)
  }

  report(`indexes (${deferred.length})`)
  await Promise.all(deferred.map((definition) => runner.query(definition)))
  // The stored per-round aggregates of the published rounds, by the same SQL function that
  // publication calls (one round at a time: each is a few set-based statements).
  report('round summaries')
  for (const round of rounds) {
    if (round.status !== 'RECONCILING') {
      await runner.query(`SELECT "storeRoundSummaries"($1)`, [round.id])
    }
  }
  report('sequences and statistics')
  for (const table of SERIAL_TABLES) {
    await runner.query(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(max("id"), 0) + 1 FROM "${table}"), false)`,
    )
  }
  await runner.query('VACUUM ANALYZE')
  progress(`done · ${writer.written.toLocaleString('en-US')} rows`, totalWork, totalWork)

  const orgForBranch = required(orgs[Math.min(orgs.length - 1, generalCount)], 'an org')
  return {
    size: {
      orgs: orgCount,
      rounds: roundCount,
      indicators: options.indicators,
      findings: options.findings,
      areas: areaCount,
    },
    counts: Object.fromEntries(writer.counts),
    insertMs: Object.fromEntries([...writer.ms].map(([k, v]) => [k, Math.round(v)])),
    rows: writer.written,
    ms: Date.now() - started,
    roundIds: rounds.map((r) => r.id),
    lastRoundId: required(rounds[rounds.length - 1], 'the latest round').id,
    areaIds,
    users: {
      admin: 'admin',
      leader: 'leader',
      inspector: 'insp0001',
      branch: orgForBranch.code.toLowerCase(),
    },
  }

  /** Writes one round; returns the (org, problem category) pairs of its findings (for repeats). */
  async function writeRound(
    round: RoundInfo,
    previousKeys: Set<string>,
    label: string,
  ): Promise<Set<string>> {
    const r = new Random(options.seed * 1009 + round.index + 1)
    const published = round.publishedAt !== null
    const publishedAt = round.publishedAt
    const roundStamp = iso(publishedAt ?? dayAt(round.inspectionEnd, 18))

    for (const areaId of areaIds) tables.roundArea.add(round.id, areaId)
    const steps: ['PLANNING' | 'INSPECTING' | 'RECONCILING' | 'PUBLISHED' | 'CLOSED', Date][] = [
      ['PLANNING', dayAt(addDays(round.inspectionStart, -20))],
      ['INSPECTING', dayAt(round.inspectionStart, 9)],
      ['RECONCILING', dayAt(round.inspectionEnd, 18)],
    ]
    if (publishedAt) steps.push(['PUBLISHED', publishedAt])
    const nextPlan = roundPlans[round.index + 1]
    if (round.status === 'CLOSED' && nextPlan)
      steps.push(['CLOSED', dayAt(nextPlan.inspectionEnd, 18)])
    steps.forEach(([status, at], i) =>
      tables.roundStatusChange.add(
        ids.take('roundStatusChange'),
        round.id,
        i === 0 ? null : required(steps[i - 1], `step ${i - 1}`)[0],
        status,
        adminId,
        iso(at),
      ),
    )

    // Teams of three inspectors, rotating from round to round; each inspects 30 orgs.
    const teams: { id: number; leader: number }[] = []
    for (let t = 0; t < teamCount; t++) {
      const id = ids.take('inspectionTeam')
      tables.inspectionTeam.add(id, round.id, `第${t + 1}检查组`)
      const members = Array.from({ length: TEAM_SIZE }, (_, m) =>
        required(
          inspectorIds[(t * TEAM_SIZE + m + round.index) % inspectorIds.length],
          'an inspector',
        ),
      )
      teams.push({ id, leader: required(members[0], 'the first member of a team') })
    }
    teams.forEach((team, t) => {
      for (let m = 0; m < TEAM_SIZE; m++) {
        tables.teamMember.add(
          ids.take('teamMember'),
          team.id,
          required(
            inspectorIds[(t * TEAM_SIZE + m + round.index) % inspectorIds.length],
            'an inspector',
          ),
          m === 0,
        )
      }
      tables.trainingRecord.add(
        ids.take('trainingRecord'),
        team.id,
        addDays(round.inspectionStart, -5),
        '督导检查业务培训',
        '4.00',
      )
    })
    const teamOf = (orgIndex: number) =>
      required(teams[(Math.floor(orgIndex / ORGS_PER_TEAM) + round.index) % teams.length], 'a team')

    // Plan the round in memory: forms, findings, inputs; then score, rank and mark.
    const assessments: PlannedAssessment[] = []
    const forms: {
      id: number
      orgId: number
      team: { id: number; leader: number }
      formNo: string
      visitDate: string
    }[] = []
    const keys = new Set<string>()
    for (const [orgIndex, org] of orgs.entries()) {
      const team = teamOf(orgIndex)
      const category = required(
        org.categoryByYear.get(round.year),
        `the ${round.year} category of an org`,
      )
      const formIds: number[] = []
      const visitDates = new Map<number, string>()
      const formCount = r.chance(0.3) ? 2 : 1
      for (let f = 0; f < formCount; f++) {
        const id = ids.take('feedbackForm')
        const visitDate = addDays(round.inspectionStart, r.int(0, 9))
        forms.push({
          id,
          orgId: org.id,
          team,
          formNo: `FK${round.year}Q${round.quarter}-${org.code}-${f + 1}`,
          visitDate,
        })
        formIds.push(id)
        visitDates.set(id, visitDate)
      }
      const own = areaIds.map((_, areaIndex): PlannedAssessment => {
        const scheme = required(
          schemes.get(schemeKey(round.year, areaIndex, category)),
          `the scheme of ${round.year}, area ${areaIndex}, category ${category}`,
        )
        const assessment: PlannedAssessment = {
          id: ids.take('assessment'),
          org,
          areaIndex,
          category,
          scheme,
          ratings: [],
          quantities: [],
          bonuses: [],
          findings: [],
          score: null,
          rank: null,
          mark: null,
        }
        for (const indicator of shape.indicators) {
          if (indicator.method === 'RATING') {
            assessment.ratings[indicator.index] = r.weighted([
              [GOOD.label, 72],
              [FAIRLY_GOOD.label, 20],
              [AVERAGE.label, 7],
              [POOR.label, 1],
            ])
          } else if (indicator.method === 'QUANTITY') {
            assessment.quantities[indicator.index] = String(
              Math.round(QUANTITY_TARGET * (0.75 + r.next() * 0.4)),
            )
          } else if (indicator.method === 'BONUS') {
            const applicable =
              indicator.unitTypeRestriction === null ||
              indicator.unitTypeRestriction === org.unitType
            if (applicable && r.chance(0.25))
              assessment.bonuses[indicator.index] = r.pick(['0.50', '1.00', '1.50'])
          }
        }
        return assessment
      })
      const findingCount =
        options.findings === 0
          ? 0
          : r.int(Math.floor(options.findings / 2), Math.ceil((options.findings * 3) / 2))
      for (let n = 0; n < findingCount; n++) {
        const assessment = required(own[r.int(0, own.length - 1)], 'an own finding')
        const problemCategoryId = r.weighted(problemWeights)
        const key = `${org.id}:${problemCategoryId}`
        keys.add(key)
        const formId = r.pick(formIds)
        assessment.findings.push({
          id: ids.take('finding'),
          orgId: org.id,
          areaIndex: assessment.areaIndex,
          indicatorIndex: r.pick(deductionIndexes),
          problemCategoryId,
          feedbackFormId: formId,
          description: `${r.pick(FINDING_TEXTS)}${PROBLEMS[problemCategoryId - required(problemIds[0], 'a problem category')]}（${org.name}）`,
          checkMethod: r.pick(['INTERVIEW', 'DOCUMENT_REVIEW', 'ONSITE_CHECK'] as const),
          deduction: r.weighted(DEDUCTIONS),
          isRepeat: previousKeys.has(key),
          status: r.weighted(published ? STATUS_PUBLISHED : STATUS_RECONCILING),
          createdAt: iso(
            dayAt(required(visitDates.get(formId), `the visit date of form ${formId}`), 16),
          ),
        })
      }
      assessments.push(...own)
      work++
      if (orgIndex % 200 === 0) {
        report(label)
        await new Promise((resolve) => setImmediate(resolve))
      }
    }

    const adjustments: {
      orgId: number
      areaId: number
      category: OrgCategory
      reason: string
      points: string
    }[] = []
    if (published) {
      for (const a of assessments) {
        a.score = scoreAssessment(a.scheme.prepared, {
          unitType: a.org.unitType,
          inputs: a.scheme.indicatorIds.map((indicatorId, i) => ({
            indicatorId,
            ratingLevel: a.ratings[i] ?? null,
            quantityValue: a.quantities[i] ?? null,
            bonusPoints: a.bonuses[i] ?? null,
          })),
          findings: a.findings.map((f) => ({
            id: f.id,
            indicatorId: required(
              a.scheme.indicatorIds[f.indicatorIndex],
              `indicator ${f.indicatorIndex}`,
            ),
            deduction: f.deduction,
            counts: f.status === 'CONFIRMED' || f.status === 'UPHELD',
          })),
        })
      }
      // R3–R5 exactly as publishRound: the engine's results of the round.
      const results = roundResults(
        assessments.map((a) => {
          if (!a.score) throw new Error('every assessment of a published round is scored first')
          return {
            a,
            orgId: a.org.id,
            area: a.areaIndex,
            category: a.category,
            base: a.score.base,
            total: a.score.total,
          }
        }),
        DEFAULT_RULE_SET,
      )
      for (const { entry, rank, mark, adjustments: own } of results) {
        entry.a.rank = rank
        entry.a.mark = mark
        const areaId = areaIds[entry.area] ?? 0
        for (const adj of own) {
          adjustments.push({ orgId: entry.orgId, areaId, category: entry.category, ...adj })
        }
      }
    }

    // Write: parents first, a barrier before the rows that reference them.
    for (const [orgIndex, org] of orgs.entries()) {
      tables.teamAssignment.add(ids.take('teamAssignment'), round.id, teamOf(orgIndex).id, org.id)
    }
    for (const form of forms) {
      tables.feedbackForm.add(
        form.id,
        round.id,
        form.orgId,
        form.team.id,
        form.formNo,
        form.visitDate,
        '现场反馈意见',
        form.team.leader,
      )
    }
    for (const a of assessments) {
      const s = a.score
      tables.assessment.add(
        a.id,
        round.id,
        a.org.id,
        required(areaIds[a.areaIndex], `area ${a.areaIndex}`),
        a.scheme.id,
        a.category,
        a.org.unitType,
        'SUBMITTED',
        s?.base ?? null,
        s?.bonus ?? null,
        s?.total ?? null,
        a.rank,
        a.mark,
        publishedAt ? iso(publishedAt) : null,
        published ? 3 : 2,
        teamOf(a.org.index).leader,
        roundStamp,
      )
    }
    if (publishedAt) {
      tables.notice.add(
        ids.take('notice'),
        round.id,
        `${round.year}年第${round.quarter}季度`,
        `关于${round.year}年第${round.quarter}季度党建工作“红蓝榜”考评结果的通报`,
        '公司党委',
        iso(publishedAt),
      )
      const month = chinaMonth(publishedAt)
      for (const adj of adjustments) {
        tables.performanceAdjustment.add(
          ids.take('performanceAdjustment'),
          round.id,
          adj.orgId,
          adj.areaId,
          adj.category,
          adj.reason,
          adj.points,
          month,
        )
      }
    }

    const recon = (findingId: number, action: string, actorId: number, at: string, reason = '') =>
      tables.reconciliationRecord.add(
        ids.take('reconciliationRecord'),
        findingId,
        action,
        reason,
        actorId,
        at,
      )
    const reconAt = iso(dayAt(addDays(round.inspectionEnd, 3), 15))
    const standing: { finding: PlannedFinding; a: PlannedAssessment }[] = []
    for (const [index, a] of assessments.entries()) {
      for (const [i, indicatorId] of a.scheme.indicatorIds.entries()) {
        const rated =
          a.ratings[i] !== undefined || a.quantities[i] !== undefined || a.bonuses[i] !== undefined
        if (!rated) continue
        tables.indicatorInput.add(
          ids.take('indicatorInput'),
          a.id,
          indicatorId,
          a.ratings[i] ?? null,
          a.quantities[i] ?? null,
          a.bonuses[i] ?? null,
          1,
          roundStamp,
        )
      }
      if (a.score) {
        tables.assessmentIndicatorPoints.add(
          a.id,
          JSON.stringify(frozenPoints(a.score)),
          JSON.stringify(frozenDimensions(a.score)),
        )
      }
      for (const f of a.findings) {
        tables.finding.add(
          f.id,
          round.id,
          f.orgId,
          required(areaIds[f.areaIndex], `area ${f.areaIndex}`),
          a.id,
          required(a.scheme.indicatorIds[f.indicatorIndex], `indicator ${f.indicatorIndex}`),
          f.problemCategoryId,
          f.feedbackFormId,
          f.description,
          f.checkMethod,
          f.deduction,
          f.isRepeat,
          f.status,
          f.status === 'PENDING' ? 1 : 2,
          teamOf(a.org.index).leader,
          f.createdAt,
          f.status === 'PENDING' ? f.createdAt : reconAt,
        )
        if (f.status === 'CONFIRMED' || f.status === 'UPHELD') standing.push({ finding: f, a })
      }
      if (index % 1000 === 0) await writer.drain()
    }

    for (const { finding: f, a } of standing) {
      if (f.status === 'CONFIRMED') recon(f.id, 'CONFIRM', a.org.userId, reconAt)
    }
    for (const a of assessments) {
      for (const f of a.findings) {
        if (f.status === 'UPHELD' || f.status === 'WITHDRAWN') {
          recon(f.id, 'DISPUTE', a.org.userId, reconAt, '该问题已在检查前整改完毕')
          recon(
            f.id,
            f.status === 'UPHELD' ? 'UPHOLD' : 'WITHDRAW',
            adminId,
            reconAt,
            f.status === 'UPHELD' ? '维持原检查结论' : '经核实，撤销该问题',
          )
        }
      }
    }

    if (publishedAt) {
      const deadline = addDays(chinaDate(publishedAt), DEFAULT_RULE_SET.rectificationDays)
      const laterRounds = roundCount - 2 - round.index
      const events: {
        id: number
        status: string
        userId: number
        submittedAt: Date
        closedAt: Date | null
      }[] = []
      // The item's area and org category are its assessment's (what the migration's insert
      // trigger copies; it is off while the generator loads, so they are written here).
      const writeItem = (
        source: 'FINDING' | 'INTERVIEW',
        ref: number,
        a: PlannedAssessment,
        problemCategoryId: number | null,
        title: string,
      ) => {
        const orgId = a.org.id
        const userId = a.org.userId
        const responsible = a.org.secretary
        const status = itemStatus(r, deadline, today)
        const id = ids.take('rectification')
        const submittedAt = dayAt(addDays(chinaDate(publishedAt), r.int(5, 25)), 11)
        const closedAt =
          status === 'CLOSED' ? new Date(submittedAt.getTime() + r.int(1, 5) * 86_400_000) : null
        tables.rectification.add(
          id,
          source,
          source === 'FINDING' ? ref : null,
          source === 'INTERVIEW' ? ref : null,
          orgId,
          round.id,
          required(areaIds[a.areaIndex], `area ${a.areaIndex}`),
          a.category,
          problemCategoryId,
          title,
          '制定整改措施，限期完成',
          responsible,
          deadline,
          status,
          status === 'CLOSED' ? 0 : Math.min(3, Math.max(0, laterRounds)),
          closedAt ? iso(closedAt) : null,
          status === 'OPEN' ? 1 : status === 'CLOSED' ? 3 : 2,
          iso(publishedAt),
          iso(closedAt ?? (status === 'OPEN' ? publishedAt : submittedAt)),
        )
        events.push({ id, status, userId, submittedAt, closedAt })
      }
      for (const { finding: f, a } of standing) {
        writeItem('FINDING', f.id, a, f.problemCategoryId, f.description)
      }
      // Interviews of blue-list orgs, two itemized rectifications each.
      const interviews: { interviewId: number; a: PlannedAssessment }[] = []
      for (const a of assessments) {
        if (a.mark !== 'BLUE') continue
        const interviewId = ids.take('interview')
        tables.interview.add(
          interviewId,
          round.id,
          a.org.id,
          required(areaIds[a.areaIndex], `area ${a.areaIndex}`),
          addDays(chinaDate(publishedAt), 7),
          '公司党委',
          a.org.secretary,
          '清单式约谈',
          iso(publishedAt),
        )
        interviews.push({ interviewId, a })
      }
      const items: { itemId: number; a: PlannedAssessment; content: string }[] = []
      for (const { interviewId, a } of interviews) {
        for (const [k, content] of [
          `针对${required(AREAS[a.areaIndex], `area ${a.areaIndex}`)[1]}失分项制定专项整改方案`,
          '落实支部书记第一责任，按月报告整改进展',
        ].entries()) {
          const itemId = ids.take('interviewItem')
          tables.interviewItem.add(itemId, interviewId, content, k + 1)
          items.push({ itemId, a, content })
        }
      }
      for (const { itemId, a, content } of items) writeItem('INTERVIEW', itemId, a, null, content)
      for (const e of events) {
        const event = (type: string, actorId: number, at: Date, note: string) =>
          tables.rectificationEvent.add(
            ids.take('rectificationEvent'),
            e.id,
            type,
            null,
            note,
            actorId,
            iso(at),
          )
        event('CREATED', adminId, publishedAt, '检查结果发布，生成整改事项')
        if (e.status === 'OPEN') continue
        event('SUBMITTED', e.userId, e.submittedAt, '已完成整改，提交佐证材料')
        if (e.status === 'RETURNED')
          event(
            'RETURNED',
            adminId,
            new Date(e.submittedAt.getTime() + 2 * 86_400_000),
            '佐证材料不充分，请补充',
          )
        if (e.closedAt) event('VERIFIED', adminId, e.closedAt, '核验通过，销号')
      }
    }
    await writer.barrier()
    return keys
  }
}

/** Older items are mostly verified; items due recently are a mix, some overdue (R8). */
function itemStatus(
  r: Random,
  deadline: string,
  today: string,
): 'OPEN' | 'SUBMITTED' | 'RETURNED' | 'CLOSED' {
  if (deadline < addDays(today, -90)) {
    return r.weighted([
      ['CLOSED', 97],
      ['OPEN', 2],
      ['RETURNED', 1],
    ])
  }
  if (deadline < today) {
    return r.weighted([
      ['CLOSED', 60],
      ['SUBMITTED', 12],
      ['RETURNED', 5],
      ['OPEN', 23],
    ])
  }
  return r.weighted([
    ['CLOSED', 20],
    ['SUBMITTED', 20],
    ['RETURNED', 5],
    ['OPEN', 55],
  ])
}
