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

/**
 * What a scheme says, as the scoring engine reads it (dimensions, indicators, the bonus cap): the
 * scheme editor and the workbench's live score select the same, so both score with the same rules.
 */
export const SchemeContentFields = graphql(`
  fragment SchemeContentFields on Scheme {
    bonusCap
    dimensions {
      id
      code
      name
      maxPoints
      sortOrder
    }
    indicators {
      id
      code
      name
      dimensionId
      method
      maxPoints
      unitTypeRestriction
      ratingLevels {
        label
        percent
      }
      target
      targetUnit
      defaultDeduction
      evaluationStandard
      scoringGuide
      sharedIndicatorId
      sortOrder
    }
  }
`)
