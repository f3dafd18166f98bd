import { i18n } from '@/plugins/i18n'
import { chinaDay, chinaTime } from './chinaTime'

/**
 * The one way dates and quarters are written, per language. Dates are calendar days in China
 * (DOMAIN.md, "Time"): a timestamp is first read as its day in Asia/Shanghai, whatever the
 * browser's zone; a "YYYY-MM-DD" from the API already is one.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

type Locale = 'zh-CN' | 'en-US'
const current = (): Locale => (i18n.global.locale.value === 'en-US' ? 'en-US' : 'zh-CN')

function dayOf(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  return chinaDay(typeof value === 'string' ? new Date(value) : value)
}

/** 2026-11-16 in Chinese, 16 Nov 2026 in English. */
export function formatDate(value: string | Date | null | undefined, locale: Locale = current()): string {
  if (!value) return ''
  const [y, m, d] = dayOf(value).split('-')
  return locale === 'en-US' ? `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}` : `${y}-${m}-${d}`
}

/** The date and the time of day in China: 2026-11-16 09:05. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale = current()): string {
  if (!value) return ''
  const at = typeof value === 'string' ? new Date(value) : value
  return `${formatDate(at, locale)} ${chinaTime(at)}`
}

const CJK = /[\u3400-\u9fff]/

/**
 * A round as people read it. Its name is data an administrator typed, in Chinese
 * (2026年第4季度党建工作督导检查): Chinese readers get it as typed; English readers get the round's
 * quarter through the one quarter format (Q4 2026 inspection round), unless the name was typed in
 * English already.
 */
export function formatRound(round: { name: string; year: number; quarter: number }, locale: Locale = current()): string {
  if (locale !== 'en-US' || !CJK.test(round.name)) return round.name
  return `${formatQuarter(round.year, round.quarter, 'en-US')} inspection round`
}

/** 2026年第4季度 in Chinese (Arabic numerals, never 第四季度), Q4 2026 in English. */
export function formatQuarter(year: number, quarter: number, locale: Locale = current()): string {
  return locale === 'en-US' ? `Q${quarter} ${year}` : `${year}年第${quarter}季度`
}
