import { graphql } from '@/generated'

export const OrgFields = graphql(`
  fragment OrgFields on Organization {
    id
    code
    name
    shortName
    unitType
    parentId
    assessed
    active
    sortOrder
    version
  }
`)

export const OrgsQuery = graphql(`
  query Orgs($includeInactive: Boolean) {
    orgs(includeInactive: $includeInactive) {
      ...OrgFields
    }
  }
`)

export const CategoryBoardQuery = graphql(`
  query CategoryBoard($year: Int!) {
    orgs(assessedOnly: true) {
      id
      code
      name
      shortName
      unitType
      sortOrder
      category(year: $year)
    }
  }
`)

export const CreateOrgMutation = graphql(`
  mutation CreateOrg($input: OrgInput!) {
    createOrg(input: $input) {
      ... on Organization {
        ...OrgFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateOrgMutation = graphql(`
  mutation UpdateOrg($id: Int!, $version: Int!, $input: OrgInput!) {
    updateOrg(id: $id, version: $version, input: $input) {
      ... on Organization {
        ...OrgFields
      }
      ...MutationErrorFields
    }
  }
`)

export const SetCategoryAssignmentsMutation = graphql(`
  mutation SetCategoryAssignments($year: Int!, $items: [CategoryAssignmentItem!]!) {
    setCategoryAssignments(year: $year, items: $items) {
      ... on MutationSetCategoryAssignmentsSuccess {
        data {
          id
          orgId
          category
        }
      }
      ...MutationErrorFields
    }
  }
`)

export const CopyCategoryAssignmentsMutation = graphql(`
  mutation CopyCategoryAssignments($fromYear: Int!, $toYear: Int!) {
    copyCategoryAssignments(fromYear: $fromYear, toYear: $toYear) {
      ... on MutationCopyCategoryAssignmentsSuccess {
        data {
          id
          orgId
          category
        }
      }
      ...MutationErrorFields
    }
  }
`)
