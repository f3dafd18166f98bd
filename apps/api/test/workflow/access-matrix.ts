/**
 * Role rows (R12) for the workflow fields; merged into test/access.test.ts's table. Org scope
 * (which rows a role then sees or changes) is tested in test/workflow/api.test.ts.
 */
import { ADMIN, ADMIN_LEADER, SIGNED_IN, type Caller } from '../access-matrix'

const ADMIN_INSPECTOR: readonly Caller[] = ['ADMIN', 'INSPECTOR']
const ADMIN_BRANCH: readonly Caller[] = ['ADMIN', 'BRANCH']
const BRANCH: readonly Caller[] = ['BRANCH']
/** Results of one's own org (branch) or all (admin, leader); inspectors have no use for them. */
const RESULT_READERS: readonly Caller[] = [...ADMIN_LEADER, 'BRANCH']

export const ACCESS: Record<string, readonly Caller[]> = {
  // rounds and teams
  'Query.rounds': SIGNED_IN,
  'Query.round': SIGNED_IN,
  'Mutation.createRound': ADMIN,
  'Mutation.updateRound': ADMIN,
  'Mutation.deleteRound': ADMIN,
  'Mutation.transitionRound': ADMIN,
  'Query.roundProgress': ADMIN_LEADER,
  'Query.transitionPreview': ADMIN,
  'Mutation.createTeam': ADMIN,
  'Mutation.renameTeam': ADMIN,
  'Mutation.deleteTeam': ADMIN,
  'Mutation.addTeamMember': ADMIN,
  'Mutation.removeTeamMember': ADMIN,
  'Mutation.addTrainingRecord': ADMIN,
  'Mutation.deleteTrainingRecord': ADMIN,
  'Mutation.assignTeam': ADMIN,
  'Mutation.unassignTeam': ADMIN,
  // assessments, findings, feedback forms, evidence
  'Query.assessments': SIGNED_IN,
  'Query.assessment': SIGNED_IN,
  'Query.roundRanking': SIGNED_IN,
  'Mutation.saveAssessmentInputs': ADMIN_INSPECTOR,
  'Mutation.submitAssessment': ADMIN_INSPECTOR,
  'Mutation.reopenAssessment': ADMIN_INSPECTOR,
  'Query.findings': SIGNED_IN,
  'Query.finding': SIGNED_IN,
  'Mutation.createFinding': ADMIN_INSPECTOR,
  'Mutation.updateFinding': ADMIN_INSPECTOR,
  'Mutation.deleteFinding': ADMIN_INSPECTOR,
  'Query.feedbackForms': SIGNED_IN,
  'Mutation.createFeedbackForm': ADMIN_INSPECTOR,
  'Mutation.updateFeedbackForm': ADMIN_INSPECTOR,
  'Mutation.deleteFeedbackForm': ADMIN_INSPECTOR,
  'Mutation.attachFindingEvidence': ADMIN_INSPECTOR,
  'Mutation.deleteEvidence': ADMIN_INSPECTOR,
  // reconciliation and publication
  'Mutation.confirmFinding': BRANCH,
  'Mutation.disputeFinding': BRANCH,
  'Mutation.upholdFinding': ADMIN,
  'Mutation.withdrawFinding': ADMIN,
  'Mutation.publishRound': ADMIN,
  'Query.performanceAdjustments': RESULT_READERS,
  // rectification, look-back, interviews
  'Query.rectificationLedger': SIGNED_IN,
  'Query.rectification': SIGNED_IN,
  'Query.lookBackItems': [...ADMIN_LEADER, 'INSPECTOR'],
  'Mutation.updateRectification': ADMIN_BRANCH,
  'Mutation.submitRectification': BRANCH,
  'Mutation.verifyRectification': ADMIN_INSPECTOR,
  'Mutation.returnRectification': ADMIN_INSPECTOR,
  'Mutation.lookBackVerify': ADMIN_INSPECTOR,
  'Mutation.carryOverRectification': ADMIN_INSPECTOR,
  'Query.interviews': SIGNED_IN,
  'Query.interview': SIGNED_IN,
  'Mutation.createInterview': ADMIN,
  'Mutation.updateInterview': ADMIN,
  'Mutation.addInterviewItem': ADMIN,
  'Mutation.updateInterviewItem': ADMIN,
  'Mutation.removeInterviewItem': ADMIN,
  // annual roll-up, to-do
  'Query.annualResults': RESULT_READERS,
  'Query.annualComponentScores': RESULT_READERS,
  'Mutation.setAnnualComponentScore': ADMIN,
  'Mutation.computeAnnualResults': ADMIN,
  'Query.myTodos': SIGNED_IN,
}
