import { auditMessagesZhCN } from '@/locales/zh-CN/audit-log'

type Translate = (key: string) => string
const { entity: ENTITIES, verb: VERBS, model: MODELS, phrase: PHRASES } = auditMessagesZhCN.auditLabels

/**
 * An action (`entity.verb`) as a person reads it: 发布考核方案 / Publish scheme. An action the
 * app does not know yet is shown as it is rather than hidden.
 */
export function actionLabel(action: string, t: Translate, locale: string): string {
  // Round transitions read as one phrase (检查轮次转为核对中), not verb + object.
  const phrase = action.replace('.', '_')
  if (phrase in PHRASES) return t(`auditLabels.phrase.${phrase}`)
  const [entity, verb] = action.split('.')
  if (!entity || !verb || !(entity in ENTITIES) || !(verb in VERBS)) return action
  const e = t(`auditLabels.entity.${entity}`)
  const v = t(`auditLabels.verb.${verb}`)
  return locale === 'en-US' ? `${v} ${e}` : `${v}${e}`
}

/** The audited object: 考核方案 #50 / Scheme #50. */
export function entityLabel(entityType: string, entityId: string, t: Translate): string {
  const name = entityType in MODELS ? t(`auditLabels.model.${entityType}`) : entityType
  return `${name} #${entityId}`
}

/** Every action the API writes, for the filter (its options are searched by their label). */
export const KNOWN_ACTIONS: readonly string[] = [
  'auth.login', 'auth.logout', 'auth.changePassword',
  'user.create', 'user.update', 'user.resetPassword',
  'org.create', 'org.update', 'org.delete', 'org.import',
  'area.create', 'area.update', 'problemCategory.create', 'problemCategory.update',
  'categoryAssignment.set', 'categoryAssignment.copy', 'ruleSet.save',
  'scheme.create', 'scheme.updateDraft', 'scheme.deleteDraft', 'scheme.publish', 'scheme.revise', 'scheme.clone',
  'scheme.archive', 'scheme.importIndicators',
  'sharedIndicator.create', 'sharedIndicator.update', 'sharedIndicator.delete', 'notice.create', 'notice.update',
  'round.create', 'round.update', 'round.delete', 'round.inspecting', 'round.reconciling', 'round.published',
  'round.publishResults', 'round.closed',
  'team.create', 'team.rename', 'team.delete', 'team.addMember', 'team.removeMember', 'team.addTraining',
  'team.deleteTraining', 'team.assign', 'team.unassign',
  'assessment.saveInputs', 'assessment.submit', 'assessment.reopen',
  'feedbackForm.create', 'feedbackForm.update', 'feedbackForm.delete',
  'finding.create', 'finding.update', 'finding.delete', 'finding.import', 'finding.confirm', 'finding.dispute',
  'finding.uphold', 'finding.withdraw', 'evidence.upload', 'evidence.delete',
  'rectification.edit', 'rectification.submit', 'rectification.verify', 'rectification.return',
  'rectification.lookBackVerify', 'rectification.carryOver',
  'interview.create', 'interview.update', 'interview.addItem', 'interview.updateItem', 'interview.removeItem',
  'annual.setComponent', 'annual.compute',
]

export const KNOWN_MODELS: readonly string[] = Object.keys(MODELS)
