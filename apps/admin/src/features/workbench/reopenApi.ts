import { graphql } from '@/generated'

export const ReopenAssessmentMutation = graphql(`
  mutation ReopenAssessment($assessmentId: Int!, $version: Int!, $reason: String) {
    reopenAssessment(assessmentId: $assessmentId, version: $version, reason: $reason) {
      ... on Assessment {
        ...AssessmentInputsFields
      }
      ...MutationErrorFields
    }
  }
`)
