/** Texts of the areas page (专业). */
const zhCN = {
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

export const areasMessagesZhCN = zhCN

export const areasMessagesEnUS: typeof zhCN = {
  areas: {
    route: 'Areas',
    hint: 'Each area has its own schemes and board section.',
    code: 'Code',
    name: 'Name',
    sortOrder: 'Order',
    new: 'New area',
    rename: 'Rename',
    renameTitle: 'Edit area: {name}',
    problems: { codeRequired: 'Enter the code', codeTaken: 'Another area has this code', nameRequired: 'Enter the name', tooLong: 'At most {max} characters' },
  },
}
