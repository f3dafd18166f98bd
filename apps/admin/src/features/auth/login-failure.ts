/**
 * What the sign-in page says after a refused login, in the page's language (the API words its
 * refusals in Chinese): when a lock ends (China time) and, after a wrong password, how many
 * attempts are left before one — so nobody meets a lock unannounced.
 */
import type { AuthenticationReason } from '@/generated/graphql'
import { chinaTime } from '@/utils/chinaTime'

type Translate = (key: string, values: Record<string, unknown>) => string

export interface LoginRefusal {
  message: string
  reason?: AuthenticationReason | null
  retryAfterSeconds?: number | null
  attemptsLeft?: number | null
}

export function loginFailureText(t: Translate, refusal: LoginRefusal, now = new Date()): string {
  switch (refusal.reason) {
    case 'LOCKED': {
      const seconds = refusal.retryAfterSeconds ?? 0
      const until = new Date(now.getTime() + seconds * 1000)
      return t('auth.lockedUntil', { time: chinaTime(until), minutes: Math.max(1, Math.ceil(seconds / 60)) })
    }
    case 'WRONG_CREDENTIALS':
      return refusal.attemptsLeft != null
        ? t('auth.attemptsLeft', { message: t('auth.badCredentials', {}), n: refusal.attemptsLeft })
        : t('auth.badCredentials', {})
    case 'BUSY':
      return t('auth.busy', {})
    case 'INACTIVE':
      return t('auth.inactive', {})
    default:
      return refusal.message
  }
}
