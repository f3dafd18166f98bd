import { graphql } from '@/generated'

/** 年度考评 (R10): the year's rules, entered components and computed results. */
export const AnnualQuery = graphql(`
  query Annual($year: Int!) {
    ruleSet(year: $year) {
      year
      quarterlyWeight
      annualComponents {
        code
        name
        weight
      }
    }
    annualComponentScores(year: $year) {
      id
      orgId
      code
      points
      version
    }
    annualResults(year: $year) {
      id
      orgId
      quarterlyMean
      quarterlyComponent
      componentsTotal
      total
      quarters
      quarterCount
      computedAt
    }
    orgs(assessedOnly: true) {
      id
      name
      sortOrder
      category(year: $year)
    }
    areas {
      id
      name
      sortOrder
    }
    rounds(year: $year) {
      id
      name
      quarter
      status
    }
  }
`)

/** One published quarter's totals of an area (which quarters counted for an org). */
export const AnnualQuarterQuery = graphql(`
  query AnnualQuarter($roundId: Int!, $areaId: Int!) {
    assessments(roundId: $roundId, areaId: $areaId) {
      id
      orgId
      totalScore
    }
  }
`)

export const SetAnnualComponentScoreMutation = graphql(`
  mutation SetAnnualComponentScore($year: Int!, $orgId: Int!, $code: String!, $points: Decimal!, $version: Int) {
    setAnnualComponentScore(year: $year, orgId: $orgId, code: $code, points: $points, version: $version) {
      ... on AnnualComponentScore {
        id
        orgId
        code
        points
        version
      }
      ...MutationErrorFields
    }
  }
`)

export const ComputeAnnualResultsMutation = graphql(`
  mutation ComputeAnnualResults($year: Int!, $areaId: Int) {
    computeAnnualResults(year: $year, areaId: $areaId) {
      ... on MutationComputeAnnualResultsSuccess {
        data {
          id
          orgId
          total
        }
      }
      ...MutationErrorFields
    }
  }
`)

export const AnnualYearsQuery = graphql(`
  query AnnualYears {
    rounds {
      id
      year
      status
    }
  }
`)
