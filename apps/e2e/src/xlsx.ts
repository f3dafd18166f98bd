import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'

export type SheetRow = Record<string, string>

/** The media type of an .xlsx workbook, as a browser sends an uploaded one. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Clicks a download link and returns the file the browser saved. */
export async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  const path = await file.path()
  const { readFile } = await import('node:fs/promises')
  return { name: file.suggestedFilename(), bytes: await readFile(path) }
}

/**
 * A sheet as rows keyed by the header row's text, every cell as the text a person reads in Excel
 * (numbers with two decimals as formatted, dates as YYYY-MM-DD), read back with exceljs.
 */
export async function readSheets(bytes: Buffer): Promise<Map<string, SheetRow[]>> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheets = new Map<string, SheetRow[]>()
  workbook.eachSheet((sheet) => {
    const headers: string[] = []
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col] = String(cell.text).trim()))
    const rows: SheetRow[] = []
    sheet.eachRow((row, index) => {
      if (index === 1) return
      const record: SheetRow = {}
      headers.forEach((header, col) => {
        if (!header) return
        const value = row.getCell(col).value
        record[header] = typeof value === 'number' ? value.toFixed(2) : String(row.getCell(col).text ?? '').trim()
      })
      rows.push(record)
    })
    sheets.set(sheet.name, rows)
  })
  return sheets
}
