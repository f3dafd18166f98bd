import type { InsightItem } from './insightLinks'

/**
 * 我的短板 from a branch's own insights: its weakest dimensions against the category average (the
 * engine names up to three, furthest below first), its findings repeated after close-out, its
 * overdue and carried-over items, the warnings about its total and the lists — and what to do
 * next, one step per problem named.
 */
export interface WeakDimensionRow {
  dimensionId: number
  name: string
  points: string
  average: string
  /** Points below the average, positive ("1.25"). */
  gap: string
  assessmentId: number | null
}

export type NextStep =
  | { key: 'nextDimension'; params: { dimension: string } }
  | { key: 'nextRepeat'; params: { category: string } }
  | { key: 'nextOverdue'; params: { n: number } }
  | { key: 'nextNone'; params: Record<string, never> }

export interface WeakSpots {
  dimensions: WeakDimensionRow[]
  repeats: InsightItem[]
  overdue: InsightItem[]
  warnings: InsightItem[]
  next: NextStep[]
}

const figure = (x: InsightItem, name: string) => x.figures.find((f) => f.name === name)?.value ?? ''

export function weakSpots(items: readonly InsightItem[]): WeakSpots {
  const dimensions = items
    .filter((x) => x.kind === 'ORG_WEAK_DIMENSION')
    .sort((a, b) => Number(figure(a, 'position')) - Number(figure(b, 'position')))
    .slice(0, 3)
    .map((x) => ({
      dimensionId: x.dimensions[0]?.id ?? 0,
      name: x.dimensions[0]?.name ?? '',
      points: figure(x, 'points'),
      average: figure(x, 'categoryAverage'),
      gap: figure(x, 'gap').replace(/^-/, ''),
      assessmentId: x.assessmentIds[x.assessmentIds.length - 1] ?? null,
    }))
  const repeats = items.filter((x) => x.kind === 'REPEAT_AFTER_VERIFICATION')
  const overdue = items.filter((x) => x.kind === 'OVERDUE_BY_ORG' || x.kind === 'CARRIED_OVER')
  const warnings = items.filter((x) => x.kind === 'DECLINING_ORG' || x.kind === 'NEWLY_BLUE' || x.kind === 'BLUE_AGAIN')
  const next: NextStep[] = []
  const overdueCount = overdue
    .filter((x) => x.kind === 'OVERDUE_BY_ORG')
    .reduce((n, x) => n + Number(figure(x, 'overdue') || 0), 0)
  if (overdueCount > 0) next.push({ key: 'nextOverdue', params: { n: overdueCount } })
  for (const x of repeats) next.push({ key: 'nextRepeat', params: { category: x.problemCategories[0]?.name ?? '' } })
  if (dimensions[0]) next.push({ key: 'nextDimension', params: { dimension: dimensions[0].name } })
  if (next.length === 0) next.push({ key: 'nextNone', params: {} })
  return { dimensions, repeats, overdue, warnings, next }
}
