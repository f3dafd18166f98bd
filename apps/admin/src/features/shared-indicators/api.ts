import { graphql } from '@/generated'

export const SharedIndicatorAreasQuery = graphql(`
  query SharedIndicatorAreas {
    areas {
      id
      name
      sortOrder
    }
  }
`)

export const CreateSharedIndicatorMutation = graphql(`
  mutation CreateSharedIndicator($year: Int!, $areaId: Int!, $input: SharedIndicatorInput!) {
    createSharedIndicator(year: $year, areaId: $areaId, input: $input) {
      ... on SharedIndicator {
        id
        code
      }
      ...MutationErrorFields
    }
  }
`)

export const DeleteSharedIndicatorMutation = graphql(`
  mutation DeleteSharedIndicator($id: Int!) {
    deleteSharedIndicator(id: $id) {
      ... on MutationDeleteSharedIndicatorSuccess {
        data
      }
      ...MutationErrorFields
    }
  }
`)
