import { required } from '@redblue/scoring'
import type { GraphQLField } from 'graphql'
import { getNullableType, isListType } from 'graphql'

/**
 * What a query costs is what it reads. Every field costs 1; a list field multiplies the cost of its
 * selection by how many elements it can return — its `limit` argument when it has one (a page), or
 * the expected size below otherwise. Armor's cost rule counts every field once whatever the list
 * sizes, so a nested query over round → teams → assignments → team → assignments … passed it while
 * reading millions of rows. `@pothos/plugin-complexity` evaluates this formula; `src/query-limits.ts`
 * refuses a document over MAX_QUERY_COST before it runs.
 *
 * Expected sizes are what one parent holds in a large deployment (a city company: ~200 orgs, ~60
 * indicators per scheme), not the demo's averages: a cost must stay an upper bound of the rows read.
 */
// Above the costliest screen as the SPA sends it (its client adds `__typename` to every object,
// test/query-cost.test.ts), below the heavy documents the stall test shows refused.
export const MAX_QUERY_COST = 80_000

/** Lists not named below: small by nature (enum-like, a few per parent). */
export const DEFAULT_LIST_SIZE = 10

export const LIST_SIZES: Record<string, number> = {
  // root lists
  'Query.orgs': 200,
  'Query.assessments': 200,
  'Query.roundRanking': 200,
  'Query.categoryAssignments': 200,
  'Query.annualResults': 200,
  'Query.annualComponentScores': 1000,
  'Query.users': 300,
  'Query.schemes': 30,
  'Query.sharedIndicators': 60,
  'Query.rounds': 40,
  'Query.problemCategories': 50,
  'Query.lookBackItems': 200,
  'Query.feedbackForms': 200,
  'Query.performanceAdjustments': 200,
  'Query.validateScheme': 50,
  // within an org, a round, a scheme
  'Organization.children': 50,
  'InspectionRound.assignments': 200,
  'InspectionRound.statusChanges': 10,
  'InspectionRound.teams': 10,
  'InspectionTeam.assignments': 40,
  'InspectionTeam.members': 10,
  'InspectionTeam.trainingRecords': 20,
  'Assessment.findings': 30,
  'Assessment.inputs': 60,
  'Assessment.indicatorPoints': 60,
  'AssessmentScore.indicators': 60,
  'AssessmentScore.lostPoints': 60,
  'AssessmentDrilldown.indicators': 60,
  'DrilldownDimension.indicators': 30,
  'DrilldownIndicator.findings': 5,
  'DrilldownIndicator.rectifications': 5,
  'Scheme.indicators': 60,
  'Scheme.problems': 50,
  'Dimension.indicators': 30,
  'SharedIndicator.linkedIndicators': 30,
  'FeedbackForm.findings': 15,
  // a record's history and attachments: a handful each
  'Rectification.events': 5,
  'RectificationEvent.evidence': 3,
  'Finding.evidence': 3,
  'Finding.reconciliations': 3,
  'Interview.items': 5,
  'CategoryRanking.rows': 200,
  'LostPointsMatrix.rows': 200,
  'LostPointsMatrix.columns': 20,
  'AnalyticsTrends.orgs': 200,
  'AnalyticsTrends.listHistory': 200,
  'AnalyticsTrends.findingCounts': 50,
  'ProblemCategoryPareto.entries': 50,
  'RepeatFindings.groups': 100,
  'BoardCategory.red': 20,
  'BoardCategory.blue': 20,
  'TodoList.items': 100,
  'ImportReport.problems': 200,
  // Built from the uploaded file, not read from the database: a sheet's rows as a page would be.
  'ImportReport.preview': 2,
  'ImportPreviewSheet.rows': 200,
  'ImportPreviewSheet.columns': 15,
  'SchemeDiff.changes': 100,
  'RectificationPage.items': 1,
  'MutationAttachFindingEvidenceSuccess.data': 10,
  'MutationComputeAnnualResultsSuccess.data': 200,
  'MutationCopyCategoryAssignmentsSuccess.data': 200,
  'MutationSetCategoryAssignmentsSuccess.data': 200,
}

/** The list fields whose size is the caller's page (`limit`), with the default and largest page. */
export interface PageBounds {
  defaultLimit: number
  maxLimit: number
}

export const PAGES: Record<string, PageBounds> = {
  'Query.auditLogs': { defaultLimit: 50, maxLimit: 200 },
  'Query.findings': { defaultLimit: 200, maxLimit: 200 },
  'Query.interviews': { defaultLimit: 60, maxLimit: 60 },
  // Not a list itself: its `limit` sizes the page's `items` (which count 1 below).
  'Query.rectificationLedger': { defaultLimit: 20, maxLimit: 200 },
}

/** The page a `limit`/`offset` pair asks for, within the field's bounds. */
export function pageOf(
  key: keyof typeof PAGES,
  args: { limit?: number | null; offset?: number | null },
): { take: number; skip: number } {
  const bounds = required(PAGES[key], `page bounds of ${key}`)
  return {
    take: Math.min(Math.max(args.limit ?? bounds.defaultLimit, 1), bounds.maxLimit),
    skip: Math.max(args.offset ?? 0, 0),
  }
}

function parentOf<C>(field: GraphQLField<unknown, C, Record<string, unknown>>): string | undefined {
  const config = field.extensions?.pothosConfig as { parentType?: string } | undefined
  return config?.parentType
}

/** `fieldComplexity` of the complexity plugin: cost 1, multiplier the list's size. */
export function fieldCost<C>(
  args: Record<string, unknown>,
  _ctx: C,
  field: GraphQLField<unknown, C, Record<string, unknown>>,
): { field: number; multiplier: number } {
  const key = `${parentOf(field) ?? '?'}.${field.name}`
  const page = PAGES[key]
  if (page) {
    const limit = typeof args.limit === 'number' ? args.limit : page.defaultLimit
    return { field: 1, multiplier: Math.min(Math.max(limit, 1), page.maxLimit) }
  }
  if (!isListType(getNullableType(field.type))) return { field: 1, multiplier: 1 }
  return { field: 1, multiplier: LIST_SIZES[key] ?? DEFAULT_LIST_SIZE }
}
