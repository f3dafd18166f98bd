import { describe, expect, it } from 'vitest'
import { previewPage, problemRowCount, rowHasProblem } from './importPreview'

const row = (n: number, error: string | null = null) => ({ row: n, values: [`v${n}`, null], errors: [null, error] })
const sheet = { rows: Array.from({ length: 45 }, (_, i) => row(i + 2, i % 10 === 3 ? '应为整数' : null)) }

describe('import preview rows', () => {
  it('tells rows with a problem', () => {
    expect(rowHasProblem(row(2))).toBe(false)
    expect(rowHasProblem(row(2, '请填写“名称”'))).toBe(true)
    expect(problemRowCount(sheet)).toBe(5)
  })

  it('pages every row in file order', () => {
    const first = previewPage(sheet, { onlyProblems: false, page: 1 })
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: 45 })
    expect(first.rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2))
    expect(previewPage(sheet, { onlyProblems: false, page: 3 }).rows.map((r) => r.row)).toEqual([42, 43, 44, 45, 46])
  })

  it('filters to the rows with problems and keeps the page within range', () => {
    const only = previewPage(sheet, { onlyProblems: true, page: 3 })
    expect(only).toMatchObject({ page: 1, pageCount: 1, total: 5 })
    expect(only.rows.map((r) => r.row)).toEqual([5, 15, 25, 35, 45])
    expect(previewPage({ rows: [] }, { onlyProblems: false, page: 1 })).toEqual({ rows: [], page: 1, pageCount: 1, total: 0 })
  })
})
