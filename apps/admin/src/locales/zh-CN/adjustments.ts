/** Texts of the performance adjustments page (月度绩效加减分). */
export const adjustmentsMessagesZhCN = {
  adjustments: {
    route: '绩效加减分',
    month: '月份',
    round: '检查轮次',
    area: '专业',
    org: '党组织',
    category: '类别',
    reason: '原因',
    points: '加减分',
    reasons: { RED_LIST: '红榜（同类第一）', BLUE_LIST: '蓝榜（同类末位）', BELOW_THRESHOLD: '基础分低于标准' },
    count: '条数',
    added: '加分合计',
    deducted: '减分合计',
    empty: '没有符合条件的绩效加减分（结果发布后自动生成）',
    loadFailed: '绩效加减分加载失败，请稍后重试',
  },
}
