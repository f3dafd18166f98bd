import { graphql } from '@/generated'

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    role
    orgId
    org {
      id
      name
    }
    active
    mustChangePassword
    version
  }
`)

export const UsersQuery = graphql(`
  query Users($role: Role, $search: String) {
    users(role: $role, search: $search) {
      ...UserFields
    }
  }
`)

export const OrgOptionsQuery = graphql(`
  query OrgOptions {
    orgs {
      id
      name
      parentId
      sortOrder
    }
  }
`)

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ... on User {
        ...UserFields
      }
      ...MutationErrorFields
    }
  }
`)

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: Int!, $version: Int!, $input: UpdateUserInput!) {
    updateUser(id: $id, version: $version, input: $input) {
      ... on User {
        ...UserFields
      }
      ...MutationErrorFields
    }
  }
`)

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: Int!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      ... on User {
        ...UserFields
      }
      ...MutationErrorFields
    }
  }
`)
