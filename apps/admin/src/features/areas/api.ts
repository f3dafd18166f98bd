import { graphql } from '@/generated'

export const AreasQuery = graphql(`
  query ConfigAreas {
    areas {
      id
      code
      name
      sortOrder
    }
  }
`)

export const CreateAreaMutation = graphql(`
  mutation CreateArea($input: AreaInput!) {
    createArea(input: $input) {
      ... on Area {
        id
        code
        name
        sortOrder
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateAreaMutation = graphql(`
  mutation UpdateArea($id: Int!, $input: AreaInput!) {
    updateArea(id: $id, input: $input) {
      ... on Area {
        id
        code
        name
        sortOrder
      }
      ...MutationErrorFields
    }
  }
`)
