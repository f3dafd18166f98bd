/**
 * @redblue/scoring — the pure scoring engine: scheme validation (R1), scoring (R2), ranking (R3),
 * red/blue lists and adjustments (R4, R5), repeats (R7), rectification warnings and China time (R8),
 * the annual roll-up (R10) and trend helpers for the dashboards.
 *
 * Scores go in as strings (or Prisma Decimals) and come out as strings with two decimals.
 */
export type * from './types'
export { compareScores, meanScore, sumScores, toFixed2, toPointsText } from './decimal'
export { validateScheme } from './scheme-validation'
export { required } from './required'
export {
  SCHEME_PROBLEM_MESSAGES_EN,
  SCHEME_PROBLEM_MESSAGES_ZH,
  formatSchemeMessage,
} from './scheme-messages'
export { scoreIndicator, type ScoreIndicatorArgs } from './indicator-score'
export { prepareScheme, scoreAssessment, type PreparedScheme } from './assessment-score'
export { rankEntries } from './ranking'
export { DEFAULT_RULE_SET, computeLists } from './lists'
export { ruleSetYearFor, ruleValueFor } from './rule-year'
export { indicatorApplies } from './applicability'
export { takesFindings } from './finding-indicators'
export { DEFAULT_RATING_LEVELS } from './rating-levels'
export { roundResults, type RoundEntry, type RoundResult } from './round-results'
export { rectificationWarning } from './rectification'
export {
  addDays,
  chinaDate,
  chinaDayEnd,
  chinaDayStart,
  chinaMonth,
  chinaMonthRange,
  daysBetween,
  defaultDeadline,
} from './china-time'
export { findRepeats } from './repeats'
export { paretoShares } from './pareto'
export {
  FINDINGS_VISIBLE_ROUND_STATUSES,
  PUBLISHED_ROUND_STATUSES,
  STANDING_FINDING_STATUSES,
  isPublished,
  type ReconciliationStatus,
  type RoundStatus,
} from './statuses'
export { annualRollup } from './annual'
export {
  categoryAverageSeries,
  closeOutRate,
  dimensionAverages,
  findingCountsByCategory,
  lastRounds,
  orgSeries,
  type CategoryAverageSeries,
  type CloseOutRate,
  type DimensionAverage,
  type FindingCountSeries,
  type OrgSeries,
  type RoundRef,
} from './trends'
export {
  DEFAULT_INSIGHT_THRESHOLDS,
  INSIGHT_SEVERITIES,
  LIVE_INSIGHT_KINDS,
  closeOutRate as closeOutInsights,
  decliningOrgs,
  frozenRoundInsights,
  insightsForOrg,
  overdueItems,
  problemConcentration,
  repeatFindings,
  roundInsights,
  sortInsights,
  teamConsistency,
  weakDimensions,
  type Insight,
  type InsightAssessment,
  type InsightAssignment,
  type InsightDimensionScore,
  type InsightFinding,
  type InsightItem,
  type InsightKind,
  type InsightProblemCount,
  type InsightRound,
  type InsightSeverity,
  type InsightThresholds,
  type Named,
  type RoundInsightInput,
} from './insights'
export { insightSentence, type InsightLocale } from './insight-sentences'
