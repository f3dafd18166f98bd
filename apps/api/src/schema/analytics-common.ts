import { builder } from '../builder'

/**
 * Shared pieces of the analytics domain files: the period input, and batch loading of the Prisma objects that analytics rows point at.
 *
 * Batch loading: an analytics answer (a ranking, a trend, a drill-down) is one object whose rows
 * share a `Batch`. The first row whose field asks for, say, its Organization loads the orgs of
 * every row in one findMany with the Pothos `query` of that field (so nested relations merge into
 * the same statements); the other rows take theirs from the same promise. Rows of one list share
 * a selection, so a list costs one load however long it is.
 */

export const AnalyticsPeriodInput = builder.inputType('AnalyticsPeriodInput', {
  description: 'Inclusive range of quarters; an open end covers every published round on that side.',
  fields: (t) => ({
    fromYear: t.int({ required: false }),
    fromQuarter: t.int({ required: false, description: '1–4, default 1.' }),
    toYear: t.int({ required: false }),
    toQuarter: t.int({ required: false, description: '1–4, default 4.' }),
  }),
})

/** Identity of one analytics answer, shared by its rows. */
export type Batch = object

const loads = new WeakMap<Batch, Map<string, Promise<unknown>>>()

/** Runs `load` once per batch and key (the key includes the field's Pothos query). */
export function loadOnce<T>(batch: Batch, key: string, load: () => Promise<T>): Promise<T> {
  let byKey = loads.get(batch)
  if (!byKey) {
    byKey = new Map()
    loads.set(batch, byKey)
  }
  let promise = byKey.get(key) as Promise<T> | undefined
  if (!promise) {
    promise = load()
    byKey.set(key, promise)
  }
  return promise
}

/** Loads rows by id once per batch and query, returning a lookup. */
export function loadById<T extends { id: number }>(
  batch: Batch,
  kind: string,
  query: unknown,
  load: () => Promise<T[]>,
): Promise<Map<number, T>> {
  return loadOnce(batch, `${kind}:${JSON.stringify(query)}`, async () => {
    const rows = await load()
    return new Map(rows.map((row) => [row.id, row]))
  })
}

/** `map.get(id)` that fails loudly: an id in an analytics row always has its record. */
export function pick<T>(map: Map<number, T>, id: number, kind: string): T {
  const value = map.get(id)
  if (value === undefined) throw new Error(`${kind} ${id} missing from its batch`)
  return value
}

export function unique(ids: Iterable<number>): number[] {
  return [...new Set(ids)]
}
