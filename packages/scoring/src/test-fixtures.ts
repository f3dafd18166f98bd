import { DEFAULT_RATING_LEVELS } from './rating-levels'
import type { IndicatorDefinition, SchemeDefinition } from './types'

/** Test support only (not exported): a valid scheme shaped like the source's category-I scheme. */

export const RATING_LEVELS = DEFAULT_RATING_LEVELS

const DIMENSIONS = [
  ['D1', '政治建设', '15'],
  ['D2', '党建责任', '15'],
  ['D3', '组织建设', '15'],
  ['D4', '党员教育', '10'],
  ['D5', '思想文化和统战', '10'],
  ['D6', '团青工作', '10'],
  ['D7', '队伍建设', '10'],
  ['D8', '日常工作', '15'],
] as const

function base(
  id: number,
  dimensionId: number,
  method: IndicatorDefinition['method'],
  maxPoints: string,
): IndicatorDefinition {
  return {
    id,
    code: `I${id}`,
    name: `指标${id}`,
    dimensionId,
    method,
    maxPoints,
    ...(method === 'RATING' ? { ratingLevels: RATING_LEVELS } : {}),
    ...(method === 'QUANTITY' ? { target: '4' } : {}),
  }
}

/** Ids: dimensions 1–8; base indicators 101–…; bonus 901–904. */
export function sampleScheme(): SchemeDefinition {
  return {
    bonusCap: '5.00',
    dimensions: DIMENSIONS.map(([code, name, maxPoints], i) => ({
      id: i + 1,
      code,
      name,
      maxPoints,
    })),
    indicators: [
      base(101, 1, 'DEDUCTION', '10'),
      base(102, 1, 'RATING', '5'),
      base(103, 2, 'DEDUCTION', '7.5'),
      base(104, 2, 'DEDUCTION', '7.5'),
      base(105, 3, 'RATING', '6.66'),
      base(106, 3, 'RATING', '3.34'),
      base(107, 3, 'QUANTITY', '5'),
      base(108, 4, 'DEDUCTION', '10'),
      base(109, 5, 'QUANTITY', '3.33'),
      base(110, 5, 'DEDUCTION', '6.67'),
      base(111, 6, 'RATING', '10'),
      base(112, 7, 'DEDUCTION', '4'),
      base(113, 7, 'DEDUCTION', '6'),
      base(114, 8, 'DEDUCTION', '3'),
      base(115, 8, 'DEDUCTION', '3'),
      base(116, 8, 'RATING', '3'),
      base(117, 8, 'QUANTITY', '3'),
      base(118, 8, 'DEDUCTION', '3'),
      {
        id: 901,
        code: 'B1',
        name: '贡献度',
        dimensionId: null,
        method: 'BONUS',
        maxPoints: '3',
        unitTypeRestriction: 'GRASSROOTS',
      },
      {
        id: 902,
        code: 'B2',
        name: '融合度',
        dimensionId: null,
        method: 'BONUS',
        maxPoints: '3',
        unitTypeRestriction: 'HEADQUARTERS',
      },
      {
        id: 903,
        code: 'B3',
        name: '党建+工程',
        dimensionId: null,
        method: 'BONUS',
        maxPoints: '2',
      },
      { id: 904, code: 'B4', name: '载体创新', dimensionId: null, method: 'BONUS', maxPoints: '2' },
    ],
  }
}

/** Deterministic pseudo-random numbers (mulberry32) so property-style tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
