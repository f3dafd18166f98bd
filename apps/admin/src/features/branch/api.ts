import { graphql } from '@/generated'

export const MyRectificationsQuery = graphql(`
  query MyRectifications($orgId: Int, $status: RectificationStatus, $limit: Int, $offset: Int) {
    rectificationLedger(filter: { orgId: $orgId, status: $status }, limit: $limit, offset: $offset) {
      total
      items {
        ...RectificationFields
      }
    }
  }
`)

/** What the org still has to work on: open and returned items (one page each, enough for an org). */
export const MyActiveRectificationsQuery = graphql(`
  query MyActiveRectifications($orgId: Int) {
    open: rectificationLedger(filter: { orgId: $orgId, status: OPEN }, limit: 200) {
      items {
        ...RectificationFields
      }
    }
    returned: rectificationLedger(filter: { orgId: $orgId, status: RETURNED }, limit: 200) {
      items {
        ...RectificationFields
      }
    }
  }
`)

/** Progress with evidence: sent as a multipart request (see multipartUpload.ts). */
export const SubmitRectificationMutation = graphql(`
  mutation SubmitRectification($id: Int!, $version: Int!, $note: String!, $files: [Upload!]) {
    submitRectification(id: $id, version: $version, note: $note, files: $files) {
      ... on Rectification {
        __typename
        ...RectificationFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateRectificationMutation = graphql(`
  mutation UpdateRectificationPlan($id: Int!, $version: Int!, $input: RectificationPatch!) {
    updateRectification(id: $id, version: $version, input: $input) {
      ... on Rectification {
        ...RectificationFields
      }
      ...MutationErrorFields
    }
  }
`)

export const MyFindingsQuery = graphql(`
  query MyFindings($orgId: Int) {
    findings(orgId: $orgId) {
      id
      version
      roundId
      round {
        id
        name
        year
        quarter
        status
      }
      area {
        id
        name
      }
      indicatorCode
      indicatorName
      problemCategory {
        id
        name
      }
      description
      checkMethod
      deduction
      isRepeat
      reconciliationStatus
      reconciliations {
        id
        action
        reason
        at
        actor {
          id
          displayName
        }
      }
      evidence {
        id
        originalName
        url
      }
    }
  }
`)

export const ConfirmFindingMutation = graphql(`
  mutation ConfirmFinding($id: Int!) {
    confirmFinding(id: $id) {
      ... on Finding {
        id
        version
        reconciliationStatus
      }
      ...MutationErrorFields
    }
  }
`)

export const DisputeFindingMutation = graphql(`
  mutation DisputeFinding($id: Int!, $reason: String!) {
    disputeFinding(id: $id, reason: $reason) {
      ... on Finding {
        id
        version
        reconciliationStatus
      }
      ...MutationErrorFields
    }
  }
`)

export const MyInterviewsQuery = graphql(`
  query MyInterviews($orgId: Int) {
    interviews(orgId: $orgId) {
      id
      date
      interviewer
      interviewee
      notes
      round {
        id
        name
        year
        quarter
      }
      area {
        id
        name
      }
      items {
        id
        content
        sortOrder
        rectification {
          ...RectificationFields
        }
      }
    }
  }
`)

/** Each year's warning days (R8), for previewing a new deadline's colour before saving it. */
export const WarningDaysQuery = graphql(`
  query BranchWarningDays {
    ruleSets {
      year
      warningDays
    }
  }
`)

/** The own org's results in the latest rounds of an area, with the category averages. */
export const MyTrendQuery = graphql(`
  query MyOrgTrend($areaId: Int!, $orgIds: [Int!]) {
    analyticsTrends(areaId: $areaId, rounds: 5) {
      rounds {
        id
        name
        year
        quarter
      }
      orgs(orgIds: $orgIds) {
        orgId
        org {
          id
          name
          shortName
        }
        categories
        totals
        ranks
        marks
      }
      categoryAverages {
        category
        totals
      }
    }
  }
`)

export const MyAssessmentQuery = graphql(`
  query MyLatestAssessment($roundId: Int!, $orgId: Int!, $areaId: Int!) {
    assessments(roundId: $roundId, orgId: $orgId, areaId: $areaId) {
      id
      category
      baseScore
      bonusScore
      totalScore
      rank
      listMark
    }
    categoryAverages(areaId: $areaId, roundId: $roundId) {
      category
      orgCount
    }
  }
`)

export const MyAreasQuery = graphql(`
  query MyAreas {
    areas {
      id
      name
      sortOrder
    }
    myTodos {
      counts {
        toReconcile
        overdue
        dueSoon
        returned
      }
    }
  }
`)
