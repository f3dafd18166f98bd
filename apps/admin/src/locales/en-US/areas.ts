import type { areasMessagesZhCN } from '../zh-CN/areas'

/** Texts of the areas page (专业). */
export const areasMessagesEnUS: typeof areasMessagesZhCN = {
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
