/** Texts of the notice page (通报). */
export const noticesMessagesZhCN = {
  notices: {
    route: '通报',
    round: '检查轮次',
    register: '通报登记',
    docNo: '发文字号',
    title: '标题',
    issuedBy: '发文机关',
    issuedOn: '发文日期',
    preview: '打印预览',
    notRegistered: '本轮通报尚未登记，预览中为默认内容；保存后即登记。',
    unchanged: '没有修改',
    noRounds: '尚无已发布的检查轮次',
    open: '通报',
    problems: { required: '不能为空', tooLong: '不能超过 {max} 个字符' },
  },
}
