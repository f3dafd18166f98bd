import { builder } from '../builder'
import type { Db } from '../context'
import { ValidationError } from '../errors'
import { windowPeriod, type Period } from '../services/analytics/rounds'

type FieldBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0]

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

/**
 * A period given as a trend window instead of quarters: the last `rounds` published rounds of the
 * area up to `untilRoundId` (what `analyticsTrends` plots), so a screen can ask for figures over
 * its trend's rounds without waiting for the trend first.
 */
export function windowArgs(t: FieldBuilder) {
  return {
    untilRoundId: t.arg.int({ required: false, description: 'With `rounds`: the window ends at this published round.' }),
    rounds: t.arg.int({ required: false, description: 'The last N published rounds of `areaId` (instead of `period`).' }),
  }
}

/** The period of a field's arguments: `period`, or the window of `rounds` up to `untilRoundId`. */
export async function periodOf(
  db: Db,
  args: { areaId?: number | null; period?: Period | null; rounds?: number | null; untilRoundId?: number | null },
): Promise<Period | null | undefined> {
  if (args.rounds == null) {
    if (args.untilRoundId != null) throw ValidationError.field(['rounds'], '指定截止轮次时须同时给出轮次数', 'required')
    return args.period
  }
  if (args.period) throw ValidationError.field(['period'], '期间与轮次窗口只能给出一个', 'conflict')
  if (args.areaId == null) throw ValidationError.field(['areaId'], '按轮次窗口统计时须指定专业', 'required')
  return windowPeriod(db, { areaId: args.areaId, count: args.rounds, untilRoundId: args.untilRoundId })
}

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
