/** Texts of the areas page (专业). */
export const areasMessagesZhCN = {
  areas: {
    route: '专业',
    hint: '每个专业有各自的考核方案和看板栏目。',
    code: '编码',
    name: '名称',
    sortOrder: '排序',
    new: '新建专业',
    rename: '重命名',
    renameTitle: '修改专业：{name}',
    problems: { codeRequired: '请填写编码', codeTaken: '编码已被其他专业使用', nameRequired: '请填写名称', tooLong: '不能超过 {max} 个字符' },
  },
}
