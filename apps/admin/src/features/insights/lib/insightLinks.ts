import type { RouteLocationRaw } from 'vue-router'
import { dashboardQuery } from '@/features/dashboard/lib/dashboardQuery'
import { drilldownLocation } from '@/features/drilldown/lib/drilldownRoute'
import type { InsightListFragment } from '@/generated/graphql'

export type InsightItem = InsightListFragment['items'][number]

/** Where an insight's link goes, and what the link says (a message key under `insights.link`). */
export interface InsightLink {
  to: RouteLocationRaw
  label: 'drilldown' | 'finding' | 'dimension' | 'ledger' | 'trend'
}

export interface InsightContext {
  roundId: number
  areaId: number
  /** Who follows the link: a branch has no ledger page of its own but its rectification list. */
  branch?: boolean
}

const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1]

function ledger(query: Record<string, string | number | undefined>, ctx: InsightContext): RouteLocationRaw {
  const clean = Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )
  return ctx.branch ? { name: 'my-rectifications' } : { name: 'ledger', query: clean }
}

/**
 * The one-click way to the data behind an insight: the drill-down of the org's assessment (or the
 * dimension, or the finding found again), the ledger filtered to the items it counts, or the
 * dashboard's trend of the category. Null when the insight has nothing to open.
 */
export function insightLink(x: InsightItem, ctx: InsightContext): InsightLink | null {
  const assessment = last(x.assessmentIds)
  const org = x.orgs[0]?.id
  switch (x.kind) {
    case 'DECLINING_ORG':
    case 'NEWLY_BLUE':
    case 'BLUE_AGAIN':
      return assessment === undefined ? null : { to: drilldownLocation(assessment, 'org'), label: 'drilldown' }
    case 'ORG_WEAK_DIMENSION': {
      const dimension = x.dimensions[0]?.id
      if (assessment === undefined) return null
      return dimension === undefined
        ? { to: drilldownLocation(assessment, 'org'), label: 'drilldown' }
        : { to: drilldownLocation(assessment, 'dimension', dimension), label: 'dimension' }
    }
    case 'REPEAT_AFTER_VERIFICATION': {
      const finding = x.findingIds[0]
      if (assessment === undefined || finding === undefined) return null
      return { to: drilldownLocation(assessment, 'finding', finding), label: 'finding' }
    }
    case 'PROBLEM_CONCENTRATION':
    case 'NEW_PROBLEM_CATEGORY':
      return { to: ledger({ round: ctx.roundId, category: x.problemCategories[0]?.id }, ctx), label: 'ledger' }
    case 'OVERDUE_BY_ORG':
      return { to: ledger({ org, colour: 'RED' }, ctx), label: 'ledger' }
    case 'CARRIED_OVER':
      return { to: ledger({ org }, ctx), label: 'ledger' }
    case 'OVERDUE_BY_TEAM':
      return { to: ledger({ colour: 'RED' }, ctx), label: 'ledger' }
    case 'CLOSE_OUT_RATE':
      return { to: ledger({ round: x.roundIds[0], status: 'OPEN' }, ctx), label: 'ledger' }
    case 'TEAM_INCONSISTENCY':
    case 'WEAK_DIMENSION':
      if (ctx.branch) return null
      return {
        to: { name: 'dashboard', query: dashboardQuery({ areaId: ctx.areaId, roundId: ctx.roundId, category: x.category ?? 'I' }) },
        label: 'trend',
      }
  }
}

/**
 * What the dashboard panel shows first: up to `shown` warnings and notices (they come sorted,
 * warnings first); the rest, and the context (INFO), on request.
 */
export function splitInsights(items: readonly InsightItem[], shown = 8): { first: InsightItem[]; rest: InsightItem[] } {
  const urgent = items.filter((x) => x.severity !== 'INFO')
  const first = urgent.slice(0, shown)
  return { first, rest: [...urgent.slice(shown), ...items.filter((x) => x.severity === 'INFO')] }
}
