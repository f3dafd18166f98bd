/**
 * What the sign-in page says after a refused login: when a lock ends (China time) and, after
 * a wrong password, how many attempts are left before one — so nobody meets a lock unannounced.
 */
import { chinaTime } from '@/utils/chinaTime'

type Translate = (key: string, values: Record<string, unknown>) => string

export interface LoginRefusal {
  message: string
  retryAfterSeconds?: number | null
  attemptsLeft?: number | null
}


export function loginFailureText(t: Translate, refusal: LoginRefusal, now = new Date()): string {
  if (refusal.retryAfterSeconds) {
    const until = new Date(now.getTime() + refusal.retryAfterSeconds * 1000)
    return t('auth.lockedUntil', {
      time: chinaTime(until),
      minutes: Math.ceil(refusal.retryAfterSeconds / 60),
    })
  }
  // Attempts are counted after a wrong password only: said in the page's language, not the API's.
  if (refusal.attemptsLeft != null) {
    return t('auth.attemptsLeft', { message: t('auth.badCredentials', {}), n: refusal.attemptsLeft })
  }
  return refusal.message
}
