import type { RouteData } from '@/router/meta'
import { prefetchQuery } from '@/graphql/prefetch'
import { FeedbackFormsQuery } from '@/features/feedback-forms/api'
import { LookBackItemsQuery, WorkbenchAssessmentQuery, WorkbenchSchemeQuery } from './api'
import { workbenchVariables } from './lib/workbenchVariables'

/** The assessment being scored, then its scheme and the side panels' forms and look-back items. */
const prefetchWorkbench: RouteData = async (route, client) => {
  const id = Number(route.params.assessmentId)
  if (!Number.isInteger(id)) return
  const assessment = (await prefetchQuery(client, WorkbenchAssessmentQuery, { id })).data?.assessment
  if (!assessment) return
  const variables = workbenchVariables(assessment)
  await Promise.all([
    prefetchQuery(client, WorkbenchSchemeQuery, variables.scheme),
    prefetchQuery(client, FeedbackFormsQuery, variables.forms),
    prefetchQuery(client, LookBackItemsQuery, variables.lookBack),
  ])
}

export default prefetchWorkbench
