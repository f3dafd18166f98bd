import ExcelJS from 'exceljs'
import { CSRF_HEADER } from '../../src/yoga'
import type { TestApi } from '../helpers'

/** Downloads a file route as `user` (null = anonymous). */
export async function download(api: TestApi, path: string, user: string | null): Promise<Response> {
  return api.fetch(path, {}, { cookie: user ? await api.login(user) : null })
}

export async function readXlsx(res: Response): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  return wb
}

/** Data rows (from row 2) of a sheet as arrays of plain cell values (index 0 = column A). */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    rows.push((row.values as unknown[]).slice(1))
  })
  return rows
}

export function headerOf(ws: ExcelJS.Worksheet): string[] {
  return ((ws.getRow(1).values as unknown[]).slice(1) as string[]).map(String)
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export interface Problem {
  sheet: string
  row: number | null
  column: string | null
  columnLetter: string | null
  cell: string | null
  value: string | null
  message: string
}

export interface Report {
  __typename: string
  kind: string
  applied: boolean
  dryRun: boolean
  fileName: string
  rowCount: number
  created: number
  updated: number
  problems: Problem[]
  warnings: string[]
  summary: string
  message?: string
}

export const REPORT_FIELDS = `__typename
  ... on ImportReport { kind applied dryRun fileName rowCount created updated problems { sheet row column columnLetter cell value message } warnings summary }
  ... on ValidationError { message }
  ... on NotFoundError { message }
  ... on ConflictError { message }`

/** A GraphQL multipart request (graphql-multipart-request-spec) with the file at `variables.file`. */
export async function uploadImport(
  api: TestApi,
  mutation: string,
  variables: Record<string, unknown>,
  file: { name: string; bytes: Buffer },
  cookie: string,
): Promise<{ data?: Record<string, Report> | null; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const form = new FormData()
  form.set('operations', JSON.stringify({ query: mutation, variables: { ...variables, file: null } }))
  form.set('map', JSON.stringify({ 0: ['variables.file'] }))
  form.set('0', new File([new Uint8Array(file.bytes)], file.name))
  const res = await api.fetch(
    '/graphql',
    { method: 'POST', body: form, headers: { [CSRF_HEADER]: '1' } },
    { cookie },
  )
  return (await res.json()) as { data?: Record<string, Report> | null; errors?: { message: string; extensions?: { code?: string } }[] }
}
