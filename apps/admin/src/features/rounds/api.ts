import { graphql } from '@/generated'

export const RoundsQuery = graphql(`
  query Rounds($year: Int) {
    rounds(year: $year) {
      id
      name
      year
      quarter
      status
      inspectionStart
      inspectionEnd
      startedAt
      publishedAt
      areas {
        area {
          id
          name
        }
      }
    }
  }
`)

export const RoundDetailFields = graphql(`
  fragment RoundDetailFields on InspectionRound {
    id
    name
    year
    quarter
    status
    version
    inspectionStart
    inspectionEnd
    startedAt
    publishedAt
    closedAt
    notice {
      id
      docNo
      title
      issuedBy
      issuedAt
    }
    areas {
      areaId
      area {
        id
        name
      }
    }
    teams {
      id
      name
      members {
        id
        isLeader
        userId
        user {
          id
          displayName
          username
          orgId
          org {
            id
            name
          }
        }
      }
      trainingRecords {
        id
        date
        topic
        hours
        trainer
        notes
      }
    }
    assignments {
      id
      orgId
      teamId
    }
    statusChanges {
      id
      fromStatus
      toStatus
      at
      note
      actor {
        id
        displayName
      }
    }
  }
`)

export const RoundDetailQuery = graphql(`
  query RoundDetail($id: Int!) {
    round(id: $id) {
      ...RoundDetailFields
    }
    orgs(assessedOnly: true) {
      id
      name
      shortName
      code
      unitType
      sortOrder
    }
  }
`)

export const CreateRoundMutation = graphql(`
  mutation CreateRound($input: CreateRoundInput!) {
    createRound(input: $input) {
      ... on InspectionRound {
        id
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateRoundMutation = graphql(`
  mutation UpdateRound($id: Int!, $version: Int!, $input: UpdateRoundInput!) {
    updateRound(id: $id, version: $version, input: $input) {
      ... on InspectionRound {
        ...RoundDetailFields
      }
      ...MutationErrorFields
    }
  }
`)

export const DeleteRoundMutation = graphql(`
  mutation DeleteRound($id: Int!) {
    deleteRound(id: $id) {
      __typename
      ...MutationErrorFields
    }
  }
`)

export const TransitionRoundMutation = graphql(`
  mutation TransitionRound($id: Int!, $to: RoundStatus!, $note: String) {
    transitionRound(id: $id, to: $to, note: $note) {
      ... on InspectionRound {
        ...RoundDetailFields
      }
      ...MutationErrorFields
    }
  }
`)

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($roundId: Int!, $name: String!) {
    createTeam(roundId: $roundId, name: $name) {
      ... on InspectionTeam {
        id
      }
      ...MutationErrorFields
    }
  }
`)

export const RenameTeamMutation = graphql(`
  mutation RenameTeam($teamId: Int!, $name: String!) {
    renameTeam(teamId: $teamId, name: $name) {
      ... on InspectionTeam {
        id
        name
      }
      ...MutationErrorFields
    }
  }
`)

export const DeleteTeamMutation = graphql(`
  mutation DeleteTeam($teamId: Int!) {
    deleteTeam(teamId: $teamId) {
      __typename
      ...MutationErrorFields
    }
  }
`)

export const AddTeamMemberMutation = graphql(`
  mutation AddTeamMember($teamId: Int!, $userId: Int!, $isLeader: Boolean) {
    addTeamMember(teamId: $teamId, userId: $userId, isLeader: $isLeader) {
      ... on InspectionTeam {
        id
      }
      ...MutationErrorFields
    }
  }
`)

export const RemoveTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($teamId: Int!, $userId: Int!) {
    removeTeamMember(teamId: $teamId, userId: $userId) {
      ... on InspectionTeam {
        id
      }
      ...MutationErrorFields
    }
  }
`)

export const AddTrainingRecordMutation = graphql(`
  mutation AddTrainingRecord($input: TrainingRecordInput!) {
    addTrainingRecord(input: $input) {
      __typename
      ...MutationErrorFields
    }
  }
`)

export const DeleteTrainingRecordMutation = graphql(`
  mutation DeleteTrainingRecord($id: Int!) {
    deleteTrainingRecord(id: $id) {
      __typename
      ...MutationErrorFields
    }
  }
`)

export const AssignTeamMutation = graphql(`
  mutation AssignTeam($roundId: Int!, $orgId: Int!, $teamId: Int!) {
    assignTeam(roundId: $roundId, orgId: $orgId, teamId: $teamId) {
      ... on TeamAssignment {
        id
        orgId
        teamId
      }
      ...MutationErrorFields
    }
  }
`)

export const UnassignTeamMutation = graphql(`
  mutation UnassignTeam($roundId: Int!, $orgId: Int!) {
    unassignTeam(roundId: $roundId, orgId: $orgId) {
      __typename
      ...MutationErrorFields
    }
  }
`)

export const PublishRoundMutation = graphql(`
  mutation PublishRound($id: Int!, $input: PublishRoundInput) {
    publishRound(id: $id, input: $input) {
      ... on InspectionRound {
        ...RoundDetailFields
      }
      ...MutationErrorFields
    }
  }
`)
