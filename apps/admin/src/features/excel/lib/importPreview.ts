import type { ImportReportFieldsFragment } from '@/generated/graphql'

export type PreviewSheet = ImportReportFieldsFragment['preview'][number]
export type PreviewRow = PreviewSheet['rows'][number]

/** Rows whose cells have a problem. */
export function rowHasProblem(row: Pick<PreviewRow, 'errors'>): boolean {
  return row.errors.some((e) => e !== null && e !== undefined)
}

export function problemRowCount(sheet: Pick<PreviewSheet, 'rows'>): number {
  return sheet.rows.filter(rowHasProblem).length
}

export const PREVIEW_PAGE_SIZE = 20

/**
 * One page of a sheet's preview: every row of the file in file order, or only the rows with a
 * problem; the page is kept within the pages there are (the filter can shrink them).
 */
export function previewPage(
  sheet: Pick<PreviewSheet, 'rows'>,
  options: { onlyProblems: boolean; page: number; pageSize?: number },
): { rows: PreviewRow[]; page: number; pageCount: number; total: number } {
  const pageSize = options.pageSize ?? PREVIEW_PAGE_SIZE
  const rows = options.onlyProblems ? sheet.rows.filter(rowHasProblem) : sheet.rows
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize))
  const page = Math.min(Math.max(1, options.page), pageCount)
  return { rows: rows.slice((page - 1) * pageSize, page * pageSize), page, pageCount, total: rows.length }
}
