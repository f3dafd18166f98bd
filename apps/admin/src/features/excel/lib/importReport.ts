import type { ImportReportFieldsFragment } from '@/generated/graphql'

type Problem = ImportReportFieldsFragment['problems'][number]

export interface ProblemRow {
  key: string
  sheet: string
  row: number | null
  /** The row's wrong cells, left to right. */
  cells: { cell: string | null; column: string | null; value: string | null; message: string }[]
}

/**
 * The dry run's problems as the preview shows them: one line per sheet row, its wrong cells in
 * column order; problems about a whole sheet (no row) come first.
 */
export function problemRows(problems: readonly Problem[]): ProblemRow[] {
  const byRow = new Map<string, ProblemRow>()
  for (const p of problems) {
    const key = `${p.sheet}:${p.row ?? 0}`
    let row = byRow.get(key)
    if (!row) {
      row = { key, sheet: p.sheet, row: p.row ?? null, cells: [] }
      byRow.set(key, row)
    }
    row.cells.push({ cell: p.cell ?? null, column: p.column ?? null, value: p.value ?? null, message: p.message })
  }
  const letters = (cell: string | null) => (cell ?? '').replace(/\d+/g, '')
  const columnOrder = (a: string | null, b: string | null) => letters(a).length - letters(b).length || letters(a).localeCompare(letters(b))
  for (const row of byRow.values()) row.cells.sort((a, b) => columnOrder(a.cell, b.cell))
  return [...byRow.values()].sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0))
}

export type ImportStage = 'idle' | 'checking' | 'rejected' | 'ready' | 'saving' | 'done'

/** Saving is offered only after a dry run of this very file found nothing wrong. */
export function stageAfterCheck(report: Pick<ImportReportFieldsFragment, 'problems' | 'rowCount'>): ImportStage {
  return report.problems.length > 0 ? 'rejected' : 'ready'
}

/** A file the importer can read (the templates are .xlsx). */
export function isWorkbook(file: { name: string }): boolean {
  return /\.xlsx$/i.test(file.name)
}

/** Sends the chosen file to one import, as a dry run or for real, reporting upload progress. */
export type ImportRun = (
  file: File,
  dryRun: boolean,
  onProgress: (percent: number) => void,
) => Promise<{ report: ImportReportFieldsFragment } | { error: string }>
