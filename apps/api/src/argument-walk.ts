/**
 * The one walk over a mutation's parsed arguments that the input edge's checks share (text in
 * src/text-edge.ts, dates in src/date-bounds.ts): every value that is not itself an input object
 * or list is visited once with where it sits, so a check that replaces it (cleaned text) can write
 * it back. Uploads are files, not inputs, and are not entered; nesting deeper than any input type
 * of the schema goes is not entered either.
 */
export interface ArgumentValue {
  /** The input object or list holding the value. */
  parent: Record<string, unknown> | unknown[]
  key: string
  value: unknown
  /** From the argument's name down, e.g. ['input', 'indicators', '2', 'name']. */
  path: string[]
}

const MAX_DEPTH = 8

function isUpload(value: object): boolean {
  return typeof (value as { arrayBuffer?: unknown }).arrayBuffer === 'function'
}

export function forEachArgumentValue(
  args: unknown,
  visit: (at: ArgumentValue) => void,
  path: string[] = [],
  depth = 0,
): void {
  if (!args || typeof args !== 'object' || args instanceof Date || isUpload(args)) return
  if (depth > MAX_DEPTH) return
  const parent = args as Record<string, unknown> | unknown[]
  const entries = Array.isArray(parent)
    ? parent.map((v, i) => [String(i), v] as const)
    : Object.entries(parent)
  for (const [key, value] of entries) {
    const here = [...path, key]
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      forEachArgumentValue(value, visit, here, depth + 1)
    } else {
      visit({ parent, key, value, path: here })
    }
  }
}
