import type { Role } from '@/generated/graphql'
import type { FieldRule } from '@/utils/fieldRules'

/** The API's limits on a user's texts (schema/user.ts, auth/password.ts). */
export const USER_LIMITS = { username: 50, displayName: 50, password: 128 } as const

type UserField = 'username' | 'displayName' | 'orgId' | 'password'

/**
 * What the user dialog checks before saving: the username and initial password only when
 * creating (they cannot be edited), the org only for branch users (they act for it).
 */
export function userRules(creating: boolean, role: Role): Partial<Record<UserField, FieldRule>> {
  return {
    ...(creating ? { username: { required: true, max: USER_LIMITS.username } } : {}),
    displayName: { required: true, max: USER_LIMITS.displayName },
    orgId: { required: role === 'BRANCH' },
    ...(creating ? { password: { required: true, max: USER_LIMITS.password } } : {}),
  }
}
