/** What kind of item each to-do is, said on the item itself. */
export const todoMessagesZhCN = {
  todoKind: {
    RECTIFICATION_DUE_SOON: '整改临期',
    RECTIFICATION_OVERDUE: '整改逾期',
    RECTIFICATION_RETURNED: '整改被退回',
    RECTIFICATION_TO_VERIFY: '整改待核验',
    FINDINGS_TO_RECONCILE: '问题待核对',
    DISPUTE_TO_RESOLVE: '异议待处理',
    ASSESSMENT_TO_FINISH: '评分待完成',
    LOOK_BACK: '回头看',
  },
}
