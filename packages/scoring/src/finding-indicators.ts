import type { ScoringMethod } from './types'

/**
 * R7: the indicators a finding may be recorded against: every scoring method but BONUS (a bonus is
 * earned, not lost). Only a DEDUCTION indicator's points fall with its findings (R2); on a rating
 * or a quantity the problem is recorded, reconciled and rectified all the same.
 */
export function takesFindings(method: ScoringMethod): boolean {
  return method !== 'BONUS'
}
