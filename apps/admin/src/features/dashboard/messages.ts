/** Texts of the leadership dashboard. */
const zhCN = {
  dashboard: {
    route: { dashboard: '领导看板', ledger: '整改台账' },
  },
}

export const dashboardMessagesZhCN = zhCN

export const dashboardMessagesEnUS: typeof zhCN = {
  dashboard: {
    route: { dashboard: 'Dashboard', ledger: 'Rectification ledger' },
  },
}
