import { graphql } from '@/generated'

/** R13 数据研判 of a round and area: every insight (ADMIN, LEADER). */
export const RoundInsightsQuery = graphql(`
  query RoundInsights($roundId: Int!, $areaId: Int!) {
    roundInsights(roundId: $roundId, areaId: $areaId) {
      ...InsightList
    }
  }
`)

/** The branch's own insights and its category's weak dimensions. */
export const MyRoundInsightsQuery = graphql(`
  query MyRoundInsights($roundId: Int!, $areaId: Int!) {
    myRoundInsights(roundId: $roundId, areaId: $areaId) {
      ...InsightList
    }
  }
`)

export const InsightListFragment = graphql(`
  fragment InsightList on RoundInsights {
    roundId
    areaId
    storedAt
    category
    items {
      kind
      severity
      category
      sentence
      sentenceEn
      orgs {
        id
        name
      }
      problemCategories {
        id
        name
      }
      dimensions {
        id
        name
      }
      teams {
        id
        name
      }
      figures {
        name
        value
      }
      assessmentIds
      findingIds
      rectificationIds
      roundIds
    }
  }
`)

/** The latest published round of an area (the trend's window of one). */
export const LatestPublishedRoundQuery = graphql(`
  query LatestPublishedRound($areaId: Int!) {
    analyticsTrends(areaId: $areaId, rounds: 1) {
      rounds {
        id
        name
        year
        quarter
      }
    }
  }
`)

/** The notice's 问题分析: what it will print, and the text generated from the insights. */
export const NoticeAnalysisQuery = graphql(`
  query NoticeAnalysis($roundId: Int!) {
    noticeAnalysis(roundId: $roundId) {
      paragraphs
      edited
      generated
    }
  }
`)

export const SaveNoticeAnalysisMutation = graphql(`
  mutation SaveNoticeAnalysis($roundId: Int!, $analysis: String!) {
    saveNotice(roundId: $roundId, input: { analysis: $analysis }) {
      ... on Notice {
        id
      }
      ...MutationErrorFields
    }
  }
`)
