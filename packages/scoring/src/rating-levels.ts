import type { RatingLevelDefinition } from './types'

/**
 * The source's four grades (docs/domain.md R2) and the share of the maximum each earns: what a new
 * RATING indicator starts with. Schemes store their own levels; this is only the starting point.
 */
export const DEFAULT_RATING_LEVELS = [
  { label: '好', percent: '100' },
  { label: '较好', percent: '80' },
  { label: '一般', percent: '60' },
  { label: '差', percent: '0' },
] as const satisfies readonly RatingLevelDefinition[]
