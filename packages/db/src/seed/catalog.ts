/**
 * The configuration part of the demo: orgs with yearly categories, areas, rule sets, schemes with
 * their dimensions and indicators (validated by the scoring engine), problem categories and users.
 */
import {
  DEFAULT_RULE_SET,
  prepareScheme,
  required,
  toFixed2,
  validateScheme,
  type PreparedScheme,
  type SchemeDefinition,
  DEFAULT_RATING_LEVELS,
} from '@redblue/scoring'
import type { OrgCategory, UnitType } from '../generated/prisma/enums'
import type { Prisma } from '../generated/prisma/client'
import { schemeDefinitionOf } from '../scheme-definition'
import { categoryOf, COMPANY, ORGS, type OrgSeed } from './orgs'
import { INSPECTORS, LEADERSHIP, SECRETARIES } from './people'
import { PROBLEMS } from './problems'
import {
  AREA_FROM_YEAR,
  AREA_SCHEMES,
  AREAS,
  SCHEME_YEARS,
  SHARED_INDICATORS,
  type AreaCode,
  type IndicatorSeed,
} from './schemes'
import { at } from './time'

export const CATEGORIES: readonly OrgCategory[] = ['I', 'II', 'III']

/** Rows of every table the demo fills, in an order that satisfies the foreign keys. */
export interface SeedRows {
  organization: Prisma.OrganizationCreateManyInput[]
  orgCategoryAssignment: Prisma.OrgCategoryAssignmentCreateManyInput[]
  area: Prisma.AreaCreateManyInput[]
  ruleSet: Prisma.RuleSetCreateManyInput[]
  user: Prisma.UserCreateManyInput[]
  sharedIndicator: Prisma.SharedIndicatorCreateManyInput[]
  scheme: Prisma.SchemeCreateManyInput[]
  dimension: (Prisma.DimensionCreateManyInput & { id: number })[]
  indicator: (Prisma.IndicatorCreateManyInput & { id: number })[]
  problemCategory: Prisma.ProblemCategoryCreateManyInput[]
  inspectionRound: Prisma.InspectionRoundCreateManyInput[]
  roundArea: Prisma.RoundAreaCreateManyInput[]
  roundStatusChange: Prisma.RoundStatusChangeCreateManyInput[]
  inspectionTeam: Prisma.InspectionTeamCreateManyInput[]
  teamMember: Prisma.TeamMemberCreateManyInput[]
  trainingRecord: Prisma.TrainingRecordCreateManyInput[]
  teamAssignment: Prisma.TeamAssignmentCreateManyInput[]
  assessment: Prisma.AssessmentCreateManyInput[]
  indicatorInput: Prisma.IndicatorInputCreateManyInput[]
  assessmentIndicatorPoints: Prisma.AssessmentIndicatorPointsCreateManyInput[]
  feedbackForm: Prisma.FeedbackFormCreateManyInput[]
  finding: Prisma.FindingCreateManyInput[]
  reconciliationRecord: Prisma.ReconciliationRecordCreateManyInput[]
  interview: Prisma.InterviewCreateManyInput[]
  interviewItem: Prisma.InterviewItemCreateManyInput[]
  rectification: Prisma.RectificationCreateManyInput[]
  rectificationEvent: Prisma.RectificationEventCreateManyInput[]
  performanceAdjustment: Prisma.PerformanceAdjustmentCreateManyInput[]
  notice: Prisma.NoticeCreateManyInput[]
  annualComponentScore: Prisma.AnnualComponentScoreCreateManyInput[]
  annualResult: Prisma.AnnualResultCreateManyInput[]
}

export type TableName = keyof SeedRows

export function emptyRows(): SeedRows {
  return {
    organization: [],
    orgCategoryAssignment: [],
    area: [],
    ruleSet: [],
    user: [],
    sharedIndicator: [],
    scheme: [],
    dimension: [],
    indicator: [],
    problemCategory: [],
    inspectionRound: [],
    roundArea: [],
    roundStatusChange: [],
    inspectionTeam: [],
    teamMember: [],
    trainingRecord: [],
    teamAssignment: [],
    assessment: [],
    indicatorInput: [],
    assessmentIndicatorPoints: [],
    feedbackForm: [],
    finding: [],
    reconciliationRecord: [],
    interview: [],
    interviewItem: [],
    rectification: [],
    rectificationEvent: [],
    performanceAdjustment: [],
    notice: [],
    annualComponentScore: [],
    annualResult: [],
  }
}

/** Explicit ids: the seed only runs on an empty database, and ids let rows reference each other. */
export class Ids {
  private readonly next = new Map<string, number>()
  take(table: TableName): number {
    const id = (this.next.get(table) ?? 0) + 1
    this.next.set(table, id)
    return id
  }
}

export interface Org extends OrgSeed {
  id: number
  sortOrder: number
  secretary: string
  /** The org's own BRANCH user (its secretary), the actor of its reconciliations and submissions. */
  userId: number
}

export interface Inspector {
  id: number
  username: string
  name: string
  homeOrgId: number
}

export interface SchemeInfo {
  id: number
  year: number
  area: AreaCode
  category: OrgCategory
  definition: SchemeDefinition
  prepared: PreparedScheme
  indicatorId: Map<string, number>
  /** indicator id → seed definition */
  indicatorSeed: Map<number, IndicatorSeed>
  dimensionIds: number[]
}

export interface Catalog {
  rows: SeedRows
  ids: Ids
  orgs: Org[]
  orgById: Map<number, Org>
  orgByCode: Map<string, Org>
  areaId: Record<AreaCode, number>
  adminId: number
  leaderId: number
  inspectors: Inspector[]
  /** `${year}|${area}|${category}` → the scheme revision rounds of that year use */
  schemes: Map<string, SchemeInfo>
  problemId: Map<string, number>
  ruleSet: (year: number) => typeof DEFAULT_RULE_SET
}

export const schemeKey = (year: number, area: AreaCode, category: OrgCategory) =>
  `${year}|${area}|${category}`

export interface PasswordHashes {
  /** username → argon2id hash, for the listed demo logins */
  demo: ReadonlyMap<string, string>
  /** one hash of the same password shared by the other staff accounts */
  shared: string
}

const ANNUAL_COMPONENTS = [
  { code: 'REPORT', name: '党组织书记述职评议', weight: '0.30' },
  { code: 'KEY_TASKS', name: '年度重点任务完成情况', weight: '0.30' },
]
export { ANNUAL_COMPONENTS }

export function buildCatalog(hashes: PasswordHashes): Catalog {
  const rows = emptyRows()
  const ids = new Ids()
  const created = at('2021-01-04')
  const hashOf = (username: string) => hashes.demo.get(username) ?? hashes.shared

  // Organizations: the party committee, then general branches before their branches.
  const companyId = ids.take('organization')
  rows.organization.push({
    id: companyId,
    ...COMPANY,
    assessed: false,
    sortOrder: 0,
    createdAt: created,
  })
  const orgs: Org[] = []
  const orgByCode = new Map<string, Org>()
  ORGS.forEach((seed, index) => {
    const id = ids.take('organization')
    const parentId = seed.parent ? required(orgByCode.get(seed.parent), `parent org ${seed.parent}`).id : companyId
    rows.organization.push({
      id,
      code: seed.code,
      name: seed.name,
      shortName: seed.shortName,
      unitType: seed.unitType,
      parentId,
      sortOrder: index + 1,
      createdAt: created,
    })
    const org: Org = {
      ...seed,
      id,
      sortOrder: index + 1,
      secretary: required(SECRETARIES[index], `secretary ${index}`),
      userId: 0,
    }
    orgs.push(org)
    orgByCode.set(seed.code, org)
  })
  for (const year of SCHEME_YEARS) {
    for (const org of orgs) {
      rows.orgCategoryAssignment.push({
        id: ids.take('orgCategoryAssignment'),
        orgId: org.id,
        year,
        category: categoryOf(org, year),
        createdAt: at(`${year}-01-04`),
      })
    }
  }

  const areaId = {} as Record<AreaCode, number>
  for (const area of AREAS) {
    const id = ids.take('area')
    areaId[area.code] = id
    rows.area.push({ id, code: area.code, name: area.name, sortOrder: area.sortOrder })
  }

  for (const year of SCHEME_YEARS) {
    rows.ruleSet.push({
      id: ids.take('ruleSet'),
      year,
      redCategories: [...DEFAULT_RULE_SET.redCategories],
      blueLastCategories: [...DEFAULT_RULE_SET.blueLastCategories],
      baseThresholdCategories: [...DEFAULT_RULE_SET.baseThresholdCategories],
      baseThreshold: toFixed2(DEFAULT_RULE_SET.baseThreshold),
      redPoints: toFixed2(DEFAULT_RULE_SET.redPoints),
      bluePoints: toFixed2(DEFAULT_RULE_SET.bluePoints),
      thresholdPoints: toFixed2(DEFAULT_RULE_SET.thresholdPoints),
      quarterlyWeight: toFixed2(DEFAULT_RULE_SET.quarterlyWeight),
      annualComponents: ANNUAL_COMPONENTS,
      rectificationDays: DEFAULT_RULE_SET.rectificationDays,
      warningDays: DEFAULT_RULE_SET.warningDays,
      createdAt: at(`${year}-01-04`),
    })
  }

  // Users: admin, leader, inspectors (home orgs), one BRANCH account per org (its secretary).
  const adminId = ids.take('user')
  rows.user.push({
    id: adminId,
    username: LEADERSHIP.admin.username,
    displayName: LEADERSHIP.admin.displayName,
    role: 'ADMIN',
    passwordHash: hashOf('admin'),
    createdAt: created,
  })
  const leaderId = ids.take('user')
  rows.user.push({
    id: leaderId,
    username: LEADERSHIP.leader.username,
    displayName: LEADERSHIP.leader.displayName,
    role: 'LEADER',
    passwordHash: hashOf('leader'),
    createdAt: created,
  })
  const inspectors: Inspector[] = INSPECTORS.map(([username, name, home]) => {
    const id = ids.take('user')
    const homeOrgId = required(orgByCode.get(home), `org ${home}`).id
    rows.user.push({
      id,
      username,
      displayName: name,
      role: 'INSPECTOR',
      orgId: homeOrgId,
      passwordHash: hashOf(username),
      createdAt: created,
    })
    return { id, username, name, homeOrgId }
  })
  for (const org of orgs) {
    org.userId = ids.take('user')
    rows.user.push({
      id: org.userId,
      username: org.code.toLowerCase(),
      displayName: org.secretary,
      role: 'BRANCH',
      orgId: org.id,
      passwordHash: hashes.shared,
      createdAt: created,
    })
  }

  const schemes = buildSchemes(rows, ids, areaId, adminId)

  const problemId = new Map<string, number>()
  PROBLEMS.forEach((problem, index) => {
    const id = ids.take('problemCategory')
    problemId.set(problem.code, id)
    rows.problemCategory.push({
      id,
      code: problem.code,
      name: problem.name,
      description: `常见表现：${required(problem.findings[0], `a sample finding of problem ${problem.code}`)}。`,
      sortOrder: index + 1,
    })
  })

  return {
    rows,
    ids,
    orgs,
    orgById: new Map(orgs.map((o) => [o.id, o])),
    orgByCode,
    areaId,
    adminId,
    leaderId,
    inspectors,
    schemes,
    problemId,
    ruleSet: () => DEFAULT_RULE_SET,
  }
}

function buildSchemes(
  rows: SeedRows,
  ids: Ids,
  areaId: Record<AreaCode, number>,
  adminId: number,
): Map<string, SchemeInfo> {
  const schemes = new Map<string, SchemeInfo>()
  const latestYear = required(SCHEME_YEARS[SCHEME_YEARS.length - 1], 'the latest scheme year')
  for (const year of SCHEME_YEARS) {
    const sharedId = new Map<string, number>()
    for (const s of SHARED_INDICATORS) {
      const id = ids.take('sharedIndicator')
      sharedId.set(s.code, id)
      rows.sharedIndicator.push({
        id,
        year,
        areaId: areaId.PARTY_BUILDING,
        code: s.code,
        name: s.name,
        evaluationStandard: s.evaluationStandard,
        scoringGuide: s.scoringGuide,
        method: 'DEDUCTION',
      })
    }
    for (const area of AREAS.map((a) => a.code)) {
      if (year < AREA_FROM_YEAR[area]) continue
      for (const category of CATEGORIES) {
        const previous = schemes.get(schemeKey(year - 1, area, category))
        // 2026 category I was revised in spring: the study-hours target rose from 8 to 10.
        const revised = year === latestYear && area === 'PARTY_BUILDING' && category === 'I'
        const first = addScheme(rows, ids, {
          year,
          area,
          category,
          areaId: areaId[area],
          adminId,
          sharedId,
          revision: 1,
          clonedFromId: previous?.id,
          status: year < latestYear || revised ? 'ARCHIVED' : 'PUBLISHED',
          publishedAt: at(`${year}-01-06`, '10:00'),
        })
        let info = first
        if (revised) {
          info = addScheme(rows, ids, {
            year,
            area,
            category,
            areaId: areaId[area],
            adminId,
            sharedId,
            revision: 2,
            previousRevisionId: first.id,
            clonedFromId: previous?.id,
            status: 'PUBLISHED',
            publishedAt: at(`${year}-04-01`, '10:00'),
            studyHoursTarget: '10.00',
          })
        }
        schemes.set(schemeKey(year, area, category), info)
      }
    }
  }
  return schemes
}

interface SchemeArgs {
  year: number
  area: AreaCode
  category: OrgCategory
  areaId: number
  adminId: number
  sharedId: Map<string, number>
  revision: number
  previousRevisionId?: number
  clonedFromId?: number
  status: 'PUBLISHED' | 'ARCHIVED'
  publishedAt: Date
  studyHoursTarget?: string
}

function addScheme(rows: SeedRows, ids: Ids, args: SchemeArgs): SchemeInfo {
  const seed = AREA_SCHEMES[args.area]
  const id = ids.take('scheme')
  const categoryName = { I: 'Ⅰ类', II: 'Ⅱ类', III: 'Ⅲ类' }[args.category]
  rows.scheme.push({
    id,
    year: args.year,
    areaId: args.areaId,
    category: args.category,
    revision: args.revision,
    name: `${args.year}年${seed.name}（${categoryName}党组织）`,
    status: args.status,
    bonusCap: seed.bonusCap[args.category],
    previousRevisionId: args.previousRevisionId,
    clonedFromId: args.clonedFromId,
    publishedAt: args.publishedAt,
    publishedById: args.adminId,
    createdAt: args.publishedAt,
  })
  // This scheme's rows are the ones pushed from here on; the engine reads them as the API would.
  const firstDimension = rows.dimension.length
  const firstIndicator = rows.indicator.length
  const indicatorId = new Map<string, number>()
  const indicatorSeed = new Map<number, IndicatorSeed>()
  const dimensionIds: number[] = []
  let sortOrder = 0

  const addIndicator = (ind: IndicatorSeed, dimensionId: number | null) => {
    const max = ind.max[args.category]
    if (max === undefined || (ind.fromYear !== undefined && args.year < ind.fromYear)) return
    const iid = ids.take('indicator')
    const target =
      ind.code === 'PB-EDU-1' && args.studyHoursTarget ? args.studyHoursTarget : ind.target
    const ratingLevels = ind.method === 'RATING' ? DEFAULT_RATING_LEVELS.map((l) => ({ ...l })) : undefined
    rows.indicator.push({
      id: iid,
      schemeId: id,
      dimensionId,
      sharedIndicatorId: ind.shared ? args.sharedId.get(ind.shared) : undefined,
      code: ind.code,
      name: ind.name,
      evaluationStandard: ind.evaluationStandard,
      scoringGuide: ind.scoringGuide,
      method: ind.method,
      maxPoints: max,
      unitTypeRestriction: ind.unitTypeRestriction,
      ratingLevels,
      target,
      targetUnit: ind.targetUnit,
      defaultDeduction: ind.defaultDeduction,
      sortOrder: ++sortOrder,
    })
    indicatorId.set(ind.code, iid)
    indicatorSeed.set(iid, ind)
  }

  seed.dimensions.forEach((dim, index) => {
    const did = ids.take('dimension')
    dimensionIds.push(did)
    rows.dimension.push({
      id: did,
      schemeId: id,
      code: dim.code,
      name: dim.name,
      maxPoints: dim.max[args.category],
      sortOrder: index + 1,
    })
    for (const ind of dim.indicators) addIndicator(ind, did)
  })
  for (const ind of seed.bonus) addIndicator(ind, null)

  const definition = schemeDefinitionOf({
    bonusCap: seed.bonusCap[args.category],
    dimensions: rows.dimension.slice(firstDimension),
    indicators: rows.indicator.slice(firstIndicator),
  })
  const problems = validateScheme(definition)
  if (problems.length > 0) {
    throw new Error(
      `Demo scheme ${args.year} ${args.area} ${args.category} is invalid: ${problems.map((p) => p.messageEn).join('; ')}`,
    )
  }
  return {
    id,
    year: args.year,
    area: args.area,
    category: args.category,
    definition,
    prepared: prepareScheme(definition),
    indicatorId,
    indicatorSeed,
    dimensionIds,
  }
}

export type { UnitType }
