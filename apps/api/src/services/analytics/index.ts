/**
 * Analytics for leadership and branches over the frozen results of published rounds:
 * headline figures, category rankings, trends, drill-down and comparisons. Every function runs a
 * fixed number of set-based SQL statements whatever the number of orgs and rounds; the engine in
 * @redblue/scoring supplies the rules (ranking, lists, warnings, rescoring, trend series).
 */
export * from './comparisons'
export * from './drilldown'
export * from './headline'
export * from './numbers'
export type { OrgSummary } from './org-summary'
export * from './ranking'
export * from './rounds'
export * from './scope'
export * from './trends'
