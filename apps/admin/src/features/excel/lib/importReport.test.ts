import { describe, expect, it } from 'vitest'
import { isWorkbook, problemRows, stageAfterCheck } from './importReport'

const problem = (sheet: string, row: number | null, cell: string | null, message: string, value: string | null = null) => ({
  sheet,
  row,
  cell,
  column: cell ? `列${cell}` : null,
  columnLetter: cell?.replace(/\d+/g, '') ?? null,
  value,
  message,
})

describe('problemRows', () => {
  it('groups problems by row, cells in column order, sheet-wide ones first', () => {
    const rows = problemRows([
      problem('党组织', 7, 'C7', '类别只能是 Ⅰ类、Ⅱ类、Ⅲ类', 'Ⅳ类'),
      problem('党组织', 3, 'AA3', '超长'),
      problem('党组织', 3, 'B3', '名称不能为空'),
      problem('党组织', null, null, '缺少“编码”列'),
    ])
    expect(rows.map((r) => r.row)).toEqual([null, 3, 7])
    expect(rows[1]!.cells.map((c) => c.cell)).toEqual(['B3', 'AA3'])
    expect(rows[2]!.cells[0]).toEqual({ cell: 'C7', column: '列C7', value: 'Ⅳ类', message: '类别只能是 Ⅰ类、Ⅱ类、Ⅲ类' })
  })
  it('is empty for a clean file', () => {
    expect(problemRows([])).toEqual([])
  })
})

describe('stageAfterCheck', () => {
  it('refuses to save while any row is wrong', () => {
    expect(stageAfterCheck({ problems: [problem('党组织', 2, 'A2', 'x')], rowCount: 10 })).toBe('rejected')
    expect(stageAfterCheck({ problems: [], rowCount: 10 })).toBe('ready')
  })
})

describe('isWorkbook', () => {
  it('takes .xlsx only', () => {
    expect(isWorkbook({ name: '党组织.XLSX' })).toBe(true)
    expect(isWorkbook({ name: '党组织.xls' })).toBe(false)
    expect(isWorkbook({ name: '党组织.csv' })).toBe(false)
  })
})
