import { D, decimalToCents, formatCents, toDecimal } from './decimal'
import type { AnnualRollup, AnnualRollupInput } from './types'

/**
 * R10 annual party-building score:
 *
 *   quarterlyMean      = round2( Σ quarterly totals / number of quarters )   (0.00 with no quarters)
 *   quarterlyComponent = round2( quarterlyMean × quarterlyWeight )
 *   componentsTotal    = Σ round2( component points × component weight )
 *   total              = quarterlyComponent + componentsTotal
 *
 * round2 is half-up to two decimals. Every figure is rounded before it is used further, like
 * indicator points, so the published figures add up and can be re-checked by hand from the report.
 * Weights are fractions ("0.40" = 40%).
 *
 * The result names the quarters its mean counted: the figure and the quarters behind it come from
 * one place, so no caller can store one without the other.
 */
export function annualRollup({
  quarterlyTotals,
  quarterlyWeight,
  components,
}: AnnualRollupInput): AnnualRollup {
  let sum = new D(0)
  for (const { total } of quarterlyTotals) sum = sum.plus(toDecimal(total))
  const meanCents =
    quarterlyTotals.length === 0 ? 0 : decimalToCents(sum.div(quarterlyTotals.length))
  const quarterlyCents = decimalToCents(new D(meanCents).div(100).times(toDecimal(quarterlyWeight)))
  let componentsCents = 0
  for (const c of components)
    componentsCents += decimalToCents(toDecimal(c.points).times(toDecimal(c.weight)))
  return {
    quarters: [...new Set(quarterlyTotals.map((t) => t.quarter))].sort((x, y) => x - y),
    quarterlyMean: formatCents(meanCents),
    quarterlyComponent: formatCents(quarterlyCents),
    componentsTotal: formatCents(componentsCents),
    total: formatCents(quarterlyCents + componentsCents),
  }
}
