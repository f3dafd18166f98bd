import { graphql } from '@/generated'

export const DisputedFindingsQuery = graphql(`
  query DisputedFindings {
    findings(status: DISPUTED) {
      id
      version
      description
      deduction
      checkMethod
      isRepeat
      indicatorCode
      indicatorName
      org {
        id
        name
      }
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
      problemCategory {
        id
        name
      }
      evidence {
        id
        originalName
        url
      }
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
    }
  }
`)

export const UpholdFindingMutation = graphql(`
  mutation UpholdFinding($id: Int!, $reason: String!) {
    upholdFinding(id: $id, reason: $reason) {
      ... on Finding {
        id
        reconciliationStatus
      }
      ...MutationErrorFields
    }
  }
`)

export const WithdrawFindingMutation = graphql(`
  mutation WithdrawFinding($id: Int!, $reason: String!) {
    withdrawFinding(id: $id, reason: $reason) {
      ... on Finding {
        id
        reconciliationStatus
      }
      ...MutationErrorFields
    }
  }
`)
