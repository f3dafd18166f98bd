import { spaOperation } from './spa-documents'

/**
 * The GraphQL documents the bench sends. The screens' queries are the admin SPA's own, read from
 * its sources (spa-documents.ts), so the figures are those of the pages leadership and branches
 * open. Signing in and publishing are the bench's own: it needs only their outcome.
 */

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    __typename
    ... on User { id role }
    ... on AppError { code message }
  }
}`

export const PUBLISH = `mutation Publish($id: Int!) {
  publishRound(id: $id) {
    __typename
    ... on InspectionRound { id status publishedAt }
    ... on AppError { code message }
  }
}`

export const HEADLINE = spaOperation('DashboardHeadline')
export const RANKING = spaOperation('DashboardCategoryRanking')
export const TRENDS = spaOperation('DashboardTrends')
export const DRILLDOWN = spaOperation('AssessmentDrilldown')
export const LEDGER = spaOperation('RectificationLedger')
export const LEDGER_COUNTS = spaOperation('RectificationLedgerCounts')
export const TODOS = spaOperation('MyTodos')

/** The ledger page's counts without other filters (what the page asks on first load). */
export const LEDGER_COUNTS_VARIABLES = {
  open: { status: 'OPEN' },
  submitted: { status: 'SUBMITTED' },
  returned: { status: 'RETURNED' },
  closed: { status: 'CLOSED' },
  green: { colour: 'GREEN' },
  yellow: { colour: 'YELLOW' },
  red: { colour: 'RED' },
}
