export function rankEntries<T extends { total: string }>(
  _entries: readonly T[],
  _secondary?: (a: T, b: T) => number,
): (T & { rank: number })[] {
  throw new Error('not implemented')
}
