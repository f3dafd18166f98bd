import { displayValue, type CellValue, type ImportProblem, type ParsedSheet } from '../read'

/**
 * The preview of an import: every data row the file holds, sheet by sheet, with each cell's value
 * as read and the problems found in that cell, so the person sees the whole table with the wrong
 * cells marked rather than a bare list of errors. Built from the parsed sheets and the final
 * problem list (problems are found in several passes: the row's own cells, then cross-row and
 * database checks).
 */

export interface PreviewColumn {
  key: string
  /** The column's header as in the template. */
  header: string
  /** Excel column letter in the uploaded file; null when the file has no such column. */
  letter: string | null
}

export interface PreviewRow {
  /** 1-based Excel row. */
  row: number
  /** Cell values, one per column (null for an empty cell). */
  values: (string | null)[]
  /** The problems of each cell, one entry per column (null when the cell is fine). */
  errors: (string | null)[]
}

export interface PreviewSheet {
  sheet: string
  columns: PreviewColumn[]
  rows: PreviewRow[]
}

const VALUE_MAX = 200

function text(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return String(Number(value.toPrecision(15)))
  return displayValue(value).slice(0, VALUE_MAX)
}

export function buildPreview(sheets: readonly ParsedSheet[], problems: readonly ImportProblem[]): PreviewSheet[] {
  return sheets
    .filter((sheet) => sheet.present && sheet.rows.length > 0)
    .map((sheet) => {
      const name = sheet.spec.name
      const cellProblems = new Map<string, string[]>()
      for (const p of problems) {
        if (p.sheet !== name || p.row === null || p.column === null) continue
        const key = `${p.row}|${p.column}`
        cellProblems.set(key, [...(cellProblems.get(key) ?? []), p.message])
      }
      const withProblem = new Set(problems.filter((p) => p.sheet === name && p.row !== null).map((p) => p.column))
      // The template's columns the file has, and any it lacks that a problem is about.
      const fields = sheet.spec.fields.filter((f) => sheet.letters[f.key] !== undefined || withProblem.has(f.header))
      return {
        sheet: name,
        columns: fields.map((f) => ({ key: f.key, header: f.header, letter: sheet.letters[f.key] ?? null })),
        rows: sheet.rows.map((row) => ({
          row: row.row,
          values: fields.map((f) => text(row.values[f.key])),
          errors: fields.map((f) => cellProblems.get(`${row.row}|${f.header}`)?.join('；') ?? null),
        })),
      }
    })
}
