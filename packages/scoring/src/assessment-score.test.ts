import { describe, expect, it } from 'vitest'
import { prepareScheme, scoreAssessment } from './assessment-score'
import { compareScores, sumScores } from './decimal'
import { RATING_LEVELS, sampleScheme, seededRandom } from './test-fixtures'
import type { AssessmentInput, FindingInput, IndicatorInputValue, UnitType } from './types'

const scheme = sampleScheme()

/** Full marks everywhere: every RATING 好, every QUANTITY on target, no findings, no bonus. */
function perfectInputs(): IndicatorInputValue[] {
  return scheme.indicators.flatMap((i): IndicatorInputValue[] => {
    if (i.method === 'RATING') return [{ indicatorId: i.id, ratingLevel: '好' }]
    if (i.method === 'QUANTITY') return [{ indicatorId: i.id, quantityValue: '4' }]
    return []
  })
}

function assess(partial: Partial<AssessmentInput> = {}): ReturnType<typeof scoreAssessment> {
  return scoreAssessment(scheme, {
    unitType: 'GRASSROOTS',
    inputs: perfectInputs(),
    findings: [],
    ...partial,
  })
}

describe('scoreAssessment', () => {
  it('gives a perfect assessment 100 with nothing lost', () => {
    const score = assess()
    expect(score).toMatchObject({
      base: '100.00',
      baseMax: '100.00',
      bonusRaw: '0.00',
      bonus: '0.00',
      total: '100.00',
    })
    expect(score.lostPoints).toEqual([])
    expect(score.dimensions.map((d) => d.max)).toEqual([
      '15.00',
      '15.00',
      '15.00',
      '10.00',
      '10.00',
      '10.00',
      '10.00',
      '15.00',
    ])
  })

  it('gives an empty assessment 0 plus its deduction indicators, all else NOT_RATED', () => {
    const score = assess({ inputs: [] })
    // DEDUCTION maxima with no findings: 10 + 7.5 + 7.5 + 10 + 6.67 + 4 + 6 + 3 + 3 + 3
    expect(score.base).toBe('60.67')
    expect(new Set(score.lostPoints.map((l) => l.reason))).toEqual(new Set(['NOT_RATED']))
  })

  it('records which findings caused each loss, per indicator and dimension', () => {
    const findings: FindingInput[] = [
      { id: 'f1', indicatorId: 101, deduction: '1.00', counts: true },
      { id: 'f2', indicatorId: 101, deduction: '0.50', counts: true },
      { id: 'f3', indicatorId: 101, deduction: '5.00', counts: false },
      { id: 'f4', indicatorId: 113, deduction: '9.00', counts: true }, // more than the indicator's 6
      { id: 'f5', indicatorId: 999, deduction: '1.00', counts: true }, // not in this scheme
    ]
    const score = assess({ findings })
    expect(score.lostPoints).toEqual([
      {
        indicatorId: 101,
        dimensionId: 1,
        lost: '1.50',
        reason: 'FINDINGS',
        findingIds: ['f1', 'f2'],
      },
      { indicatorId: 113, dimensionId: 7, lost: '6.00', reason: 'FINDINGS', findingIds: ['f4'] },
    ])
    expect(score.base).toBe('92.50')
    expect(score.dimensions[0]).toEqual({
      dimensionId: 1,
      max: '15.00',
      points: '13.50',
      lost: '1.50',
    })
    expect(score.dimensions[6]).toEqual({
      dimensionId: 7,
      max: '10.00',
      points: '4.00',
      lost: '6.00',
    })
  })

  it.each<
    [string, UnitType, Record<number, string>, { bonusRaw: string; bonus: string; total: string }]
  >([
    [
      'bonus within every cap',
      'GRASSROOTS',
      { 901: '1', 903: '1.5' },
      { bonusRaw: '2.50', bonus: '2.50', total: '102.50' },
    ],
    [
      'bonus over its indicator cap',
      'GRASSROOTS',
      { 901: '4.5' },
      { bonusRaw: '3.00', bonus: '3.00', total: '103.00' },
    ],
    [
      'bonus over the scheme cap',
      'GRASSROOTS',
      { 901: '3', 903: '2', 904: '2' },
      { bonusRaw: '7.00', bonus: '5.00', total: '105.00' },
    ],
    [
      'exactly the scheme cap',
      'GRASSROOTS',
      { 901: '3', 903: '2' },
      { bonusRaw: '5.00', bonus: '5.00', total: '105.00' },
    ],
    [
      'contribution degree does not apply to head-office branches',
      'HEADQUARTERS',
      { 901: '3', 902: '1' },
      { bonusRaw: '1.00', bonus: '1.00', total: '101.00' },
    ],
    [
      'integration degree does not apply to grassroots branches',
      'GRASSROOTS',
      { 901: '1', 902: '3' },
      { bonusRaw: '1.00', bonus: '1.00', total: '101.00' },
    ],
  ])('%s', (_name, unitType, claims, expected) => {
    const inputs = [
      ...perfectInputs(),
      ...Object.entries(claims).map(([id, bonusPoints]) => ({
        indicatorId: Number(id),
        bonusPoints,
      })),
    ]
    const score = assess({ unitType, inputs })
    expect(score).toMatchObject({ base: '100.00', ...expected })
    const restricted = unitType === 'GRASSROOTS' ? 902 : 901
    expect(score.indicators.find((i) => i.indicatorId === restricted)).toMatchObject({
      applicable: false,
      points: '0.00',
    })
  })

  it('treats a scheme without an overall bonus cap as capped per indicator only', () => {
    const score = scoreAssessment(
      { ...scheme, bonusCap: null },
      {
        unitType: 'GRASSROOTS',
        inputs: [901, 903, 904].map((id) => ({ indicatorId: id, bonusPoints: '9' })),
        findings: [],
      },
    )
    expect(score.bonus).toBe('7.00')
  })

  it('excludes a restricted base indicator’s max (the problem validateScheme reports)', () => {
    const restricted = {
      ...scheme,
      indicators: scheme.indicators.map((i) =>
        i.id === 101 ? { ...i, unitTypeRestriction: 'HEADQUARTERS' as const } : i,
      ),
    }
    const score = scoreAssessment(restricted, {
      unitType: 'GRASSROOTS',
      inputs: perfectInputs(),
      findings: [],
    })
    expect(score).toMatchObject({ base: '90.00', baseMax: '90.00' })
    expect(score.dimensions[0]).toEqual({
      dimensionId: 1,
      max: '5.00',
      points: '5.00',
      lost: '0.00',
    })
  })

  it('scores 97.99 and 98.00 apart by exactly one hundredth', () => {
    const at = (deduction: string): string =>
      assess({ findings: [{ id: 1, indicatorId: 108, deduction, counts: true }] }).base
    expect(at('2.01')).toBe('97.99')
    expect(at('2.00')).toBe('98.00')
    expect(compareScores(at('2.01'), at('2.00'))).toBe(-1)
  })

  it('gives the same result for a prepared scheme', () => {
    const input: AssessmentInput = {
      unitType: 'HEADQUARTERS',
      inputs: [
        { indicatorId: 105, ratingLevel: '一般' },
        { indicatorId: 902, bonusPoints: '2' },
      ],
      findings: [{ id: 1, indicatorId: 103, deduction: '0.25', counts: true }],
    }
    expect(scoreAssessment(prepareScheme(scheme), input)).toEqual(scoreAssessment(scheme, input))
  })

  // Property over many deterministic random assessments: what is lost is exactly what is missing.
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))(
    'lost points sum to 100 − base (seed %i)',
    (seed) => {
      const random = seededRandom(seed)
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
      const cents = (max: number): string => (Math.floor(random() * max * 100) / 100).toFixed(2)
      const inputs: IndicatorInputValue[] = []
      const findings: FindingInput[] = []
      for (const indicator of scheme.indicators) {
        if (indicator.method === 'RATING' && random() < 0.9) {
          inputs.push({ indicatorId: indicator.id, ratingLevel: pick(RATING_LEVELS).label })
        } else if (indicator.method === 'QUANTITY' && random() < 0.9) {
          inputs.push({ indicatorId: indicator.id, quantityValue: cents(6) })
        } else if (indicator.method === 'BONUS') {
          inputs.push({ indicatorId: indicator.id, bonusPoints: cents(4) })
        } else if (indicator.method === 'DEDUCTION') {
          const n = Math.floor(random() * 4)
          for (let k = 0; k < n; k++) {
            findings.push({
              id: findings.length,
              indicatorId: indicator.id,
              deduction: cents(3),
              counts: random() < 0.8,
            })
          }
        }
      }
      const score = scoreAssessment(scheme, {
        unitType: pick(['GRASSROOTS', 'HEADQUARTERS'] as const),
        inputs,
        findings,
      })
      const lost = sumScores(score.lostPoints.map((l) => l.lost))
      expect(sumScores([lost, score.base])).toBe('100.00')
      expect(sumScores(score.dimensions.map((d) => d.points))).toBe(score.base)
      expect(sumScores(score.dimensions.map((d) => d.lost))).toBe(lost)
      expect(sumScores([score.base, score.bonus])).toBe(score.total)
      expect(compareScores(score.bonus, '5.00')).toBeLessThanOrEqual(0)
      expect(compareScores(score.base, '0')).toBeGreaterThanOrEqual(0)
    },
  )
})
