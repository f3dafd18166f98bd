import type { UnitType } from './types'

/**
 * R1: an indicator restricted to one unit type (contribution degree → GRASSROOTS, integration
 * degree → HEADQUARTERS) applies only to orgs of that type; unrestricted ones apply to all.
 */
export function indicatorApplies(
  restriction: UnitType | null | undefined,
  unitType: UnitType,
): boolean {
  return restriction == null || restriction === unitType
}
