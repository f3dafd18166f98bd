import type { Role } from '@/app/roles'
import type { RectificationStatus } from '@/generated/graphql'

/** Who may verify or return an item (the API's authScopes on verify/returnRectification). */
export const REVIEWER_ROLES: readonly Role[] = ['ADMIN', 'INSPECTOR']
export const MAX_REVIEW_TEXT = 2000

/**
 * Only a submission waits for a verdict (R8). An inspector not on the org's team still sees the
 * buttons; the API refuses them and says why.
 */
export function canReview(role: Role | null, status: RectificationStatus): boolean {
  return role !== null && REVIEWER_ROLES.includes(role) && status === 'SUBMITTED'
}

/** A return needs its reason: the org has to know what to fix. Answers an i18n key, or null. */
export function returnReasonProblem(reason: string): { key: string; values?: Record<string, unknown> } | null {
  const text = reason.trim()
  if (!text) return { key: 'rectification.review.reasonRequired' }
  if (text.length > MAX_REVIEW_TEXT) return { key: 'rectification.progressTooLong', values: { n: MAX_REVIEW_TEXT } }
  return null
}
