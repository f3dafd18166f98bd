/** Texts of the Excel export buttons and import screens. */
const zhCN = {
  excel: {
    export: '导出 Excel',
  },
}

export const excelMessagesZhCN = zhCN

export const excelMessagesEnUS: typeof zhCN = {
  excel: {
    export: 'Export to Excel',
  },
}
