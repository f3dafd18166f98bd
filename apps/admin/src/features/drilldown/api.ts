import { graphql } from '@/generated'

/**
 * One published assessment from the dimensions down to each finding's rectification: one request
 * serves every level of the drill-down, so moving between levels is instant.
 */
export const AssessmentDrilldownQuery = graphql(`
  query AssessmentDrilldown($assessmentId: Int!) {
    assessmentDrilldown(assessmentId: $assessmentId) {
      assessmentId
      roundId
      areaId
      orgId
      org {
        id
        name
      }
      assessment {
        id
        round {
          id
          name
          year
          quarter
        }
        area {
          id
          name
        }
      }
      category
      unitType
      rank
      listMark
      base
      bonus
      total
      baseMax
      lost
      dimensions {
        dimensionId
        code
        name
        max
        points
        lost
        categoryAveragePoints
        categoryAverageLost
        categoryCount
      }
      indicators {
        indicatorId
        dimensionId
        code
        name
        method
        max
        points
        lost
        applicable
        reason
        ratingLevel
        quantityValue
        target
        targetUnit
        bonusPoints
        note
        evaluationStandard
        scoringGuide
        findingIds
        findings {
          id
          description
          checkMethod
          deduction
          isRepeat
          reconciliationStatus
          problemCategory {
            id
            name
          }
          evidence {
            id
            originalName
            url
          }
        }
        rectifications {
          findingId
          ...RectificationFields
        }
      }
    }
  }
`)

/** A trend point names an org and a round; the drill-down needs that org's assessment there. */
export const LocateAssessmentQuery = graphql(`
  query LocateAssessment($roundId: Int!, $orgId: Int!, $areaId: Int) {
    assessments(roundId: $roundId, orgId: $orgId, areaId: $areaId) {
      id
    }
  }
`)
