/** Texts of the shared indicators page (五个标准化). */
export const sharedIndicatorsMessagesZhCN = {
  sharedIndicators: {
    route: '共享指标',
    area: '专业',
    code: '编码',
    name: '名称',
    method: '计分方式',
    standard: '评价标准',
    guide: '评分说明',
    linked: '引用的方案指标',
    new: '新建共享指标',
    hint: '“五个标准化”等共享指标在同一年度、同一专业内只定义一次，各类别方案引用同一定义；修改后所有草稿方案随之更新，已发布方案在修订前保持原样。',
    empty: '该年度和专业尚无共享指标',
    deleteTitle: '删除共享指标“{name}”？',
    deleted: '共享指标已删除',
    inUse: '有 {n} 个方案指标引用，不能删除',
    problems: { required: '不能为空', codeTaken: '编码已存在' },
  },
}
