import { graphql } from '@/generated'

/** What every rectification view shows: the item, its warning and its history with evidence. */
export const RectificationFields = graphql(`
  fragment RectificationFields on Rectification {
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
    round {
      id
      name
      year
      quarter
    }
    org {
      id
      name
    }
    problemCategory {
      id
      name
    }
    finding {
      id
      description
      checkMethod
      indicatorName
    }
    events {
      id
      type
      note
      createdAt
      actor {
        id
        displayName
      }
      evidence {
        id
        originalName
        url
        size
      }
    }
  }
`)

export const LedgerQuery = graphql(`
  query RectificationLedger($filter: RectificationFilter, $limit: Int, $offset: Int) {
    rectificationLedger(filter: $filter, limit: $limit, offset: $offset) {
      total
      items {
        ...RectificationFields
      }
    }
  }
`)

/**
 * The ledger's counts by status and by colour under the same filters (without the one being
 * counted): one request of aliased totals, each with a page of size one.
 */
export const LedgerCountsQuery = graphql(`
  query RectificationLedgerCounts(
    $open: RectificationFilter
    $submitted: RectificationFilter
    $returned: RectificationFilter
    $closed: RectificationFilter
    $green: RectificationFilter
    $yellow: RectificationFilter
    $red: RectificationFilter
  ) {
    open: rectificationLedger(filter: $open, limit: 1) {
      total
    }
    submitted: rectificationLedger(filter: $submitted, limit: 1) {
      total
    }
    returned: rectificationLedger(filter: $returned, limit: 1) {
      total
    }
    closed: rectificationLedger(filter: $closed, limit: 1) {
      total
    }
    green: rectificationLedger(filter: $green, limit: 1) {
      total
    }
    yellow: rectificationLedger(filter: $yellow, limit: 1) {
      total
    }
    red: rectificationLedger(filter: $red, limit: 1) {
      total
    }
  }
`)

export const LedgerOptionsQuery = graphql(`
  query LedgerFilterOptions {
    orgs(assessedOnly: true) {
      id
      name
      sortOrder
    }
    rounds {
      id
      name
      year
      quarter
    }
    problemCategories(includeInactive: true) {
      id
      name
      sortOrder
    }
  }
`)

/** One item by id: the ledger opens it from a link (a to-do points at `?rectification=<id>`). */
export const RectificationQuery = graphql(`
  query Rectification($id: Int!) {
    rectification(id: $id) {
      ...RectificationFields
    }
  }
`)

/** 销号 (R8): an inspector of the org or an admin closes a submitted item. */
export const VerifyRectificationMutation = graphql(`
  mutation VerifyRectification($id: Int!, $version: Int!, $note: String) {
    verifyRectification(id: $id, version: $version, note: $note) {
      ... on Rectification {
        __typename
        ...RectificationFields
      }
      ...MutationErrorFields
    }
  }
`)

/** A submission that does not hold up goes back to the org, with the reason. */
export const ReturnRectificationMutation = graphql(`
  mutation ReturnRectification($id: Int!, $version: Int!, $reason: String!) {
    returnRectification(id: $id, version: $version, reason: $reason) {
      ... on Rectification {
        __typename
        ...RectificationFields
      }
      ...MutationErrorFields
    }
  }
`)
