import ExcelJS from 'exceljs'

/**
 * Sheet conventions shared by every export and template: Chinese headers in bold on a tinted
 * row, the header row frozen, an auto-filter over the table, explicit column widths, and scores in
 * the '0.00' number format (Excel stores doubles; two decimals display and sum as expected for
 * values that are exact in cents).
 */

export interface Column<Row> {
  header: string
  /** Width in characters (a CJK character counts about two). */
  width: number
  value: (row: Row) => string | number | Date | null | undefined
  /** Excel number format, e.g. SCORE_FORMAT; dates get DATE_FORMAT. */
  numFmt?: string
  /** Wrap long text (descriptions, measures). */
  wrap?: boolean
}

export const SCORE_FORMAT = '0.00'
export const SIGNED_SCORE_FORMAT = '+0.00;-0.00;0.00'
export const DATE_FORMAT = 'yyyy-mm-dd'
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm'

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3DC' } }
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = '红蓝榜考评系统'
  wb.created = new Date()
  return wb
}

/** Adds a sheet with the header row styled and frozen; returns it for rows to be added. */
export function addTableSheet<Row>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column<Row>[],
  rows: Row[],
  options: { autoFilter?: boolean } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: {
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      alignment: c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' },
    },
  }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  header.height = 22
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL
    cell.border = THIN
  })
  for (const row of rows) {
    const added = ws.addRow(columns.map((c) => c.value(row) ?? null))
    added.eachCell((cell) => {
      cell.border = THIN
    })
  }
  if ((options.autoFilter ?? true) && columns.length) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } }
  }
  return ws
}

/** A Decimal (or null) as an Excel number with cents; null stays an empty cell. */
export function num(value: { toString(): string } | null | undefined): number | null {
  if (value === null || value === undefined) return null
  return Number(Number(value.toString()).toFixed(2))
}

/** A `@db.Date` (China calendar day stored as UTC midnight) as an Excel date (serial day). */
export function day(value: Date | null | undefined): Date | null {
  return value ? new Date(value.toISOString().slice(0, 10) + 'T00:00:00.000Z') : null
}

/** An instant shown in China time (Excel has no zones: the cell holds the wall-clock time). */
export function chinaTime(value: Date | null | undefined): Date | null {
  return value ? new Date(value.getTime() + 8 * 3_600_000) : null
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer())
}
