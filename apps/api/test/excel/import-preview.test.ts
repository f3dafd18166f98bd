/**
 * The import's preview: a dry run answers every data row of the file, sheet by sheet, with each
 * cell's value as read and the problems of each cell (null where the cell is fine), so the screen
 * can show the whole table with the wrong cells marked. Nothing is saved while any row is wrong;
 * once saved, the preview is left out.
 */
import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { useTestApi } from '../helpers'
import { headerOf, readXlsx, rowsOf, uploadImport, xlsxBytes } from './xlsx'

const api = useTestApi({ reset: 'file' })

interface Preview {
  sheet: string
  columns: { key: string; header: string; letter: string | null }[]
  rows: { row: number; values: (string | null)[]; errors: (string | null)[] }[]
}
interface PreviewReport {
  applied: boolean
  rowCount: number
  problems: { row: number | null; cell: string | null; message: string }[]
  preview: Preview[]
}

const IMPORT_ORGS = `mutation ($file: Upload!, $year: Int, $dryRun: Boolean) { importOrgs(file: $file, year: $year, dryRun: $dryRun) {
  ... on ImportReport { applied rowCount problems { row cell message } preview { sheet columns { key header letter } rows { row values errors } } } } }`

let cookie: string
async function send(wb: ExcelJS.Workbook, dryRun: boolean): Promise<PreviewReport> {
  cookie ??= await api.login('admin')
  const res = await uploadImport(api, IMPORT_ORGS, { year: 2026, dryRun }, { name: '党组织.xlsx', bytes: await xlsxBytes(wb) }, cookie)
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors))
  return res.data!.importOrgs as unknown as PreviewReport
}

async function template(): Promise<ExcelJS.Workbook> {
  return readXlsx(await api.fetch('/files/template/orgs.xlsx?year=2026', {}, { cookie: (cookie ??= await api.login('admin')) }))
}

function setCell(ws: ExcelJS.Worksheet, row: number, header: string, value: string | number | null) {
  const col = headerOf(ws).map((h) => h.replace('*', '')).indexOf(header) + 1
  ws.getRow(row).getCell(col).value = value
}

describe('import preview', () => {
  it('answers every row with its values and the problems cell by cell; nothing is saved', async () => {
    const wb = await template()
    const ws = wb.getWorksheet('党组织')!
    const fileRows = rowsOf(ws)
    const orgsBefore = await api.prisma.organization.count()
    setCell(ws, 3, '单位类型', '分公司')
    setCell(ws, 3, '排序', '第一')
    setCell(ws, 5, '类别', 'Ⅳ类')

    const report = await send(wb, true)
    expect(report.applied).toBe(false)
    expect(report.problems.map((p) => p.cell).sort()).toEqual(['D3', 'H3', 'I5'])
    expect(report.preview.map((s) => s.sheet)).toEqual(['党组织', '问题类别'])
    const orgs = report.preview[0]!
    expect(orgs.columns.map((c) => `${c.letter}:${c.header}`)).toEqual([
      'A:编码', 'B:名称', 'C:简称', 'D:单位类型', 'E:上级组织编码', 'F:参与考核', 'G:启用', 'H:排序', 'I:类别',
    ])
    // Every row of the file, not only the wrong ones, in file order.
    expect(orgs.rows.map((r) => r.row)).toEqual(fileRows.map((_, i) => i + 2))
    expect(orgs.rows[0]!.values.slice(0, 2)).toEqual([String(fileRows[0]![0]), String(fileRows[0]![1])])
    const col = (header: string) => orgs.columns.findIndex((c) => c.header === header)
    const row3 = orgs.rows.find((r) => r.row === 3)!
    expect(row3.values[col('单位类型')]).toBe('分公司')
    expect(row3.errors[col('单位类型')]).toBe('“单位类型”应为 基层单位、本部 之一')
    expect(row3.errors[col('排序')]).toBe('“排序”应为整数')
    expect(row3.errors[col('名称')]).toBeNull()
    expect(orgs.rows.find((r) => r.row === 5)!.errors[col('类别')]).toMatch(/^“类别”应为/)
    // Rows without problems carry none.
    const clean = orgs.rows.filter((r) => r.row !== 3 && r.row !== 5)
    expect(clean.every((r) => r.errors.every((e) => e === null))).toBe(true)
    expect(report.preview[1]!.rows).toHaveLength(rowsOf(wb.getWorksheet('问题类别')!).length)
    expect(await api.prisma.organization.count()).toBe(orgsBefore)

    // The real run of the same file is refused alike and also shows the table.
    const real = await send(wb, false)
    expect(real.applied).toBe(false)
    expect(real.preview[0]!.rows).toHaveLength(fileRows.length)
    expect(await api.prisma.organization.count()).toBe(orgsBefore)
  })

  it('a clean file previews every row without problems; once saved the preview is left out', async () => {
    const wb = await template()
    const dry = await send(wb, true)
    expect(dry.problems).toEqual([])
    expect(dry.preview[0]!.rows).toHaveLength(rowsOf(wb.getWorksheet('党组织')!).length)
    expect(dry.preview.flatMap((s) => s.rows).every((r) => r.errors.every((e) => e === null))).toBe(true)
    const done = await send(wb, false)
    expect(done.applied).toBe(true)
    expect(done.preview).toEqual([])
  })
})
