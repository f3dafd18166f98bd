import type {
  DecimalInput,
  DimensionDefinition,
  IndicatorDefinition,
  SchemeDefinition,
} from '@redblue/scoring'
import type { Prisma } from './generated/prisma/client'

/**
 * The one mapping from a stored scheme (R1) to the scoring engine's `SchemeDefinition`, for every
 * reader: validation and scoring in the API, publication, the analytics drill-down, the seed. The
 * rules themselves stay in @redblue/scoring; this only says which column is which.
 */

/** A scheme with its dimensions and indicators, in the order the document shows them. */
export const schemeInclude = {
  dimensions: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
  indicators: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.SchemeInclude

export type SchemeWithParts = Prisma.SchemeGetPayload<{ include: typeof schemeInclude }>

/** A rating level as stored (JSON) and shown: the percent as exact decimal text. */
export interface RatingLevel {
  label: string
  percent: string
}

/**
 * The rating levels stored on an indicator (a JSON column). `null` when none are stored (every
 * method but RATING). A level with a label is kept whatever its percent holds, so that validation
 * reports a bad percent instead of the level silently vanishing.
 */
export function ratingLevelsOf(value: unknown): RatingLevel[] | null {
  if (!Array.isArray(value)) return null
  return value.flatMap((level: unknown) => {
    if (!level || typeof level !== 'object' || Array.isArray(level)) return []
    const { label, percent } = level as { label?: unknown; percent?: unknown }
    return typeof label === 'string' ? [{ label, percent: String(percent) }] : []
  })
}

/** The columns the mapping reads: a Prisma row, a raw SQL row or a row about to be written. */
export interface SchemeRows {
  bonusCap: DecimalInput | null
  dimensions: readonly DimensionDefinition[]
  indicators: readonly (Omit<IndicatorDefinition, 'dimensionId' | 'ratingLevels'> & {
    dimensionId?: number | null
    ratingLevels?: unknown
  })[]
}

export function schemeDefinitionOf(scheme: SchemeRows): SchemeDefinition {
  return {
    bonusCap: scheme.bonusCap,
    dimensions: scheme.dimensions.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      maxPoints: d.maxPoints,
    })),
    indicators: scheme.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      dimensionId: i.dimensionId ?? null,
      method: i.method,
      maxPoints: i.maxPoints,
      unitTypeRestriction: i.unitTypeRestriction ?? null,
      ratingLevels: ratingLevelsOf(i.ratingLevels),
      target: i.target ?? null,
    })),
  }
}
