import ExcelJS from 'exceljs'
import type { Locator } from 'playwright-core'
import { XLSX } from './xlsx'

/**
 * The orgs import template (as downloaded) with the 类别 cell of its first categorised org set to
 * `category`, or left as it is (null); with that cell's address and its text before.
 */
export async function withCategory(
  template: Buffer,
  category: string | null,
): Promise<{ bytes: Buffer; cell: string; original: string }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(template as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('党组织')
  if (!sheet) throw new Error('the orgs template has no sheet 党组织')
  let column = 0
  sheet.getRow(1).eachCell((cell, col) => {
    if (String(cell.text).trim() === '类别') column = col
  })
  let target = 0
  sheet.eachRow((row, index) => {
    if (index > 1 && !target && String(row.getCell(column).text).trim()) target = index
  })
  const cell = sheet.getRow(target).getCell(column)
  const original = String(cell.text)
  if (category !== null) cell.value = category
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), cell: cell.address, original }
}

/** Chooses `bytes` as the file of an import panel and asks for its check (the dry run). */
export async function checkImport(panel: Locator, name: string, bytes: Buffer): Promise<void> {
  await panel.getByTestId('import-file').setInputFiles({ name, mimeType: XLSX, buffer: bytes })
  await panel.getByTestId('import-check').click()
}
