import type { UnitType } from '@redblue/db'
import { indicatorApplies } from '@redblue/scoring'
import type { FieldProblem } from '../../errors'

/**
 * An indicator that does not apply to the org's unit type (R1, indicatorApplies) never counts, so
 * a value for it is refused rather than stored beside a 0 (the workbench shows it as 不适用).
 */
export function appliesTo(
  indicator: { unitTypeRestriction: UnitType | null },
  unitType: UnitType,
): boolean {
  return indicatorApplies(indicator.unitTypeRestriction, unitType)
}

/** Whether an input change sets anything (a change of only nulls clears, which is always fine). */
export function carriesValue(change: {
  ratingLevel?: string | null
  quantityValue?: unknown
  bonusPoints?: unknown
}): boolean {
  const set = (v: unknown) => v !== null && v !== undefined && v !== ''
  return set(change.ratingLevel) || set(change.quantityValue) || set(change.bonusPoints)
}

const UNIT_TYPE_LABEL: Record<UnitType, string> = { GRASSROOTS: '基层单位', HEADQUARTERS: '本部' }

export function notApplicable(path: string[], indicatorName: string, unitType: UnitType): FieldProblem {
  return {
    path: [...path, 'indicatorId'],
    message: `“${indicatorName}”不适用于${UNIT_TYPE_LABEL[unitType]}党组织，不能录入`,
    code: 'NOT_APPLICABLE',
  }
}
