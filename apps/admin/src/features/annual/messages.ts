/** Texts of the annual roll-up page (年度考评). */
const zhCN = {
  annual: {
    route: '年度考评',
    area: '专业',
    org: '党组织',
    category: '类别',
    quarter: '第{q}季度',
    counted: '计入季度',
    notCounted: '该季度未计入',
    quarterlyMean: '季度平均',
    quarterlyComponent: '季度折算',
    componentsTotal: '年度项目合计',
    total: '年度总分',
    compute: '计算年度结果',
    computed: '已计算 {n} 个党组织的年度结果',
    computedAt: '计算于 {at}',
    saved: '已保存{org}的得分',
    hint: '季度成绩取所选专业本年度已发布轮次的总分；年度项目得分按规则设置中的权重折算。修改得分后请重新计算。',
    noQuarters: '本年度尚无已发布的检查轮次',
    notComputed: '尚未计算本年度结果：录入年度项目得分后点击“计算年度结果”',
    loadFailed: '年度考评数据加载失败，请稍后重试',
    pointsProblem: {
      required: '请填写得分',
      number: '请输入数字',
      negative: '得分不能为负',
      places: '最多两位小数',
      tooLarge: '得分不能超过 9999',
    },
  },
}

export const annualMessagesZhCN = zhCN

export const annualMessagesEnUS: typeof zhCN = {
  annual: {
    route: 'Annual evaluation',
    area: 'Area',
    org: 'Organization',
    category: 'Category',
    quarter: 'Q{q}',
    counted: 'Quarters',
    notCounted: 'Not counted for this quarter',
    quarterlyMean: 'Quarterly mean',
    quarterlyComponent: 'Quarterly part',
    componentsTotal: 'Components',
    total: 'Annual total',
    compute: 'Compute annual results',
    computed: 'Annual results computed for {n} organizations',
    computedAt: 'Computed {at}',
    saved: 'Saved the points of {org}',
    hint: "Quarterly results are the totals of this year's published rounds in the chosen area; component points are weighted as the rule set says. Compute again after changing points.",
    noQuarters: 'No published round this year yet',
    notComputed: 'Not computed yet: enter the components, then choose “Compute annual results”',
    loadFailed: 'Could not load the annual evaluation; please try again',
    pointsProblem: {
      required: 'Enter the points',
      number: 'Enter a number',
      negative: 'Points cannot be negative',
      places: 'At most two decimals',
      tooLarge: 'At most 9999',
    },
  },
}
