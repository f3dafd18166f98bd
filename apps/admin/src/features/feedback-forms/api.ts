import { graphql } from '@/generated'

export const FeedbackFormFields = graphql(`
  fragment FeedbackFormFields on FeedbackForm {
    id
    formNo
    visitDate
    summary
    orgId
    roundId
    createdAt
    team {
      id
      name
    }
    findings {
      id
    }
  }
`)

/** An org's forms in a round (the workbench side panel). */
export const FeedbackFormsQuery = graphql(`
  query FeedbackForms($roundId: Int!, $orgId: Int) {
    feedbackForms(roundId: $roundId, orgId: $orgId) {
      ...FeedbackFormFields
    }
  }
`)

/** One form with its findings, for the print view handed over on site. */
export const FeedbackFormPrintQuery = graphql(`
  query FeedbackFormPrint($roundId: Int!, $orgId: Int) {
    feedbackForms(roundId: $roundId, orgId: $orgId) {
      id
      formNo
      visitDate
      summary
      team {
        id
        name
      }
      org {
        id
        name
      }
      findings {
        id
        indicatorCode
        indicatorName
        description
        checkMethod
        deduction
        isRepeat
        problemCategory {
          id
          name
        }
      }
    }
    round(id: $roundId) {
      id
      name
      year
      quarter
    }
  }
`)

export const CreateFeedbackFormMutation = graphql(`
  mutation CreateFeedbackForm($roundId: Int!, $orgId: Int!, $visitDate: Date!, $summary: String) {
    createFeedbackForm(roundId: $roundId, orgId: $orgId, visitDate: $visitDate, summary: $summary) {
      ... on FeedbackForm {
        ...FeedbackFormFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateFeedbackFormMutation = graphql(`
  mutation UpdateFeedbackForm($id: Int!, $visitDate: Date, $summary: String) {
    updateFeedbackForm(id: $id, visitDate: $visitDate, summary: $summary) {
      ... on FeedbackForm {
        ...FeedbackFormFields
      }
      ...MutationErrorFields
    }
  }
`)

export const DeleteFeedbackFormMutation = graphql(`
  mutation DeleteFeedbackForm($id: Int!) {
    deleteFeedbackForm(id: $id) {
      ... on MutationDeleteFeedbackFormSuccess {
        data
      }
      ...MutationErrorFields
    }
  }
`)

/** Removes one evidence file of a finding (its uploader or an admin, while the finding can change). */
export const DeleteEvidenceMutation = graphql(`
  mutation DeleteEvidence($id: Int!) {
    deleteEvidence(id: $id) {
      ... on MutationDeleteEvidenceSuccess {
        data
      }
      ...MutationErrorFields
    }
  }
`)
