import type { PrismaClient } from '@redblue/db'

/**
 * A fingerprint of the whole database: per table, the row count and the md5 of every row's text
 * (rows ordered by that text, so no primary key is needed and composite keys work too). Two
 * fingerprints are equal exactly when no table gained, lost or changed a row.
 *
 * `exclude` names tables a call may legitimately change (with the reason at the call site), e.g.
 * LoginAttempt for failed logins, which throttling must record.
 */
export type Checksum = Record<string, { rows: number; md5: string }>

export async function tablesOf(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`
  return rows.map((r) => r.tablename)
}

export async function checksum(
  prisma: PrismaClient,
  options: { exclude?: readonly string[] } = {},
): Promise<Checksum> {
  const tables = (await tablesOf(prisma)).filter((t) => !options.exclude?.includes(t))
  const parts = tables.map((t) => {
    const q = `"${t.replaceAll('"', '""')}"`
    return `SELECT '${t.replaceAll("'", "''")}' AS t, count(*)::int AS n,
      coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') AS h FROM ${q} x`
  })
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(
    parts.join(' UNION ALL '),
  )
  return Object.fromEntries(rows.map((r) => [r.t, { rows: r.n, md5: r.h }]))
}

/** Tables whose fingerprint differs (added, removed or changed), for a readable failure. */
export function changedTables(before: Checksum, after: Checksum): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names]
    .filter((t) => before[t]?.md5 !== after[t]?.md5 || before[t]?.rows !== after[t]?.rows)
    .sort()
}

/** Total rows over all tables of a fingerprint. */
export function totalRows(sum: Checksum): number {
  return Object.values(sum).reduce((n, t) => n + t.rows, 0)
}
