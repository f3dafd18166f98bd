import { graphql } from '@/generated'

export const AssignmentRoundsQuery = graphql(`
  query AssignmentRounds {
    rounds {
      id
      name
      year
      quarter
      status
    }
  }
`)

export const MyAssessmentsQuery = graphql(`
  query MyAssessments($roundId: Int!) {
    assessments(roundId: $roundId) {
      id
      status
      category
      unitType
      updatedAt
      org {
        id
        name
        shortName
      }
      area {
        id
        name
      }
      score {
        base
        bonus
        total
        indicators {
          applicable
          reason
          method
        }
      }
      findings {
        id
      }
    }
  }
`)

export const WorkbenchFindingFields = graphql(`
  fragment WorkbenchFindingFields on Finding {
    id
    version
    indicatorId
    feedbackFormId
    problemCategoryId
    problemCategory {
      id
      code
      name
    }
    description
    checkMethod
    deduction
    reconciliationStatus
    isRepeat
    evidence {
      id
      originalName
      url
      size
    }
  }
`)

export const AssessmentInputsFields = graphql(`
  fragment AssessmentInputsFields on Assessment {
    id
    version
    status
    updatedBy {
      id
      displayName
    }
    inputs {
      indicatorId
      ratingLevel
      quantityValue
      bonusPoints
      note
    }
  }
`)

export const WorkbenchAssessmentQuery = graphql(`
  query WorkbenchAssessment($id: Int!) {
    assessment(id: $id) {
      ...AssessmentInputsFields
      schemeId
      category
      unitType
      orgId
      org {
        id
        name
      }
      area {
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
      findings {
        ...WorkbenchFindingFields
      }
    }
  }
`)

/** A separate document, so a conflict's refetch does not replace the form under the inspector. */
export const AssessmentCurrentInputsQuery = graphql(`
  query AssessmentCurrentInputs($id: Int!) {
    assessment(id: $id) {
      ...AssessmentInputsFields
    }
  }
`)

export const WorkbenchSchemeQuery = graphql(`
  query WorkbenchScheme($id: Int!) {
    scheme(id: $id) {
      id
      name
      revision
      ...SchemeContentFields
    }
    problemCategories {
      id
      code
      name
      description
    }
  }
`)

export const SaveAssessmentInputsMutation = graphql(`
  mutation SaveAssessmentInputs($assessmentId: Int!, $version: Int!, $inputs: [IndicatorInputValue!]!) {
    saveAssessmentInputs(assessmentId: $assessmentId, version: $version, inputs: $inputs) {
      ... on Assessment {
        ...AssessmentInputsFields
      }
      ...MutationErrorFields
    }
  }
`)

export const SubmitAssessmentMutation = graphql(`
  mutation SubmitAssessment($assessmentId: Int!, $version: Int!) {
    submitAssessment(assessmentId: $assessmentId, version: $version) {
      ... on Assessment {
        ...AssessmentInputsFields
      }
      ...MutationErrorFields
    }
  }
`)

export const CreateFindingMutation = graphql(`
  mutation CreateFinding($assessmentId: Int!, $input: FindingInput!) {
    createFinding(assessmentId: $assessmentId, input: $input) {
      ... on Finding {
        ...WorkbenchFindingFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateFindingMutation = graphql(`
  mutation UpdateFinding($id: Int!, $version: Int!, $input: FindingPatch!) {
    updateFinding(id: $id, version: $version, input: $input) {
      ... on Finding {
        ...WorkbenchFindingFields
      }
      ...MutationErrorFields
    }
  }
`)

export const DeleteFindingMutation = graphql(`
  mutation DeleteFinding($id: Int!, $version: Int!) {
    deleteFinding(id: $id, version: $version) {
      __typename
      ...MutationErrorFields
    }
  }
`)

export const AttachFindingEvidenceMutation = graphql(`
  mutation AttachFindingEvidence($findingId: Int!, $files: [Upload!]!) {
    attachFindingEvidence(findingId: $findingId, files: $files) {
      ... on MutationAttachFindingEvidenceSuccess {
        data {
          id
          originalName
          url
        }
      }
      ...MutationErrorFields
    }
  }
`)

export const LookBackItemsQuery = graphql(`
  query LookBackItems($roundId: Int!, $orgId: Int) {
    lookBackItems(roundId: $roundId, orgId: $orgId) {
      id
      version
      title
      measure
      responsiblePerson
      deadline
      status
      colour
      daysLeft
      carryOverCount
      round {
        id
        name
        year
        quarter
      }
      problemCategory {
        id
        name
      }
    }
  }
`)

export const LookBackVerifyMutation = graphql(`
  mutation LookBackVerify($id: Int!, $roundId: Int!, $version: Int!, $note: String) {
    lookBackVerify(id: $id, roundId: $roundId, version: $version, note: $note) {
      ... on Rectification {
        id
        status
        version
      }
      ...MutationErrorFields
    }
  }
`)

export const CarryOverRectificationMutation = graphql(`
  mutation CarryOverRectification($id: Int!, $roundId: Int!, $version: Int!, $note: String!, $newDeadline: Date) {
    carryOverRectification(id: $id, roundId: $roundId, version: $version, note: $note, newDeadline: $newDeadline) {
      ... on Rectification {
        id
        status
        version
        carryOverCount
        deadline
      }
      ...MutationErrorFields
    }
  }
`)
