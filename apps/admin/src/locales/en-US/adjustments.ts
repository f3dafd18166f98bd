import type { adjustmentsMessagesZhCN } from '../zh-CN/adjustments'

/** Texts of the performance adjustments page (月度绩效加减分). */
export const adjustmentsMessagesEnUS: typeof adjustmentsMessagesZhCN = {
  adjustments: {
    route: 'Adjustments',
    month: 'Month',
    round: 'Round',
    area: 'Area',
    org: 'Organization',
    category: 'Category',
    reason: 'Reason',
    points: 'Points',
    reasons: { RED_LIST: 'Red list (first)', BLUE_LIST: 'Blue list (last)', BELOW_THRESHOLD: 'Base below threshold' },
    count: 'Entries',
    added: 'Added',
    deducted: 'Deducted',
    empty: 'No adjustments match (they are created when results are published)',
    loadFailed: 'Could not load the adjustments; please try again',
  },
}
