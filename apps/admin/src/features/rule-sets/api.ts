import { graphql } from '@/generated'

export const RuleSetFields = graphql(`
  fragment RuleSetFields on RuleSet {
    year
    stored
    version
    redCategories
    blueLastCategories
    baseThresholdCategories
    baseThreshold
    redPoints
    bluePoints
    thresholdPoints
    quarterlyWeight
    rectificationDays
    warningDays
    annualComponents {
      code
      name
      weight
    }
    updatedAt
  }
`)

export const RuleSetQuery = graphql(`
  query RuleSet($year: Int!) {
    ruleSet(year: $year) {
      ...RuleSetFields
    }
  }
`)

export const SaveRuleSetMutation = graphql(`
  mutation SaveRuleSet($year: Int!, $version: Int!, $input: RuleSetInput!) {
    saveRuleSet(year: $year, version: $version, input: $input) {
      ... on RuleSet {
        ...RuleSetFields
      }
      ...MutationErrorFields
    }
  }
`)
