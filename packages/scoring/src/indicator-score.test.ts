import { describe, expect, it } from 'vitest'
import { scoreIndicator } from './indicator-score'
import { RATING_LEVELS } from './test-fixtures'
import type {
  FindingInput,
  IndicatorDefinition,
  IndicatorInputValue,
  LossReason,
  UnitType,
} from './types'

const deduction: IndicatorDefinition = {
  id: 1,
  code: 'D',
  name: 'd',
  dimensionId: 1,
  method: 'DEDUCTION',
  maxPoints: '5',
}
const rating: IndicatorDefinition = {
  id: 2,
  code: 'R',
  name: 'r',
  dimensionId: 1,
  method: 'RATING',
  maxPoints: '3.33',
  ratingLevels: RATING_LEVELS,
}
const quantity: IndicatorDefinition = {
  id: 3,
  code: 'Q',
  name: 'q',
  dimensionId: 1,
  method: 'QUANTITY',
  maxPoints: '10',
  target: '3',
}
const bonus: IndicatorDefinition = {
  id: 4,
  code: 'B',
  name: 'b',
  dimensionId: null,
  method: 'BONUS',
  maxPoints: '3',
}

function finding(id: number, amount: string, counts = true, indicatorId = 1): FindingInput {
  return { id, indicatorId, deduction: amount, counts }
}

interface Case {
  name: string
  indicator: IndicatorDefinition
  input?: Omit<IndicatorInputValue, 'indicatorId'>
  findings?: FindingInput[]
  unitType?: UnitType
  points: string
  lost: string
  reason: LossReason | null
  findingIds?: number[]
  applicable?: boolean
}

const cases: Case[] = [
  // DEDUCTION
  {
    name: 'deduction: no findings',
    indicator: deduction,
    points: '5.00',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'deduction: counted findings add up',
    indicator: deduction,
    findings: [finding(1, '0.50'), finding(2, '1')],
    points: '3.50',
    lost: '1.50',
    reason: 'FINDINGS',
    findingIds: [1, 2],
  },
  {
    name: 'deduction: findings that do not count (pending, disputed, withdrawn) are ignored',
    indicator: deduction,
    findings: [finding(1, '0.50'), finding(2, '2', false)],
    points: '4.50',
    lost: '0.50',
    reason: 'FINDINGS',
    findingIds: [1],
  },
  {
    name: 'deduction: findings of other indicators are ignored',
    indicator: deduction,
    findings: [finding(1, '1', true, 99)],
    points: '5.00',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'deduction: more than the max stops at 0',
    indicator: deduction,
    findings: [finding(1, '3'), finding(2, '4')],
    points: '0.00',
    lost: '5.00',
    reason: 'FINDINGS',
    findingIds: [1, 2],
  },
  {
    name: 'deduction: a single deduction larger than the max',
    indicator: deduction,
    findings: [finding(1, '7.50')],
    points: '0.00',
    lost: '5.00',
    reason: 'FINDINGS',
    findingIds: [1],
  },
  {
    name: 'deduction: exactly the max',
    indicator: deduction,
    findings: [finding(1, '2.50'), finding(2, '2.50')],
    points: '0.00',
    lost: '5.00',
    reason: 'FINDINGS',
    findingIds: [1, 2],
  },
  {
    name: 'deduction: zero and negative deductions neither cost nor earn',
    indicator: deduction,
    findings: [finding(1, '0'), finding(2, '-1'), finding(3, '0.25')],
    points: '4.75',
    lost: '0.25',
    reason: 'FINDINGS',
    findingIds: [3],
  },
  {
    name: 'deduction: finer deductions are summed exactly, then rounded once',
    indicator: deduction,
    findings: [finding(1, '0.125'), finding(2, '0.125'), finding(3, '0.01')],
    points: '4.74',
    lost: '0.26',
    reason: 'FINDINGS',
    findingIds: [1, 2, 3],
  },
  {
    name: 'deduction: half a cent rounds half-up',
    indicator: deduction,
    findings: [finding(1, '0.005')],
    points: '5.00',
    lost: '0.00',
    reason: null,
    findingIds: [1],
  },
  // RATING
  {
    name: 'rating: 好 = 100%',
    indicator: rating,
    input: { ratingLevel: '好' },
    points: '3.33',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'rating: 较好 = 80%, 2.664 rounds to 2.66',
    indicator: rating,
    input: { ratingLevel: '较好' },
    points: '2.66',
    lost: '0.67',
    reason: 'RATING',
  },
  {
    name: 'rating: 一般 = 60%, 1.998 rounds to 2.00',
    indicator: rating,
    input: { ratingLevel: '一般' },
    points: '2.00',
    lost: '1.33',
    reason: 'RATING',
  },
  {
    name: 'rating: 差 = 0%',
    indicator: rating,
    input: { ratingLevel: '差' },
    points: '0.00',
    lost: '3.33',
    reason: 'RATING',
  },
  {
    name: 'rating: missing level is not rated',
    indicator: rating,
    points: '0.00',
    lost: '3.33',
    reason: 'NOT_RATED',
  },
  {
    name: 'rating: null level is not rated',
    indicator: rating,
    input: { ratingLevel: null },
    points: '0.00',
    lost: '3.33',
    reason: 'NOT_RATED',
  },
  {
    name: 'rating: unknown level is not rated',
    indicator: rating,
    input: { ratingLevel: '优秀' },
    points: '0.00',
    lost: '3.33',
    reason: 'NOT_RATED',
  },
  {
    name: 'rating: findings do not change a rating',
    indicator: rating,
    input: { ratingLevel: '好' },
    findings: [finding(1, '1', true, 2)],
    points: '3.33',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'rating: a level half-way rounds half-up (3.33 × 50% = 1.665)',
    indicator: { ...rating, ratingLevels: [{ label: '中', percent: '50' }] },
    input: { ratingLevel: '中' },
    points: '1.67',
    lost: '1.66',
    reason: 'RATING',
  },
  // QUANTITY
  {
    name: 'quantity: on target',
    indicator: quantity,
    input: { quantityValue: '3' },
    points: '10.00',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'quantity: over target is capped at max',
    indicator: quantity,
    input: { quantityValue: '7' },
    points: '10.00',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'quantity: 2 of 3 = 6.666… → 6.67',
    indicator: quantity,
    input: { quantityValue: '2' },
    points: '6.67',
    lost: '3.33',
    reason: 'QUANTITY',
  },
  {
    name: 'quantity: 1 of 3 = 3.333… → 3.33',
    indicator: quantity,
    input: { quantityValue: 1 },
    points: '3.33',
    lost: '6.67',
    reason: 'QUANTITY',
  },
  {
    name: 'quantity: trailing zeros are fine (1.500 of 3)',
    indicator: quantity,
    input: { quantityValue: '1.500' },
    points: '5.00',
    lost: '5.00',
    reason: 'QUANTITY',
  },
  {
    name: 'quantity: 0.0015 of 3 = 0.005 → 0.01 (half-up)',
    indicator: quantity,
    input: { quantityValue: '0.0015' },
    points: '0.01',
    lost: '9.99',
    reason: 'QUANTITY',
  },
  {
    name: 'quantity: zero',
    indicator: quantity,
    input: { quantityValue: '0' },
    points: '0.00',
    lost: '10.00',
    reason: 'QUANTITY',
  },
  {
    name: 'quantity: negative counts as zero',
    indicator: quantity,
    input: { quantityValue: '-2' },
    points: '0.00',
    lost: '10.00',
    reason: 'QUANTITY',
  },
  {
    name: 'quantity: missing value is not rated',
    indicator: quantity,
    points: '0.00',
    lost: '10.00',
    reason: 'NOT_RATED',
  },
  {
    name: 'quantity: a scheme without a target cannot be scored',
    indicator: { ...quantity, target: null },
    input: { quantityValue: '3' },
    points: '0.00',
    lost: '10.00',
    reason: 'NOT_RATED',
  },
  // BONUS
  {
    name: 'bonus: within the cap',
    indicator: bonus,
    input: { bonusPoints: '1.5' },
    points: '1.50',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'bonus: over its cap',
    indicator: bonus,
    input: { bonusPoints: '4.25' },
    points: '3.00',
    lost: '0.00',
    reason: null,
  },
  { name: 'bonus: none claimed', indicator: bonus, points: '0.00', lost: '0.00', reason: null },
  {
    name: 'bonus: negative claims count as 0',
    indicator: bonus,
    input: { bonusPoints: '-1' },
    points: '0.00',
    lost: '0.00',
    reason: null,
  },
  // Unit-type restriction
  {
    name: 'restricted to the org’s unit type: applies',
    indicator: { ...bonus, unitTypeRestriction: 'GRASSROOTS' },
    unitType: 'GRASSROOTS',
    input: { bonusPoints: '2' },
    points: '2.00',
    lost: '0.00',
    reason: null,
  },
  {
    name: 'restricted to the other unit type: not applicable, 0',
    indicator: { ...bonus, unitTypeRestriction: 'GRASSROOTS' },
    unitType: 'HEADQUARTERS',
    input: { bonusPoints: '2' },
    points: '0.00',
    lost: '0.00',
    reason: null,
    applicable: false,
  },
  {
    name: 'a restricted deduction indicator ignores findings when not applicable',
    indicator: { ...deduction, unitTypeRestriction: 'HEADQUARTERS' },
    unitType: 'GRASSROOTS',
    findings: [finding(1, '1')],
    points: '0.00',
    lost: '0.00',
    reason: null,
    applicable: false,
  },
]

describe('scoreIndicator', () => {
  it.each(cases)('$name', (c) => {
    const score = scoreIndicator({
      indicator: c.indicator,
      unitType: c.unitType ?? 'GRASSROOTS',
      input: c.input ? { indicatorId: c.indicator.id, ...c.input } : undefined,
      findings: c.findings,
    })
    const { max: _max, ...rest } = score
    expect(rest).toEqual({
      indicatorId: c.indicator.id,
      dimensionId: c.indicator.dimensionId,
      method: c.indicator.method,
      points: c.points,
      lost: c.lost,
      applicable: c.applicable ?? true,
      reason: c.reason,
      findingIds: c.findingIds ?? [],
    })
  })

  it('reports the max with two decimals', () => {
    expect(scoreIndicator({ indicator: rating, unitType: 'GRASSROOTS' }).max).toBe('3.33')
    expect(scoreIndicator({ indicator: quantity, unitType: 'GRASSROOTS' }).max).toBe('10.00')
    expect(
      scoreIndicator({ indicator: { ...bonus, maxPoints: 2.5 }, unitType: 'GRASSROOTS' }).max,
    ).toBe('2.50')
  })
})
