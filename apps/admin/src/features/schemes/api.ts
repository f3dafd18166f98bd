import { graphql } from '@/generated'

export const AreasQuery = graphql(`
  query Areas {
    areas {
      id
      code
      name
      sortOrder
    }
  }
`)

export const SchemeListFields = graphql(`
  fragment SchemeListFields on Scheme {
    id
    year
    areaId
    category
    revision
    name
    status
    version
    publishedAt
    previousRevisionId
    clonedFromId
  }
`)

/** Every revision for one (year, area, category). */
export const SchemeRevisionsQuery = graphql(`
  query SchemeRevisions($year: Int!, $areaId: Int!, $category: OrgCategory!) {
    schemes(year: $year, areaId: $areaId, category: $category) {
      ...SchemeListFields
    }
  }
`)

/** Last year's published schemes of the slot, to clone from. */
export const PublishedSchemesQuery = graphql(`
  query PublishedSchemes($year: Int!, $areaId: Int!, $category: OrgCategory!) {
    schemes(year: $year, areaId: $areaId, category: $category, status: PUBLISHED) {
      ...SchemeListFields
    }
  }
`)

export const SchemeDocumentFields = graphql(`
  fragment SchemeDocumentFields on Scheme {
    ...SchemeListFields
    ...SchemeContentFields
  }
`)

export const SchemeQuery = graphql(`
  query Scheme($id: Int!) {
    scheme(id: $id) {
      ...SchemeDocumentFields
    }
  }
`)

export const SchemeDiffQuery = graphql(`
  query SchemeDiff($fromId: Int!, $toId: Int!) {
    schemeDiff(fromId: $fromId, toId: $toId) {
      changes {
        entity
        kind
        code
        name
        fields {
          field
          before
          after
        }
      }
    }
  }
`)

export const CreateSchemeMutation = graphql(`
  mutation CreateScheme($input: CreateSchemeInput!) {
    createScheme(input: $input) {
      ... on Scheme {
        ...SchemeListFields
      }
      ...MutationErrorFields
    }
  }
`)

export const CloneSchemeMutation = graphql(`
  mutation CloneScheme($sourceId: Int!, $year: Int!, $category: OrgCategory!) {
    cloneScheme(sourceId: $sourceId, year: $year, category: $category) {
      ... on Scheme {
        ...SchemeListFields
      }
      ...MutationErrorFields
    }
  }
`)

export const ReviseSchemeMutation = graphql(`
  mutation ReviseScheme($id: Int!) {
    reviseScheme(id: $id) {
      ... on Scheme {
        ...SchemeListFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateSchemeDraftMutation = graphql(`
  mutation UpdateSchemeDraft($id: Int!, $version: Int!, $input: SchemeDraftInput!) {
    updateSchemeDraft(id: $id, version: $version, input: $input) {
      ... on Scheme {
        ...SchemeDocumentFields
      }
      ...MutationErrorFields
    }
  }
`)

export const PublishSchemeMutation = graphql(`
  mutation PublishScheme($id: Int!, $version: Int!) {
    publishScheme(id: $id, version: $version) {
      ... on Scheme {
        ...SchemeListFields
      }
      ...MutationErrorFields
    }
  }
`)

export const SharedIndicatorsQuery = graphql(`
  query SharedIndicators($year: Int!, $areaId: Int) {
    sharedIndicators(year: $year, areaId: $areaId) {
      id
      version
      code
      name
      method
      evaluationStandard
      scoringGuide
      ratingLevels {
        label
        percent
      }
      linkedIndicators {
        id
        schemeId
      }
    }
  }
`)

export const UpdateSharedIndicatorMutation = graphql(`
  mutation UpdateSharedIndicator($id: Int!, $version: Int!, $input: SharedIndicatorInput!) {
    updateSharedIndicator(id: $id, version: $version, input: $input) {
      ... on SharedIndicator {
        id
        version
      }
      ...MutationErrorFields
    }
  }
`)
