/** Texts of the Excel export buttons and import screens. */
const zhCN = {
  excel: {
    export: '导出 Excel',
    exportRanking: '导出排名',
    exportFindings: '导出问题清单',
    exportScope: '按所选轮次和状态导出',
  },
}

export const excelMessagesZhCN = zhCN

export const excelMessagesEnUS: typeof zhCN = {
  excel: {
    export: 'Export to Excel',
    exportRanking: 'Export ranking',
    exportFindings: 'Export findings',
    exportScope: 'Exports the chosen round and status',
  },
}
