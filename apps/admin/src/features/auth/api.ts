import type { Client } from '@urql/core'
import { graphql } from '@/generated'
import type { SessionUser } from '@/store/session'
import type { SessionUserFieldsFragment } from '@/generated/graphql'
import { takeEarlySession } from './early-session'

export const SessionUserFields = graphql(`
  fragment SessionUserFields on User {
    id
    username
    displayName
    role
    orgId
    org {
      id
      name
    }
    mustChangePassword
  }
`)

export const MeQuery = graphql(`
  query Me {
    me {
      ...SessionUserFields
    }
  }
`)

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on User {
        ...SessionUserFields
      }
      ... on AuthenticationError {
        message
        reason
        retryAfterSeconds
        attemptsLeft
      }
      ... on AppError {
        message
      }
    }
  }
`)

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`)

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on User {
        ...SessionUserFields
      }
      ... on ValidationError {
        message
        problems {
          path
          message
        }
      }
      ... on AppError {
        message
      }
    }
  }
`)

export function toSessionUser(user: SessionUserFieldsFragment): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: user.orgId ?? null,
    orgName: user.org?.name ?? null,
    mustChangePassword: user.mustChangePassword,
  }
}

/** The signed-in user, or null when there is no valid session. */
export async function loadCurrentUser(client: Client): Promise<SessionUser | null> {
  // The signed-in index.html has usually asked already, while the scripts downloaded.
  const early = await takeEarlySession()
  if (early !== undefined) return early ? toSessionUser(early) : null
  const result = await client
    .query(MeQuery, {}, { requestPolicy: 'network-only', silent: true })
    .toPromise()
  // No session, or the API unreachable: either way the user starts at sign-in.
  if (result.error) return null
  return result.data?.me ? toSessionUser(result.data.me) : null
}
