import { Prisma } from '@redblue/db'
import ExcelJS from 'exceljs'

/**
 * Reading an uploaded workbook into rows keyed by our field names, collecting problems instead of
 * stopping at the first: every bad cell of every row is reported with its sheet, row, column
 * header and cell address, in Chinese, so the user can fix the file in one pass.
 */

export interface ImportProblem {
  sheet: string
  /** 1-based Excel row; null for file-level problems. */
  row: number | null
  /** The column's header as in the template, e.g. "党组织编码". */
  column: string | null
  /** Excel column letter, e.g. "B". */
  columnLetter: string | null
  /** The offending value as text (truncated). */
  value: string | null
  message: string
}

export type CellValue = string | number | boolean | Date | null

export interface FieldSpec {
  key: string
  header: string
  required?: boolean
  /** Other accepted header texts. */
  aliases?: string[]
  /** Explanation for the template's 填写说明 sheet. */
  note?: string
  width?: number
}

export interface SheetSpec {
  name: string
  fields: FieldSpec[]
}

export interface SheetRow {
  row: number
  values: Record<string, CellValue>
}

export interface ParsedSheet {
  spec: SheetSpec
  present: boolean
  rows: SheetRow[]
  /** Column letter of each field found in the header. */
  letters: Record<string, string>
}

/** Limits that keep a hostile or mistaken upload from exhausting the server. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
export const MAX_ROWS = 5000

export class ProblemList {
  readonly items: ImportProblem[] = []

  add(sheet: string, row: number | null, field: FieldSpec | null, letter: string | null, value: CellValue | undefined, message: string) {
    this.items.push({
      sheet,
      row,
      column: field?.header ?? null,
      columnLetter: letter,
      value: value === null || value === undefined || value === '' ? null : displayValue(value).slice(0, 100),
      message,
    })
  }

  /** A problem about one cell of a parsed sheet. */
  cell(sheet: ParsedSheet, row: SheetRow, key: string, message: string) {
    const field = sheet.spec.fields.find((f) => f.key === key) ?? null
    this.add(sheet.spec.name, row.row, field, sheet.letters[key] ?? null, row.values[key], message)
  }

  file(message: string, sheet = '') {
    this.add(sheet, null, null, null, null, message)
  }

  get length(): number {
    return this.items.length
  }
}

/** exceljs turns a date-formatted serial beyond JS dates (e.g. 1e9) into an Invalid Date. */
function isInvalidDate(value: CellValue): boolean {
  return value instanceof Date && Number.isNaN(value.getTime())
}

/** A cell's value as text for reports and the preview (dates as 2026-03-10). */
export function displayValue(value: CellValue): string {
  // toISOString() throws on an Invalid Date: the report of a bad cell was a 500.
  if (isInvalidDate(value)) return '无效日期'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

/** The plain value of an exceljs cell (rich text, hyperlinks and formula results unwrapped). */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value) return cellValue(value.richText.map((r) => r.text).join(''))
    if ('hyperlink' in value) return cellValue(value.text)
    if ('result' in value) return cellValue(value.result)
    if ('error' in value) return null
  }
  return null
}

/** Header text without the "*" required marker, full-width brackets' notes and spaces. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[*＊]/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')
    .trim()
}

export async function loadWorkbook(bytes: Uint8Array, problems: ProblemList): Promise<ExcelJS.Workbook | null> {
  if (bytes.byteLength === 0) {
    problems.file('文件为空')
    return null
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    problems.file(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限`)
    return null
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    problems.file('不是 Excel（.xlsx）文件，请使用下载的模板填写后上传')
    return null
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  } catch {
    problems.file('无法读取该 Excel 文件，请使用下载的模板（.xlsx）填写后上传')
    return null
  }
  return wb
}

/**
 * Finds the sheet by name (the only sheet also counts for one-sheet templates), maps header
 * texts to fields, and returns the non-empty rows. Missing required columns are problems.
 */
export function parseSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  problems: ProblemList,
  options: { required: boolean; allowOnlySheet?: boolean },
): ParsedSheet {
  let ws = wb.getWorksheet(spec.name)
  if (!ws && options.allowOnlySheet) {
    const data = wb.worksheets.filter((w) => w.state === 'visible' && !w.name.startsWith('填写说明') && !w.name.startsWith('参考'))
    if (data.length === 1) ws = data[0]
  }
  const parsed: ParsedSheet = { spec, present: !!ws, rows: [], letters: {} }
  if (!ws) {
    if (options.required) problems.file(`缺少工作表“${spec.name}”，请使用下载的模板`, spec.name)
    return parsed
  }
  const header = ws.getRow(1)
  const columnOf = new Map<string, number>()
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellValue(cell.value)
    if (typeof text !== 'string') return
    const key = normalizeHeader(text)
    const field = spec.fields.find((f) => normalizeHeader(f.header) === key || f.aliases?.some((a) => normalizeHeader(a) === key))
    if (field && !columnOf.has(field.key)) columnOf.set(field.key, col)
  })
  let missing = false
  for (const field of spec.fields) {
    const col = columnOf.get(field.key)
    if (col !== undefined) parsed.letters[field.key] = ws.getColumn(col).letter
    else if (field.required) {
      problems.add(spec.name, 1, field, null, null, `缺少必填列“${field.header}”`)
      missing = true
    }
  }
  // Without a required column every row would repeat the same complaint; the header says it once.
  if (missing) return parsed
  if (ws.rowCount - 1 > MAX_ROWS) {
    problems.file(`工作表“${spec.name}”超过 ${MAX_ROWS} 行上限，请分批导入`, spec.name)
    return parsed
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const values: Record<string, CellValue> = {}
    let empty = true
    for (const field of spec.fields) {
      const col = columnOf.get(field.key)
      const value = col === undefined ? null : cellValue(row.getCell(col).value)
      values[field.key] = value
      if (value !== null) empty = false
    }
    if (!empty) parsed.rows.push({ row: r, values })
  }
  return parsed
}

// ---- typed cell readers: return the value, or record a problem and return undefined -----------

export class RowReader {
  constructor(
    private readonly sheet: ParsedSheet,
    private readonly row: SheetRow,
    private readonly problems: ProblemList,
  ) {}

  private fail(key: string, message: string): undefined {
    this.problems.cell(this.sheet, this.row, key, message)
    return undefined
  }

  private header(key: string): string {
    return this.sheet.spec.fields.find((f) => f.key === key)?.header ?? key
  }

  raw(key: string): CellValue {
    return this.row.values[key] ?? null
  }

  /** Text; `null` when empty and optional. */
  text(key: string, options: { required?: boolean; max?: number } = {}): string | null | undefined {
    const value = this.raw(key)
    if (isInvalidDate(value)) return this.fail(key, `“${this.header(key)}”不是有效日期`)
    const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim()
    if (!text) return options.required ? this.fail(key, `请填写“${this.header(key)}”`) : null
    if (options.max && text.length > options.max) return this.fail(key, `“${this.header(key)}”不能超过 ${options.max} 个字符`)
    return text
  }

  /** Exact decimal with at most two places, ≥ 0 unless allowed otherwise. */
  decimal(
    key: string,
    options: { required?: boolean; max?: Prisma.Decimal | number; allowNegative?: boolean } = {},
  ): Prisma.Decimal | null | undefined {
    const value = this.raw(key)
    if (value === null) return options.required ? this.fail(key, `请填写“${this.header(key)}”`) : null
    let text: string
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return this.fail(key, `“${this.header(key)}”应为数字`)
      // Excel keeps 15 significant digits; undo binary noise such as 2.0099999999999998.
      text = String(Number(value.toPrecision(15)))
    } else if (typeof value === 'string') {
      text = value.replace(/[,，\s]/g, '')
    } else {
      return this.fail(key, `“${this.header(key)}”应为数字`)
    }
    if (!/^-?\d+(\.\d+)?$/.test(text)) return this.fail(key, `“${this.header(key)}”应为数字`)
    const d = new Prisma.Decimal(text)
    if (d.decimalPlaces() > 2) return this.fail(key, `“${this.header(key)}”最多两位小数`)
    if (d.isNegative() && !options.allowNegative) return this.fail(key, `“${this.header(key)}”不能为负数`)
    if (d.abs().gte(10000)) return this.fail(key, `“${this.header(key)}”数值过大`)
    if (options.max !== undefined && d.greaterThan(options.max)) {
      return this.fail(key, `“${this.header(key)}”不能超过 ${new Prisma.Decimal(options.max).toFixed(2)}`)
    }
    return d
  }

  int(key: string, options: { required?: boolean; min?: number; max?: number } = {}): number | null | undefined {
    const value = this.raw(key)
    if (value === null) return options.required ? this.fail(key, `请填写“${this.header(key)}”`) : null
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN
    if (!Number.isInteger(n)) return this.fail(key, `“${this.header(key)}”应为整数`)
    if ((options.min !== undefined && n < options.min) || (options.max !== undefined && n > options.max)) {
      return this.fail(key, `“${this.header(key)}”应在 ${options.min ?? '-∞'} 到 ${options.max ?? '∞'} 之间`)
    }
    return n
  }

  /** A calendar day (Excel date cell, or text 2026-03-10 / 2026/3/10 / 2026年3月10日) as UTC midnight. */
  date(key: string, options: { required?: boolean } = {}): Date | null | undefined {
    const value = this.raw(key)
    if (value === null) return options.required ? this.fail(key, `请填写“${this.header(key)}”`) : null
    let y: number, m: number, d: number
    if (value instanceof Date) {
      // exceljs turns date serials into UTC instants; the calendar day is the UTC date.
      ;[y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]
    } else {
      const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(value).trim())
      if (!match) return this.fail(key, `“${this.header(key)}”应为日期，如 2026-03-10`)
      ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
    }
    const date = new Date(Date.UTC(y, m - 1, d))
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100) {
      return this.fail(key, `“${this.header(key)}”不是有效日期`)
    }
    return date
  }

  /** One of a fixed set of labels (matched after trimming; case-insensitive for Latin). */
  choice<T>(key: string, options: Record<string, T>, config: { required?: boolean } = {}): T | null | undefined {
    const text = this.text(key, { required: config.required })
    if (text === undefined || text === null) return text
    const hit = Object.entries(options).find(([label]) => label.toLowerCase() === text.toLowerCase())
    if (!hit) {
      const labels = [...new Set(Object.keys(options).filter((l) => /[^\x20-\x7e]/.test(l)))]
      return this.fail(key, `“${this.header(key)}”应为 ${(labels.length ? labels : Object.keys(options)).join('、')} 之一`)
    }
    return hit[1]
  }

  /** 是/否 (also Y/N, true/false, 1/0). */
  yesNo(key: string, fallback: boolean): boolean | undefined {
    const value = this.raw(key)
    if (value === null) return fallback
    if (typeof value === 'boolean') return value
    const text = String(value).trim().toLowerCase()
    if (['是', 'y', 'yes', 'true', '1'].includes(text)) return true
    if (['否', 'n', 'no', 'false', '0'].includes(text)) return false
    return this.fail(key, `“${this.header(key)}”应为 是 或 否`)
  }

  /** Reports a problem about this row's cell (for cross-row and database checks). */
  problem(key: string, message: string): undefined {
    return this.fail(key, message)
  }
}

export function reader(sheet: ParsedSheet, row: SheetRow, problems: ProblemList): RowReader {
  return new RowReader(sheet, row, problems)
}
