import { graphql } from '@/generated'

/** Areas and the rounds whose results are published: the dashboard's pickers. */
export const DashboardOptionsQuery = graphql(`
  query DashboardOptions {
    areas {
      id
      name
      sortOrder
    }
    rounds {
      id
      name
      year
      quarter
      status
      publishedAt
      areas {
        areaId
      }
    }
  }
`)

export const HeadlineQuery = graphql(`
  query DashboardHeadline($areaId: Int, $period: AnalyticsPeriodInput) {
    analyticsHeadline(areaId: $areaId, period: $period) {
      roundsHeld
      feedbackForms
      findings
      problemCategories
      orgsAssessed
      rectifications
      closedRectifications
      closeOutRate
      overdueRectifications
    }
  }
`)

export const CategoryRankingQuery = graphql(`
  query DashboardCategoryRanking($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
    categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) {
      roundId
      areaId
      category
      previousRound {
        id
        name
        year
        quarter
      }
      # Columns rather than rows: a category of a provincial company lists a thousand orgs, and a
      # list per field costs 40 % of the bytes of a thousand row objects (rankingRows zips them).
      table {
        assessmentIds
        orgNames
        ranks
        bases
        bonuses
        totals
        listMarks
        rankChanges
        totalChanges
        findingCounts
        openRectifications
      }
    }
  }
`)

export const TrendsQuery = graphql(`
  query DashboardTrends($areaId: Int!, $category: OrgCategory, $untilRoundId: Int, $rounds: Int) {
    analyticsTrends(areaId: $areaId, category: $category, untilRoundId: $untilRoundId, rounds: $rounds) {
      rounds {
        id
        name
        year
        quarter
      }
      orgs {
        orgId
        org {
          id
          name
          shortName
        }
        totals
      }
      categoryAverages {
        category
        totals
        dimensions {
          code
          name
          points
          lost
        }
      }
      findingCounts {
        problemCategoryId
        problemCategory {
          id
          name
        }
        counts
        total
      }
      closeOutRates {
        roundId
        total
        closed
        rate
      }
    }
  }
`)

export const LostPointsMatrixQuery = graphql(`
  query DashboardLostPointsMatrix($roundId: Int!, $areaId: Int!, $category: OrgCategory) {
    lostPointsMatrix(roundId: $roundId, areaId: $areaId, category: $category) {
      columns {
        code
        name
        averageLost
      }
      rows {
        assessmentId
        orgId
        org {
          id
          name
          shortName
        }
        category
        lost
        totalLost
      }
    }
  }
`)

export const ParetoQuery = graphql(`
  query DashboardPareto($areaId: Int, $category: OrgCategory, $untilRoundId: Int, $rounds: Int) {
    problemCategoryPareto(areaId: $areaId, category: $category, untilRoundId: $untilRoundId, rounds: $rounds) {
      totalFindings
      entries {
        problemCategoryId
        problemCategory {
          id
          name
        }
        count
        cumulativeShare
      }
    }
  }
`)

/** 屡查屡犯: orgs that keep getting findings of the same problem category. */
export const RepeatFindingsQuery = graphql(`
  query DashboardRepeatFindings($areaId: Int, $untilRoundId: Int, $rounds: Int, $limit: Int) {
    repeatFindings(areaId: $areaId, untilRoundId: $untilRoundId, rounds: $rounds, limit: $limit) {
      totalFindings
      repeatFindings
      repeatShare
      groups {
        orgId
        org {
          id
          name
        }
        problemCategoryId
        problemCategory {
          id
          name
        }
        repeatCount
        roundIds
      }
    }
  }
`)
