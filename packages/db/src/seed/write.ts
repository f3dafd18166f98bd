import { required } from '@redblue/scoring'
import type { Prisma } from '../generated/prisma/client'
import type { SeedRows, TableName } from './catalog'

type Tx = Prisma.TransactionClient

/** Prisma model (delegate) name → table name, as in the migrations. */
const tableOf = (model: TableName) => model.charAt(0).toUpperCase() + model.slice(1)

/** Rows per INSERT statement. */
const BATCH = 500

function literal(value: unknown, dataType: string): string {
  if (value === undefined) return 'DEFAULT'
  if (value === null) return 'NULL'
  if (dataType === 'json' || dataType === 'jsonb') return quote(JSON.stringify(value))
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot store ${value}`)
    return String(value)
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return quote(value.toISOString())
  if (typeof value === 'string') return quote(value)
  // Enum arrays (OrgCategory[]): an array literal that PostgreSQL casts to the column's type.
  if (Array.isArray(value) && dataType === 'ARRAY') {
    return quote(`{${value.map((v) => `"${String(v).replaceAll('"', '\\"')}"`).join(',')}}`)
  }
  throw new TypeError(`Cannot store ${JSON.stringify(value)} in a ${dataType} column`)
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Inserts every table in dependency order with multi-row INSERTs (Prisma's createMany costs about
 * a millisecond per row in the client, which made the first start noticeably slow), then moves the
 * id sequences past the explicit ids. Values are our own typed rows; `@updatedAt` columns, which
 * have no database default, get the current time when a row does not set them.
 */
export async function writeRows(tx: Tx, rows: SeedRows): Promise<Record<TableName, number>> {
  const columnTypes = new Map<string, Map<string, string>>()
  for (const { table_name, column_name, data_type } of await tx.$queryRaw<
    { table_name: string; column_name: string; data_type: string }[]
  >`SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = current_schema()`) {
    if (!columnTypes.has(table_name)) columnTypes.set(table_name, new Map())
    required(columnTypes.get(table_name), `the columns of table ${table_name}`).set(
      column_name,
      data_type,
    )
  }
  const counts = {} as Record<TableName, number>
  const now = new Date()
  for (const model of Object.keys(rows) as TableName[]) {
    const table = tableOf(model)
    const data = rows[model] as Record<string, unknown>[]
    counts[model] = data.length
    if (data.length === 0) continue
    const types = columnTypes.get(table)
    if (!types) throw new Error(`Table ${table} does not exist: is the database migrated?`)
    const columns = [...new Set(data.flatMap((row) => Object.keys(row)))]
    const unknown = columns.filter((c) => !types.has(c))
    if (unknown.length > 0) throw new Error(`Table ${table} has no column ${unknown.join(', ')}`)
    if (types.has('updatedAt') && !columns.includes('updatedAt')) columns.push('updatedAt')
    for (let i = 0; i < data.length; i += BATCH) {
      const values = data.slice(i, i + BATCH).map((row) => {
        const cells = columns.map((c) =>
          literal(
            c === 'updatedAt' && row[c] === undefined ? now : row[c],
            required(types.get(c), `the type of column ${c}`),
          ),
        )
        return `(${cells.join(', ')})`
      })
      await tx.$executeRawUnsafe(
        `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES\n${values.join(',\n')}`,
      )
    }
  }
  await resetSequences(tx)
  return counts
}

async function resetSequences(tx: Tx): Promise<void> {
  const tables = await tx.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'id' AND column_default LIKE 'nextval(%'`
  for (const { table_name } of tables) {
    const table = ident(table_name)
    await tx.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence(${quote(table)}, 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
    )
  }
}
