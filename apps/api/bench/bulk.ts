/**
 * Bulk loading for the generator: rows are buffered per table column by column and written as
 * `INSERT … SELECT … FROM unnest($1::int[], $2::text[], …)` — one statement and one array
 * parameter per column for thousands of rows, so the SQL text stays short (no parse cost per row,
 * unlike multi-row VALUES) and it runs the same on PostgreSQL (through `pg`) and on PGlite (the
 * tiny test). Several statements run at once on a pool. Tables are declared parents first: a batch
 * of a table starts only after every batch of the tables declared before it that was queued
 * earlier, and flushing a table flushes those tables first, so foreign keys always find their row.
 */

/** What the writer needs of a connection or pool: `pg.Pool`, `pg.Client` and `PGlite` all fit. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>
}

/** A column's SQL type; enums and jsonb travel as text and are cast in the SELECT. */
export type ColumnType =
  'int' | 'text' | 'numeric' | 'date' | 'timestamptz' | 'bool' | 'jsonb' | `enum:${string}`

export type Columns = readonly (readonly [name: string, type: ColumnType])[]

function arrayType(type: ColumnType): string {
  if (type === 'jsonb' || type.startsWith('enum:')) return 'text[]'
  return `${type}[]`
}

function selectExpr(name: string, type: ColumnType): string {
  const id = `"${name}"`
  if (type === 'jsonb') return `${id}::jsonb`
  if (type.startsWith('enum:')) return `${id}::"${type.slice(5)}"`
  return id
}

export function insertSql(table: string, columns: Columns): string {
  const names = columns.map(([n]) => `"${n}"`).join(', ')
  const params = columns.map(([, t], i) => `$${i + 1}::${arrayType(t)}`).join(', ')
  const select = columns.map(([n, t]) => selectExpr(n, t)).join(', ')
  return `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${params}) AS u(${names})`
}

export class TableBuffer {
  private data: unknown[][]
  private rows = 0
  readonly sql: string

  constructor(
    private readonly writer: BulkWriter,
    readonly index: number,
    readonly table: string,
    readonly columns: Columns,
  ) {
    this.sql = insertSql(table, columns)
    this.data = columns.map(() => [])
  }

  /** Values in column order. */
  add(...values: unknown[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`)
    }
    // One buffer per column (as many as values, checked above); for-of keeps this hot loop allocation-free.
    let i = 0
    for (const column of this.data) column.push(values[i++] ?? null)
    this.rows++
    if (this.rows >= this.writer.batchRows) this.writer.flushUpTo(this.index)
  }

  get pending(): number {
    return this.rows
  }

  flush(): void {
    if (this.rows === 0) return
    const params = this.data
    const rows = this.rows
    this.data = this.columns.map(() => [])
    this.rows = 0
    this.writer.enqueue(this.index, this.table, rows, this.sql, params)
  }
}

export interface BulkWriterOptions {
  /** Statements in flight at once (1 for PGlite). */
  parallel: number
  /** Rows per statement. */
  batchRows: number
  /** Called after every statement with the rows written so far. */
  onWritten?: (rows: number) => void
}

export class BulkWriter {
  readonly batchRows: number
  private readonly parallel: number
  private readonly inFlight = new Map<Promise<void>, number>()
  private readonly buffers: TableBuffer[] = []
  private failure: Error | null = null
  /** Rows written per table. */
  readonly counts = new Map<string, number>()
  /** Milliseconds spent in statements per table (summed over parallel statements). */
  readonly ms = new Map<string, number>()
  written = 0

  constructor(
    private readonly runner: SqlRunner,
    private readonly options: BulkWriterOptions,
  ) {
    this.batchRows = options.batchRows
    this.parallel = Math.max(1, options.parallel)
  }

  table(table: string, columns: Columns): TableBuffer {
    const buffer = new TableBuffer(this, this.buffers.length, table, columns)
    this.buffers.push(buffer)
    return buffer
  }

  private running = 0
  private readonly waiting: (() => void)[] = []

  private async acquire(): Promise<void> {
    if (this.running < this.parallel) {
      this.running++
      return
    }
    // The releasing statement hands its slot over (running stays the same).
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running--
  }

  /** Flushes table `index` and, before it, every table declared earlier (its possible parents). */
  flushUpTo(index: number): void {
    for (const buffer of this.buffers.slice(0, index + 1)) buffer.flush()
  }

  enqueue(index: number, table: string, rows: number, sql: string, params: unknown[][]): void {
    const parents = [...this.inFlight].filter(([, i]) => i < index).map(([task]) => task)
    const task = (async () => {
      await Promise.all(parents)
      await this.acquire()
      try {
        // Leave the queue alone once a statement failed; barrier() reports the first failure.
        if (this.failure) return
        const started = performance.now()
        await this.runner.query(sql, params)
        this.ms.set(table, (this.ms.get(table) ?? 0) + performance.now() - started)
        this.counts.set(table, (this.counts.get(table) ?? 0) + rows)
        this.written += rows
        this.options.onWritten?.(this.written)
      } catch (error) {
        this.failure ??= new Error(
          `bulk insert into ${table} failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        )
      } finally {
        this.release()
      }
    })()
    this.inFlight.set(task, index)
    void task.finally(() => this.inFlight.delete(task))
  }

  /** Flushes every buffer and waits until all statements are done. */
  async barrier(): Promise<void> {
    this.flushUpTo(this.buffers.length - 1)
    while (this.inFlight.size) await Promise.all([...this.inFlight.keys()])
    if (this.failure) throw this.failure
  }

  /** Lets the caller produce more rows only when few statements are queued (bounded memory). */
  async drain(): Promise<void> {
    while (this.inFlight.size > this.parallel * 4) await Promise.race(this.inFlight.keys())
    if (this.failure) throw this.failure
  }
}
