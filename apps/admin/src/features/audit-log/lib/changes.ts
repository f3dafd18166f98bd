export interface FieldChange {
  field: string
  before: string
  after: string
}

const show = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)

/** Bookkeeping every write touches: it says nothing a person asked about (who and when are columns). */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'createdAt', 'updatedById'])

/** The fields an audited change touched, from its before/after snapshots (either may be absent). */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const asRecord = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v }
  const b = asRecord(before)
  const a = asRecord(after)
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return fields
    .filter((field) => !BOOKKEEPING.has(field) && show(b[field]) !== show(a[field]))
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
}
