/**
 * Hostile cells for the Excel imports: the genuine template (downloaded as the user would) with a
 * known-good base, and one variant per (column × bad value) plus duplicate rows, unknown codes and
 * codes of other orgs/rounds. Each variant names the cell the import report must point at.
 */
import ExcelJS from 'exceljs'
import { normalizeHeader, type SheetSpec } from '../../src/services/excel/read'
import { MB_STRING } from './sweep'

export type CellInput = string | number | boolean | Date | null

export interface Edit {
  sheet: SheetSpec
  row: number
  key: string
  value: CellInput
}

export interface CellCase {
  label: string
  edits: Edit[]
  /** The cell the report must list (defaults to the first edit's). */
  expect?: { sheet: SheetSpec; row: number; key: string }
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

/** Bad values by what a column holds. */
export const BAD: Record<
  'text' | 'decimal' | 'date' | 'choice' | 'int' | 'yesNo',
  [string, CellInput][]
> = {
  text: [['1 MB string', MB_STRING]],
  decimal: [
    ['word', 'abc'],
    ['negative', -1],
    ['−0.01 as text', '-0.01'],
    ['NaN as text', 'NaN'],
    ['Infinity as text', 'Infinity'],
    ['1e12', 1e12],
    ['1e308', 1e308],
    ['three decimals', 0.001],
    ['three decimals as text', '1.005'],
    ['boolean', true],
    ['a date', day(2026, 1, 1)],
    ['1 MB string', MB_STRING],
  ],
  date: [
    ['Feb 30', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['zeros', '0000-00-00'],
    ['words', 'not-a-date'],
    ['year 1999 (date cell)', day(1999, 12, 31)],
    ['year 2101 as text', '2101-01-01'],
    ['serial beyond 2100', 1e9],
    ['negative number', -5],
    ['boolean', true],
    ['1 MB string', MB_STRING],
  ],
  choice: [
    ['unknown label', 'NOT_A_VALUE'],
    ['a number', 7],
    ['1 MB string', MB_STRING],
  ],
  int: [
    ['fraction', 1.5],
    ['word', 'abc'],
    ['2^31', 2 ** 31],
    ['−2^31−1', -(2 ** 31) - 1],
    ['1e308', 1e308],
  ],
  yesNo: [
    ['maybe', 'maybe'],
    ['a number', 7],
  ],
}

/** Variants setting one cell to each bad value of its kind (plus empty when required). */
export function cellCases(
  sheet: SheetSpec,
  row: number,
  key: string,
  kind: keyof typeof BAD,
  options: { required?: boolean } = {},
): CellCase[] {
  const values: [string, CellInput][] = [...BAD[kind]]
  if (options.required) values.push(['empty', null])
  return values.map(([label, value]) => ({
    label: `${sheet.name}!${key} ← ${label}`,
    edits: [{ sheet, row, key, value }],
  }))
}

export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return wb
}

/** Column number of a field in a template sheet (headers carry a `*` when required). */
export function columnOf(wb: ExcelJS.Workbook, spec: SheetSpec, key: string): number {
  const ws = wb.getWorksheet(spec.name)
  if (!ws) throw new Error(`template has no sheet ${spec.name}`)
  const field = spec.fields.find((f) => f.key === key)
  if (!field) throw new Error(`${spec.name} has no field ${key}`)
  let found = 0
  ws.getRow(1).eachCell((cell, col) => {
    if (
      typeof cell.value === 'string' &&
      normalizeHeader(cell.value) === normalizeHeader(field.header)
    )
      found = col
  })
  if (!found) throw new Error(`${spec.name}: no column for ${key}`)
  return found
}

export function cellAddress(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  row: number,
  key: string,
): string {
  const ws = wb.getWorksheet(spec.name)!
  return `${ws.getColumn(columnOf(wb, spec, key)).letter}${row}`
}

export function readCell(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  row: number,
  key: string,
): CellInput {
  const value = wb
    .getWorksheet(spec.name)!
    .getRow(row)
    .getCell(columnOf(wb, spec, key)).value
  return value === undefined ? null : (value as CellInput)
}

/** Writes `edits` into a fresh copy of `base` and returns the file. */
export async function bookWith(base: Uint8Array, edits: Edit[]): Promise<Uint8Array> {
  const wb = await loadBook(base)
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet.name)!
    ws.getRow(e.row).getCell(columnOf(wb, e.sheet, e.key)).value = e.value
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** A whole row as edits (every field of the spec present in `values`). */
export function rowEdits(sheet: SheetSpec, row: number, values: Record<string, CellInput>): Edit[] {
  return Object.entries(values).map(([key, value]) => ({ sheet, row, key, value }))
}
