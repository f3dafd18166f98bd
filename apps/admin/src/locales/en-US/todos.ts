import type { todoMessagesZhCN } from '../zh-CN/todos'

/** What kind of item each to-do is, said on the item itself. */
export const todoMessagesEnUS: typeof todoMessagesZhCN = {
  todoKind: {
    RECTIFICATION_DUE_SOON: 'Rectification due soon',
    RECTIFICATION_OVERDUE: 'Rectification overdue',
    RECTIFICATION_RETURNED: 'Rectification returned',
    RECTIFICATION_TO_VERIFY: 'Rectification to verify',
    FINDINGS_TO_RECONCILE: 'Findings to reconcile',
    DISPUTE_TO_RESOLVE: 'Dispute to resolve',
    ASSESSMENT_TO_FINISH: 'Score sheet to finish',
    LOOK_BACK: 'Look-back',
  },
}
