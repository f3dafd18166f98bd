import { actorOf } from '../access'
import { builder } from '../builder'
import { headlineFigures, type Headline } from '../services/analytics'
import { AnalyticsPeriodInput } from './analytics-common'
import { nowOf } from './round-context'

/**
 * Headline figures for the leadership dashboard: rounds held, feedback forms, findings,
 * problem categories, close-out rate and overdue items over the published rounds of a period and
 * area. Rounds held counts for everyone; the other figures cover the orgs the caller may see.
 */

const AnalyticsHeadlineRef = builder.objectRef<Headline>('AnalyticsHeadline').implement({
  fields: (t) => ({
    roundsHeld: t.exposeInt('roundsHeld', { description: 'Published rounds in the period (and area).' }),
    feedbackForms: t.exposeInt('feedbackForms', {
      description: 'On-site feedback forms; with an area, those carrying a finding of the area.',
    }),
    findings: t.exposeInt('findings', { description: 'Findings recorded, including those later withdrawn.' }),
    standingFindings: t.exposeInt('standingFindings', {
      description: 'Findings confirmed or upheld on reconciliation (they cost points).',
    }),
    problemCategories: t.exposeInt('problemCategories', { description: 'Distinct problem categories of the findings.' }),
    orgsAssessed: t.exposeInt('orgsAssessed'),
    rectifications: t.exposeInt('rectifications', { description: 'Items opened in those rounds.' }),
    closedRectifications: t.exposeInt('closedRectifications', { description: 'Of which verified and crossed off.' }),
    closeOutRate: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'closed / opened in percent; null without items.',
      resolve: (h) => h.closeOutRate,
    }),
    overdueRectifications: t.exposeInt('overdueRectifications', {
      description: 'Items still open past their deadline (China day) as of now.',
    }),
  }),
})

builder.queryFields((t) => ({
  analyticsHeadline: t.field({
    type: AnalyticsHeadlineRef,
    description: 'Headline figures of the published rounds in a period (default: all) and area (default: all).',
    authScopes: { loggedIn: true },
    args: {
      areaId: t.arg.int({ required: false }),
      period: t.arg({ type: AnalyticsPeriodInput, required: false }),
    },
    resolve: (_root, args, ctx) =>
      headlineFigures(ctx.prisma, actorOf(ctx), { areaId: args.areaId, period: args.period, now: nowOf(ctx) }),
  }),
}))
