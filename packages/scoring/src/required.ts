/**
 * The value, or an error naming what is missing. For data an invariant guarantees (a map filled
 * from the same rows, a seeded record); never for input, which gets a typed validation error.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`)
  return value
}
