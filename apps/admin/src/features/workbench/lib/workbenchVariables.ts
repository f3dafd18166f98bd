/**
 * The variables of the workbench's queries that follow from its assessment: the scheme it is
 * scored on, the org's feedback forms and look-back items in the round. One place for the page and
 * for the prefetch that sends the same queries ahead of it.
 */
export function workbenchVariables(assessment: { schemeId: number; orgId: number; round: { id: number } }) {
  const inRound = { roundId: assessment.round.id, orgId: assessment.orgId }
  return { scheme: { id: assessment.schemeId }, forms: inRound, lookBack: inRound }
}
