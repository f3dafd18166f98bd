import { graphql } from '@/generated'

export const InterviewRoundsQuery = graphql(`
  query InterviewRounds {
    rounds {
      id
      name
      year
      quarter
      status
    }
  }
`)

/** The round's own lists (blue marks per area) and its interviews: who must be interviewed, who is done. */
export const RoundInterviewsQuery = graphql(`
  query RoundInterviews($roundId: Int!) {
    assessments(roundId: $roundId) {
      id
      orgId
      areaId
      category
      listMark
      baseScore
      totalScore
      rank
      org {
        id
        name
        sortOrder
      }
      area {
        id
        name
        sortOrder
      }
    }
    interviews(roundId: $roundId) {
      ...InterviewFields
    }
  }
`)

export const InterviewFields = graphql(`
  fragment InterviewFields on Interview {
    id
    version
    orgId
    areaId
    date
    interviewer
    interviewee
    notes
    org {
      id
      name
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
        id
        version
        measure
        responsiblePerson
        deadline
        status
        colour
        daysLeft
      }
    }
  }
`)

export const CreateInterviewMutation = graphql(`
  mutation CreateInterview($roundId: Int!, $orgId: Int!, $areaId: Int!) {
    createInterview(roundId: $roundId, orgId: $orgId, areaId: $areaId) {
      ... on Interview {
        ...InterviewFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateInterviewMutation = graphql(`
  mutation UpdateInterview($id: Int!, $version: Int!, $input: InterviewPatch!) {
    updateInterview(id: $id, version: $version, input: $input) {
      ... on Interview {
        ...InterviewFields
      }
      ...MutationErrorFields
    }
  }
`)

export const AddInterviewItemMutation = graphql(`
  mutation AddInterviewItem($interviewId: Int!, $input: InterviewItemInput!) {
    addInterviewItem(interviewId: $interviewId, input: $input) {
      ... on InterviewItem {
        id
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateInterviewItemMutation = graphql(`
  mutation UpdateInterviewItem($id: Int!, $content: String!) {
    updateInterviewItem(id: $id, content: $content) {
      ... on InterviewItem {
        id
        content
      }
      ...MutationErrorFields
    }
  }
`)

export const RemoveInterviewItemMutation = graphql(`
  mutation RemoveInterviewItem($id: Int!) {
    removeInterviewItem(id: $id) {
      ... on MutationRemoveInterviewItemSuccess {
        data
      }
      ...MutationErrorFields
    }
  }
`)
