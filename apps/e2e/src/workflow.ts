import type { ApiSession } from './api'

/**
 * Workflow steps driven through the GraphQL API where no person would do them one by one in a
 * browser within a test's time: the call sites say why.
 */

export interface RoundRef {
  id: number
  name: string
  status: string
}

export async function findRound(api: ApiSession, year: number, quarter: number): Promise<RoundRef> {
  const { rounds } = await api.request<{ rounds: (RoundRef & { quarter: number })[] }>(
    `query ($year: Int) { rounds(year: $year) { id name status quarter } }`,
    { year },
  )
  const round = rounds.find((r) => r.quarter === quarter)
  if (!round) throw new Error(`No round ${year}Q${quarter} in the demo data`)
  return round
}

interface AssessmentForFill {
  id: number
  status: string
  version: number
  score: {
    indicators: {
      indicatorId: number
      applicable: boolean
      reason: string | null
      method: string
    }[]
  }
  scheme: {
    indicators: { id: number; ratingLevels: { label: string }[] | null; target: string | null }[]
  }
}

/** Rates every graded/measured indicator still unrated (first level; the target value). */
export async function completeInputs(
  api: ApiSession,
  assessmentId: number,
): Promise<{ version: number; status: string }> {
  const { assessment } = await api.request<{ assessment: AssessmentForFill }>(
    `query ($id: Int!) { assessment(id: $id) { id status version
       score { indicators { indicatorId applicable reason method } }
       scheme { indicators { id ratingLevels { label } target } } } }`,
    { id: assessmentId },
  )
  const inputs = assessment.score.indicators
    .filter((i) => i.applicable && i.reason === 'NOT_RATED')
    .map((i) => {
      const definition = assessment.scheme.indicators.find((d) => d.id === i.indicatorId)
      return i.method === 'RATING'
        ? { indicatorId: i.indicatorId, ratingLevel: definition?.ratingLevels?.[0]?.label ?? '好' }
        : { indicatorId: i.indicatorId, quantityValue: definition?.target ?? '1' }
    })
  if (!inputs.length || assessment.status === 'SUBMITTED') return assessment
  const saved = await api.mutate<{ __typename: string; version: number; status: string }>(
    'saveAssessmentInputs',
    'Assessment',
    `mutation ($id: Int!, $version: Int!, $inputs: [IndicatorInputValue!]!) {
       saveAssessmentInputs(assessmentId: $id, version: $version, inputs: $inputs) {
         __typename ... on Assessment { version status } ... on AppError { message } } }`,
    { id: assessment.id, version: assessment.version, inputs },
  )
  return saved
}

export async function submitAssessment(api: ApiSession, assessmentId: number, version: number) {
  await api.mutate(
    'submitAssessment',
    'Assessment',
    `mutation ($id: Int!, $version: Int!) { submitAssessment(assessmentId: $id, version: $version) {
       __typename ... on AppError { message } } }`,
    { id: assessmentId, version },
  )
}

/**
 * Every other team finishes its inspection: each assessment of the round not yet submitted gets its
 * unrated indicators rated and is submitted — except `keep`, left for the journey to do in the UI.
 */
export async function finishInspection(api: ApiSession, roundId: number, keep: number[] = []) {
  const { assessments } = await api.request<{ assessments: { id: number; status: string }[] }>(
    `query ($roundId: Int!) { assessments(roundId: $roundId) { id status } }`,
    { roundId },
  )
  const open = assessments.filter((a) => a.status !== 'SUBMITTED' && !keep.includes(a.id))
  // A few at a time: quicker than one by one, gentle on a loaded machine.
  for (let i = 0; i < open.length; i += 4) {
    await Promise.all(
      open.slice(i, i + 4).map(async (a) => {
        const { version } = await completeInputs(api, a.id)
        await submitAssessment(api, a.id, version)
      }),
    )
  }
  return open.length
}

async function transition(api: ApiSession, roundId: number, to: string) {
  await api.mutate(
    'transitionRound',
    'InspectionRound',
    `mutation ($id: Int!, $to: RoundStatus!) { transitionRound(id: $id, to: $to) {
       __typename ... on AppError { message } } }`,
    { id: roundId, to },
  )
}

/**
 * Brings the round forward to `to` through the API, for a journey file run on its own: in the
 * whole suite the earlier journeys have already done these steps in the browser.
 */
export async function advanceRound(
  api: ApiSession,
  round: RoundRef,
  to: 'RECONCILING' | 'PUBLISHED',
) {
  const order = ['PLANNING', 'INSPECTING', 'RECONCILING', 'PUBLISHED', 'CLOSED']
  if (order.indexOf(round.status) >= order.indexOf(to)) return round
  if (round.status === 'INSPECTING') {
    await finishInspection(api, round.id)
    await transition(api, round.id, 'RECONCILING')
  }
  if (to === 'PUBLISHED') await transition(api, round.id, 'PUBLISHED')
  return { ...round, status: to }
}
