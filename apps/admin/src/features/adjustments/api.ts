import { graphql } from '@/generated'

/** 月度绩效加减分 (R5): created at publication, read here for payroll. */
export const AdjustmentsQuery = graphql(`
  query PerformanceAdjustments($month: String, $roundId: Int) {
    performanceAdjustments(month: $month, roundId: $roundId) {
      id
      month
      category
      reason
      points
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
      org {
        id
        name
        sortOrder
      }
    }
  }
`)

export const AdjustmentRoundsQuery = graphql(`
  query AdjustmentRounds {
    rounds {
      id
      name
      year
      quarter
      status
      publishedAt
    }
  }
`)
