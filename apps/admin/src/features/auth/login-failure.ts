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
    case 'WRONG_CREDENTIALS': {
      const message = t('auth.badCredentials', {})
      if (refusal.attemptsLeft == null) return message
      // None left: this failure set a lock (the API says when it ends unless another attempt was in flight).
      if (refusal.attemptsLeft === 0) return t('auth.nowLocked', { message })
      return t('auth.attemptsLeft', { message, n: refusal.attemptsLeft })
    }
    case 'BUSY':
      return t('auth.busy', {})
    case 'INACTIVE':
      return t('auth.inactive', {})
    default:
      return refusal.message
  }
}
