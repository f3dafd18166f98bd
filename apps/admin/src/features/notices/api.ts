import { graphql } from '@/generated'

export const NoticeRoundsQuery = graphql(`
  query NoticeRounds {
    rounds {
      id
      name
      year
      quarter
      status
      publishedAt
      notice {
        id
        docNo
        title
        issuedBy
        issuedAt
      }
    }
  }
`)

export const SaveNoticeMutation = graphql(`
  mutation SaveNotice($roundId: Int!, $input: NoticeInput!) {
    saveNotice(roundId: $roundId, input: $input) {
      ... on Notice {
        id
        docNo
        title
        issuedBy
        issuedAt
      }
      ...MutationErrorFields
    }
  }
`)
