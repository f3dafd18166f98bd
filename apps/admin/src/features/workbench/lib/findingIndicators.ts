import { takesFindings, type ScoringMethod } from '@redblue/scoring'

/**
 * The indicators the finding dialog offers: every one a finding may be recorded against (R7, the
 * engine's `takesFindings`), the same ones whose rows have a "record a finding" button.
 */
export function findingIndicators<T extends { method: ScoringMethod }>(indicators: readonly T[]): T[] {
  return indicators.filter((indicator) => takesFindings(indicator.method))
}
