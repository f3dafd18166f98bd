import { daysBetween } from './china-time'
import type { RectificationWarning, RectificationWarningInput } from './types'

/** R8 default: yellow from seven days before the deadline. */
const DEFAULT_WARNING_DAYS = 7

/**
 * Warning colour of a rectification item (R8). A deadline runs to the end of its China day, so on
 * the deadline day itself 0 days are left and the item is yellow, not yet overdue:
 *   daysLeft > warningDays → GREEN, 0 ≤ daysLeft ≤ warningDays → YELLOW, daysLeft < 0 → RED.
 * A verified (closed) item is CLOSED and never overdue, whatever its deadline; daysLeft is still
 * reported for the ledger.
 */
export function rectificationWarning({
  deadline,
  today,
  closed,
  warningDays = DEFAULT_WARNING_DAYS,
}: RectificationWarningInput): RectificationWarning {
  const daysLeft = daysBetween(today, deadline)
  if (closed) return { colour: 'CLOSED', overdue: false, daysLeft }
  if (daysLeft < 0) return { colour: 'RED', overdue: true, daysLeft }
  return { colour: daysLeft > warningDays ? 'GREEN' : 'YELLOW', overdue: false, daysLeft }
}
