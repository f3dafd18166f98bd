import { describe, expect, it } from 'vitest'
import { validateScheme } from './scheme-validation'
import { sampleScheme } from './test-fixtures'
import type {
  DimensionDefinition,
  IndicatorDefinition,
  SchemeDefinition,
  SchemeProblemCode,
} from './types'

interface EditableScheme {
  bonusCap: SchemeDefinition['bonusCap']
  dimensions: DimensionDefinition[]
  indicators: IndicatorDefinition[]
}

/** A copy of the sample scheme with one edit applied. */
function edited(edit: (s: EditableScheme) => void): SchemeDefinition {
  const s = structuredClone(sampleScheme()) as EditableScheme
  edit(s)
  return s
}

const indexOf = (id: number): number => sampleScheme().indicators.findIndex((i) => i.id === id)

describe('validateScheme', () => {
  it('accepts the sample scheme', () => {
    expect(validateScheme(sampleScheme())).toEqual([])
  })

  it.each<[string, SchemeDefinition, { code: SchemeProblemCode; path: (string | number)[] }[]]>([
    [
      'dimensions off by 0.01 (and their indicators with them)',
      edited((s) => {
        s.dimensions[0]!.maxPoints = '14.99'
        s.indicators[indexOf(101)]!.maxPoints = '9.99'
      }),
      [{ code: 'DIMENSION_TOTAL_NOT_100', path: ['dimensions'] }],
    ],
    [
      'dimensions over by 0.01',
      edited((s) => {
        s.dimensions[7]!.maxPoints = '15.01'
        s.indicators[indexOf(118)]!.maxPoints = '3.01'
      }),
      [{ code: 'DIMENSION_TOTAL_NOT_100', path: ['dimensions'] }],
    ],
    [
      'indicators of a dimension off by 0.01',
      edited((s) => {
        s.indicators[indexOf(105)]!.maxPoints = '6.65'
      }),
      [{ code: 'INDICATOR_TOTAL_MISMATCH', path: ['dimensions', 2, 'maxPoints'] }],
    ],
    [
      'a dimension without indicators',
      edited((s) => {
        s.indicators = s.indicators.filter((i) => i.dimensionId !== 6)
      }),
      [{ code: 'INDICATOR_TOTAL_MISMATCH', path: ['dimensions', 5, 'maxPoints'] }],
    ],
    [
      'a unit-type restriction on a base indicator',
      edited((s) => {
        s.indicators[indexOf(101)]!.unitTypeRestriction = 'GRASSROOTS'
      }),
      [{ code: 'RESTRICTED_BASE_INDICATOR', path: ['indicators', 0, 'unitTypeRestriction'] }],
    ],
    [
      'duplicate indicator and dimension codes',
      edited((s) => {
        s.indicators[1]!.code = s.indicators[0]!.code
        s.dimensions[1]!.code = 'D1'
      }),
      [
        { code: 'DUPLICATE_CODE', path: ['dimensions', 1, 'code'] },
        { code: 'DUPLICATE_CODE', path: ['indicators', 1, 'code'] },
      ],
    ],
    [
      'duplicate indicator id',
      edited((s) => {
        s.indicators[1]!.id = 101
      }),
      [{ code: 'DUPLICATE_ID', path: ['indicators', 1, 'id'] }],
    ],
    [
      'a bonus indicator without a cap',
      edited((s) => {
        s.indicators[indexOf(903)]!.maxPoints = '0'
        s.indicators[indexOf(904)]!.maxPoints = null as unknown as string
      }),
      [
        { code: 'BONUS_WITHOUT_CAP', path: ['indicators', indexOf(903), 'maxPoints'] },
        { code: 'BONUS_WITHOUT_CAP', path: ['indicators', indexOf(904), 'maxPoints'] },
      ],
    ],
    [
      'a bonus indicator inside a dimension',
      edited((s) => {
        s.indicators[indexOf(903)]!.dimensionId = 1
      }),
      [{ code: 'BONUS_IN_DIMENSION', path: ['indicators', indexOf(903), 'dimensionId'] }],
    ],
    [
      'a base indicator without a dimension, or with an unknown one',
      edited((s) => {
        s.indicators.push({
          id: 200,
          code: 'X',
          name: 'x',
          dimensionId: null,
          method: 'DEDUCTION',
          maxPoints: '0',
        })
        s.indicators.push({
          id: 201,
          code: 'Y',
          name: 'y',
          dimensionId: 99,
          method: 'DEDUCTION',
          maxPoints: '0',
        })
      }),
      [
        { code: 'NON_BONUS_WITHOUT_DIMENSION', path: ['indicators', 22, 'dimensionId'] },
        { code: 'UNKNOWN_DIMENSION', path: ['indicators', 23, 'dimensionId'] },
      ],
    ],
    [
      'rating levels missing, out of range, duplicated, not a number',
      edited((s) => {
        s.indicators[indexOf(102)]!.ratingLevels = []
        s.indicators[indexOf(105)]!.ratingLevels = [
          { label: '好', percent: '100.01' },
          { label: '差', percent: '-1' },
          { label: '差', percent: '0' },
          { label: '?', percent: 'abc' },
        ]
      }),
      [
        { code: 'RATING_LEVELS_MISSING', path: ['indicators', 1, 'ratingLevels'] },
        {
          code: 'RATING_PERCENT_OUT_OF_RANGE',
          path: ['indicators', 4, 'ratingLevels', 0, 'percent'],
        },
        {
          code: 'RATING_PERCENT_OUT_OF_RANGE',
          path: ['indicators', 4, 'ratingLevels', 1, 'percent'],
        },
        { code: 'RATING_LABEL_DUPLICATE', path: ['indicators', 4, 'ratingLevels', 2, 'label'] },
        { code: 'INVALID_NUMBER', path: ['indicators', 4, 'ratingLevels', 3, 'percent'] },
      ],
    ],
    [
      'quantity target missing or zero',
      edited((s) => {
        s.indicators[indexOf(107)]!.target = null
        s.indicators[indexOf(109)]!.target = '0'
      }),
      [
        { code: 'QUANTITY_TARGET_MISSING', path: ['indicators', 6, 'target'] },
        { code: 'QUANTITY_TARGET_MISSING', path: ['indicators', 8, 'target'] },
      ],
    ],
    [
      'negative maxima (the dimension totals then cannot be checked)',
      edited((s) => {
        s.dimensions[0]!.maxPoints = '-15'
        s.indicators[indexOf(103)]!.maxPoints = '-7.5'
      }),
      [
        { code: 'NEGATIVE_MAX', path: ['dimensions', 0, 'maxPoints'] },
        { code: 'NEGATIVE_MAX', path: ['indicators', 2, 'maxPoints'] },
      ],
    ],
    [
      'more than two decimals',
      edited((s) => {
        s.indicators[indexOf(105)]!.maxPoints = '6.655'
        s.indicators[indexOf(106)]!.maxPoints = '3.345'
      }),
      [
        { code: 'TOO_MANY_DECIMALS', path: ['indicators', 4, 'maxPoints'] },
        { code: 'TOO_MANY_DECIMALS', path: ['indicators', 5, 'maxPoints'] },
      ],
    ],
    [
      'not a number',
      edited((s) => {
        s.bonusCap = 'five'
      }),
      [{ code: 'INVALID_NUMBER', path: ['bonusCap'] }],
    ],
    [
      'no scheme bonus cap',
      edited((s) => {
        s.bonusCap = null
      }),
      [{ code: 'SCHEME_BONUS_CAP_MISSING', path: ['bonusCap'] }],
    ],
    [
      'an empty scheme',
      { bonusCap: '5', dimensions: [], indicators: [] },
      [{ code: 'DIMENSION_TOTAL_NOT_100', path: ['dimensions'] }],
    ],
  ])('reports %s', (_name, scheme, expected) => {
    expect(validateScheme(scheme).map(({ code, path }) => ({ code, path }))).toEqual(expected)
  })

  it('accepts numbers and two-decimal strings alike (exact comparison, no float drift)', () => {
    const scheme = edited((s) => {
      // 0.1 + 0.2 style sums must still make exactly 15.
      s.indicators[indexOf(101)]!.maxPoints = 9.9
      s.indicators[indexOf(102)]!.maxPoints = '5.10'
    })
    expect(validateScheme(scheme)).toEqual([])
  })

  it('fills Chinese and English messages and params', () => {
    const [problem] = validateScheme(
      edited((s) => {
        s.dimensions[0]!.maxPoints = '14.99'
        s.indicators[indexOf(101)]!.maxPoints = '9.99'
      }),
    )
    expect(problem).toEqual({
      path: ['dimensions'],
      code: 'DIMENSION_TOTAL_NOT_100',
      message: '各维度满分合计应为 100 分，当前为 99.99 分',
      messageEn: 'Dimension maxima must total 100; they total 99.99',
      params: { total: '99.99' },
    })
    const [mismatch] = validateScheme(
      edited((s) => void (s.indicators[indexOf(105)]!.maxPoints = '6.65')),
    )
    expect(mismatch?.message).toBe(
      '维度“组织建设”下基础指标分值合计 14.99 分，与维度满分 15.00 分不一致',
    )
    expect(mismatch?.params).toEqual({
      dimension: '组织建设',
      indicatorTotal: '14.99',
      dimensionMax: '15.00',
    })
  })
})
