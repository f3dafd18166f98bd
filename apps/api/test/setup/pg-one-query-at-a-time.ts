/**
 * node-postgres runs one statement at a time per connection and queues the rest; pg 8 warns
 * ("Calling client.query() when the client is already executing a query") and pg 9 will throw.
 * Inside an interactive Prisma transaction every statement goes to the transaction's one
 * connection; Prisma loads sibling relations of one query in parallel, which overlapped there
 * until @redblue/db serialized transaction statements (src/serialized-transactions.ts). This
 * setup file (postgres project only: PGlite has no pg client) records every overlap with its
 * stack and fails the test file that caused it — pg itself warns only once per process.
 */
import pg from 'pg'
import { afterAll } from 'vitest'

interface Overlap {
  stack: string
}

const PATCHED = Symbol.for('redblue.pgOverlapGuard')
interface Guarded {
  query: (...args: unknown[]) => unknown
  [PATCHED]?: Overlap[]
}
const proto = pg.Client.prototype as unknown as Guarded

if (!proto[PATCHED]) {
  const overlaps: Overlap[] = []
  proto[PATCHED] = overlaps
  const query = proto.query
  proto.query = function (
    this: { _activeQuery?: unknown; _queryQueue?: unknown[] },
    ...args: unknown[]
  ) {
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) {
      overlaps.push({ stack: new Error('overlapping client.query()').stack ?? '' })
    }
    return query.apply(this, args)
  }
}

afterAll(() => {
  const overlaps = proto[PATCHED]!
  if (!overlaps.length) return
  const found = overlaps.splice(0)
  const ours = (stack: string) =>
    stack
      .split('\n')
      .filter((l) => /\/apps\/api\/src\/|\/packages\/db\/src\//.test(l))
      .slice(0, 4)
      .join('\n')
  const distinct = [...new Set(found.map((o) => ours(o.stack) || o.stack))]
  throw new Error(
    `${found.length} client.query() call(s) overlapped another on one connection (Promise.all inside a transaction?):\n${distinct.join('\n---\n')}`,
  )
})
