/**
 * The GraphQL documents the bench sends: the admin SPA's own queries (apps/admin/src/features/*
 * /api.ts), copied verbatim, so the figures are those of the pages leadership and branches open.
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

export const HEADLINE = `query DashboardHeadline($areaId: Int, $period: AnalyticsPeriodInput) {
  analyticsHeadline(areaId: $areaId, period: $period) {
    roundsHeld
    feedbackForms
    findings
    problemCategories
    orgsAssessed
    rectifications
    closedRectifications
    closeOutRate
    overdueRectifications
  }
}`

export const RANKING = `query DashboardCategoryRanking($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
  categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) {
    roundId
    areaId
    category
    previousRound { id name }
    table {
      assessmentIds
      orgNames
      ranks
      bases
      bonuses
      totals
      listMarks
      rankChanges
      totalChanges
      findingCounts
      openRectifications
    }
  }
}`

export const TRENDS = `query DashboardTrends($areaId: Int!, $category: OrgCategory, $untilRoundId: Int, $rounds: Int) {
  analyticsTrends(areaId: $areaId, category: $category, untilRoundId: $untilRoundId, rounds: $rounds) {
    rounds { id name year quarter }
    orgs {
      orgId
      org { id name shortName }
      totals
    }
    categoryAverages {
      category
      totals
      dimensions { code name points lost }
    }
    findingCounts {
      problemCategoryId
      problemCategory { id name }
      counts
      total
    }
    closeOutRates { roundId total closed rate }
  }
}`

const RECTIFICATION_FIELDS = `fragment RectificationFields on Rectification {
  id
  version
  source
  title
  measure
  responsiblePerson
  deadline
  status
  colour
  overdue
  daysLeft
  carryOverCount
  closedAt
  createdAt
  round { id name year quarter }
  org { id name }
  problemCategory { id name }
  finding { id description checkMethod indicatorName }
  events {
    id
    type
    note
    createdAt
    actor { id displayName }
    evidence { id originalName url size }
  }
}`

export const DRILLDOWN = `query AssessmentDrilldown($assessmentId: Int!) {
  assessmentDrilldown(assessmentId: $assessmentId) {
    assessmentId
    roundId
    areaId
    orgId
    org { id name }
    assessment {
      id
      round { id name year quarter }
      area { id name }
    }
    category
    unitType
    rank
    listMark
    base
    bonus
    total
    baseMax
    lost
    dimensions {
      dimensionId
      code
      name
      max
      points
      lost
      categoryAveragePoints
      categoryAverageLost
      categoryCount
    }
    indicators {
      indicatorId
      dimensionId
      code
      name
      method
      max
      points
      lost
      applicable
      reason
      ratingLevel
      quantityValue
      target
      targetUnit
      bonusPoints
      note
      evaluationStandard
      scoringGuide
      findingIds
      findings {
        id
        description
        checkMethod
        deduction
        isRepeat
        reconciliationStatus
        problemCategory { id name }
        evidence { id originalName url }
      }
      rectifications {
        findingId
        ...RectificationFields
      }
    }
  }
}
${RECTIFICATION_FIELDS}`

export const LEDGER = `query RectificationLedger($filter: RectificationFilter, $limit: Int, $offset: Int) {
  rectificationLedger(filter: $filter, limit: $limit, offset: $offset) {
    total
    items { ...RectificationFields }
  }
}
${RECTIFICATION_FIELDS}`

export const LEDGER_COUNTS = `query RectificationLedgerCounts(
  $open: RectificationFilter
  $submitted: RectificationFilter
  $returned: RectificationFilter
  $closed: RectificationFilter
  $green: RectificationFilter
  $yellow: RectificationFilter
  $red: RectificationFilter
) {
  open: rectificationLedger(filter: $open, limit: 1) { total }
  submitted: rectificationLedger(filter: $submitted, limit: 1) { total }
  returned: rectificationLedger(filter: $returned, limit: 1) { total }
  closed: rectificationLedger(filter: $closed, limit: 1) { total }
  green: rectificationLedger(filter: $green, limit: 1) { total }
  yellow: rectificationLedger(filter: $yellow, limit: 1) { total }
  red: rectificationLedger(filter: $red, limit: 1) { total }
}`

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

export const TODOS = `query MyTodos {
  myTodos {
    counts { total }
    items { kind title orgName dueDate daysLeft entityType entityId }
  }
}`
