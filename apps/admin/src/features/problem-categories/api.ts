import { graphql } from '@/generated'

export const ProblemCategoryFields = graphql(`
  fragment ProblemCategoryFields on ProblemCategory {
    id
    code
    name
    description
    sortOrder
    active
    version
  }
`)

export const ProblemCategoriesQuery = graphql(`
  query ProblemCategories($includeInactive: Boolean) {
    problemCategories(includeInactive: $includeInactive) {
      ...ProblemCategoryFields
    }
  }
`)

export const CreateProblemCategoryMutation = graphql(`
  mutation CreateProblemCategory($input: ProblemCategoryInput!) {
    createProblemCategory(input: $input) {
      ... on ProblemCategory {
        ...ProblemCategoryFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateProblemCategoryMutation = graphql(`
  mutation UpdateProblemCategory($id: Int!, $version: Int!, $input: ProblemCategoryInput!) {
    updateProblemCategory(id: $id, version: $version, input: $input) {
      ... on ProblemCategory {
        ...ProblemCategoryFields
      }
      ...MutationErrorFields
    }
  }
`)
