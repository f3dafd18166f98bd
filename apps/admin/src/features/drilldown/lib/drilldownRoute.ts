import type { LocationQuery, RouteLocationRaw, RouteRecordName } from 'vue-router'

/**
 * The drill-down's place lives in the URL so a link can be shared: the assessment (an org in one
 * round and area) in the path, then one more segment per level. Parents of a deeper level (the
 * dimension of an indicator, the indicator of a finding) are derived from the data, so every URL
 * has one spelling.
 *
 *   /dashboard/assessments/7                      org: dimensions against the category average
 *   /dashboard/assessments/7/dimensions/3         the dimension's indicators and points lost
 *   /dashboard/assessments/7/indicators/21        the indicator's findings
 *   /dashboard/assessments/7/findings/905         the finding's rectification and its history
 */
export const DRILLDOWN_ROUTES = {
  org: 'drilldown',
  dimension: 'drilldown-dimension',
  indicator: 'drilldown-indicator',
  finding: 'drilldown-finding',
} as const

/** From an org and round (a trend point) to its assessment: resolved, then replaced by `drilldown`. */
export const LOCATE_ROUTE = 'drilldown-locate'

export type DrilldownLevel = keyof typeof DRILLDOWN_ROUTES
export type ComparisonView = 'bar' | 'radar'

export interface DrilldownState {
  assessmentId: number
  level: DrilldownLevel
  /** The id of the level's subject (dimension, indicator or finding); null at the org level. */
  subjectId: number | null
  view: ComparisonView
  /** Indicators that lost nothing are hidden unless asked for. */
  showAll: boolean
}

const LEVEL_PARAM: Record<DrilldownLevel, string | null> = {
  org: null,
  dimension: 'dimensionId',
  indicator: 'indicatorId',
  finding: 'findingId',
}

function intParam(value: unknown): number | null {
  const v = Array.isArray(value) ? (value[0] as unknown) : value
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null
}

/** The drill-down state of a route, or null when the route is not a (valid) drill-down. */
export function parseDrilldownRoute(route: {
  name?: RouteRecordName | null
  params: Record<string, unknown>
  query: LocationQuery
}): DrilldownState | null {
  const level = (Object.keys(DRILLDOWN_ROUTES) as DrilldownLevel[]).find((l) => DRILLDOWN_ROUTES[l] === route.name)
  if (!level) return null
  const assessmentId = intParam(route.params.assessmentId)
  if (assessmentId === null) return null
  const param = LEVEL_PARAM[level]
  const subjectId = param ? intParam(route.params[param]) : null
  if (param && subjectId === null) return null
  return {
    assessmentId,
    level,
    subjectId,
    view: route.query.view === 'radar' ? 'radar' : 'bar',
    showAll: route.query.all === '1',
  }
}

/** The variables of the drill-down's one query: every level of an assessment comes in one request. */
export function drilldownVariables(state: DrilldownState) {
  return { assessmentId: state.assessmentId }
}

/** The location of a level; the chart view and the "show all" choice travel along. */
export function drilldownLocation(
  assessmentId: number,
  level: DrilldownLevel,
  subjectId: number | null = null,
  options: { view?: ComparisonView; showAll?: boolean } = {},
): RouteLocationRaw {
  const param = LEVEL_PARAM[level]
  const params: Record<string, string> = { assessmentId: String(assessmentId) }
  if (param) {
    if (subjectId === null) throw new Error(`drill-down level ${level} needs an id`)
    params[param] = String(subjectId)
  }
  const query: Record<string, string> = {}
  if (options.view === 'radar') query.view = 'radar'
  if (options.showAll) query.all = '1'
  return { name: DRILLDOWN_ROUTES[level], params, query }
}

/** The location that finds the assessment of an org in a round (and area) and opens it. */
export function locateLocation(orgId: number | string, roundId: number | string, areaId: number | string): RouteLocationRaw {
  return { name: LOCATE_ROUTE, params: { orgId: String(orgId), roundId: String(roundId) }, query: { area: String(areaId) } }
}

/** What the breadcrumbs need from the drill-down data. */
export interface DrilldownTree {
  orgName: string
  dimensions: readonly { dimensionId: number; name: string }[]
  indicators: readonly { indicatorId: number; dimensionId: number | null; name: string; findingIds: readonly number[] }[]
}

export interface Crumb {
  level: DrilldownLevel
  label: string
  to: RouteLocationRaw
}

/**
 * The path from the org down to the current level. A subject the data does not know (a stale link)
 * ends the trail at its last known parent; `missing` says so.
 */
export function drilldownTrail(
  state: DrilldownState,
  tree: DrilldownTree,
  findingLabel: (findingId: number) => string,
): { crumbs: Crumb[]; missing: boolean } {
  const keep = { view: state.view, showAll: state.showAll }
  const crumbs: Crumb[] = [{ level: 'org', label: tree.orgName, to: drilldownLocation(state.assessmentId, 'org', null, keep) }]
  let indicatorId: number | null = null
  let dimensionId: number | null = null
  const findingId = state.level === 'finding' ? state.subjectId : null
  if (state.level === 'finding') {
    const indicator = findingId === null ? undefined : tree.indicators.find((i) => i.findingIds.includes(findingId))
    if (!indicator) return { crumbs, missing: true }
    indicatorId = indicator.indicatorId
  } else if (state.level === 'indicator') {
    indicatorId = state.subjectId
  } else if (state.level === 'dimension') {
    dimensionId = state.subjectId
  }
  const indicator = indicatorId === null ? null : tree.indicators.find((i) => i.indicatorId === indicatorId)
  if (indicatorId !== null && !indicator) return { crumbs, missing: true }
  if (indicator) dimensionId = indicator.dimensionId
  if (dimensionId !== null) {
    const dimension = tree.dimensions.find((d) => d.dimensionId === dimensionId)
    if (!dimension) return { crumbs, missing: true }
    crumbs.push({ level: 'dimension', label: dimension.name, to: drilldownLocation(state.assessmentId, 'dimension', dimensionId, keep) })
  }
  if (indicator) {
    crumbs.push({
      level: 'indicator',
      label: indicator.name,
      to: drilldownLocation(state.assessmentId, 'indicator', indicator.indicatorId, keep),
    })
  }
  if (findingId !== null) {
    crumbs.push({
      level: 'finding',
      label: findingLabel(findingId),
      to: drilldownLocation(state.assessmentId, 'finding', state.subjectId, keep),
    })
  }
  return { crumbs, missing: false }
}
