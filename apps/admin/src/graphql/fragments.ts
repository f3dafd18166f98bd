import { graphql } from '@/generated'

/** Every mutation selects this on its result union, so failures read the same everywhere. */
export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on AppError {
    __typename
    code
    message
    ... on ValidationError {
      problems {
        path
        message
        code
      }
    }
    ... on ConflictError {
      currentVersion
      current
    }
    ... on AuthenticationError {
      retryAfterSeconds
    }
  }
`)
