/** Texts of the drill-down from a ranking row to the rectification of a finding. */
const zhCN = {
  drilldown: {
    route: { drilldown: '失分明细' },
  },
}

export const drilldownMessagesZhCN = zhCN

export const drilldownMessagesEnUS: typeof zhCN = {
  drilldown: {
    route: { drilldown: 'Lost points' },
  },
}
