/**
 * The generated schemes: eight dimensions summing to 100, `indicators − 4` base indicators spread
 * over them (a RATING and, from three per dimension, a QUANTITY indicator; the rest DEDUCTION) and four bonus
 * indicators (贡献度 for grassroots orgs, 融合度 for head-office branches, “党建+” and 载体创新)
 * under a bonus cap of 5. Every scheme is checked with the engine's `validateScheme`.
 */
import { schemeDefinitionOf } from '@redblue/db'
import {
  DEFAULT_RATING_LEVELS,
  validateScheme,
  required,
  type SchemeDefinition,
  type ScoringMethod,
  type UnitType,
} from '@redblue/scoring'

export const DIMENSIONS = [
  ['D1', '政治建设', 15],
  ['D2', '党建责任', 15],
  ['D3', '组织建设', 15],
  ['D4', '党员教育', 15],
  ['D5', '思想文化和统战', 10],
  ['D6', '团青工作', 10],
  ['D7', '队伍建设', 10],
  ['D8', '日常工作', 10],
] as const

export const QUANTITY_TARGET = 12
export const BONUS_CAP = '5.00'

/** Integer hundredths → "2.14" (non-negative). */
export function cents(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`
}

const BONUS: readonly (readonly [
  code: string,
  name: string,
  max: string,
  restriction: UnitType | null,
])[] = [
  ['B1', '贡献度', '2.00', 'GRASSROOTS'],
  ['B2', '融合度', '2.00', 'HEADQUARTERS'],
  ['B3', '“党建+”工程', '2.00', null],
  ['B4', '载体创新', '1.00', null],
]

export interface SchemeDimension {
  index: number
  code: string
  name: string
  maxPoints: string
}

export interface SchemeIndicator {
  /** Index in the scheme, 0-based; ids are assigned by the generator. */
  index: number
  /** Index into `dimensions`, or null for bonus indicators. */
  dimension: number | null
  code: string
  name: string
  method: ScoringMethod
  maxPoints: string
  unitTypeRestriction: UnitType | null
}

export interface SchemeShape {
  dimensions: SchemeDimension[]
  indicators: SchemeIndicator[]
}

/** The shape shared by every generated scheme (ids come later). */
export function schemeShape(indicatorCount: number): SchemeShape {
  const baseCount = indicatorCount - BONUS.length
  if (baseCount < DIMENSIONS.length * 2)
    throw new Error(`at least ${DIMENSIONS.length * 2 + BONUS.length} indicators`)
  const dimensions = DIMENSIONS.map(([code, name, max], index) => ({
    index,
    code,
    name,
    maxPoints: `${max}.00`,
  }))
  const indicators: SchemeIndicator[] = []
  DIMENSIONS.forEach(([code, name, max], d) => {
    const k =
      Math.floor(baseCount / DIMENSIONS.length) + (d < baseCount % DIMENSIONS.length ? 1 : 0)
    const total = max * 100
    const each = Math.floor(total / k)
    for (let j = 0; j < k; j++) {
      const method: ScoringMethod = j === 0 ? 'RATING' : j === 1 && k > 2 ? 'QUANTITY' : 'DEDUCTION'
      indicators.push({
        index: indicators.length,
        dimension: d,
        code: `${code}.${j + 1}`,
        name: `${name}指标${j + 1}`,
        method,
        maxPoints: cents(j === k - 1 ? total - each * (k - 1) : each),
        unitTypeRestriction: null,
      })
    }
  })
  for (const [code, name, max, restriction] of BONUS) {
    indicators.push({
      index: indicators.length,
      dimension: null,
      code,
      name,
      method: 'BONUS',
      maxPoints: max,
      unitTypeRestriction: restriction,
    })
  }
  return { dimensions, indicators }
}

/** The engine's view of a scheme with the given ids; throws when the engine finds a problem. */
export function schemeDefinition(
  shape: SchemeShape,
  dimensionIds: number[],
  indicatorIds: number[],
): SchemeDefinition {
  // The rows as generate.ts writes them, read through the API's own mapping.
  const definition = schemeDefinitionOf({
    bonusCap: BONUS_CAP,
    dimensions: shape.dimensions.map((d) => ({
      id: required(dimensionIds[d.index], `dimension ${d.index}`),
      code: d.code,
      name: d.name,
      maxPoints: d.maxPoints,
    })),
    indicators: shape.indicators.map((i) => ({
      id: required(indicatorIds[i.index], `indicator ${i.index}`),
      code: i.code,
      name: i.name,
      dimensionId:
        i.dimension === null
          ? null
          : required(dimensionIds[i.dimension], `dimension ${i.dimension}`),
      method: i.method,
      maxPoints: i.maxPoints,
      unitTypeRestriction: i.unitTypeRestriction,
      ratingLevels: i.method === 'RATING' ? DEFAULT_RATING_LEVELS : null,
      target: i.method === 'QUANTITY' ? String(QUANTITY_TARGET) : null,
    })),
  })
  const problems = validateScheme(definition)
  if (problems.length)
    throw new Error(`generated scheme is invalid: ${problems.map((p) => p.messageEn).join('; ')}`)
  return definition
}
