/** The API's xlsx exports (see apps/api/src/http/files.ts): one plain GET link per list. */
export type ExportKind = 'ranking' | 'findings' | 'rectifications' | 'adjustments' | 'annual'

export type ExportParams = Record<string, string | number | null | undefined>

/** `/files/export/<kind>.xlsx` with the list's filters; empty filters are left out. */
export function exportUrl(kind: ExportKind, params: ExportParams = {}): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue
    query.set(key, String(value))
  }
  const search = query.toString()
  return `/files/export/${kind}.xlsx${search ? `?${search}` : ''}`
}
