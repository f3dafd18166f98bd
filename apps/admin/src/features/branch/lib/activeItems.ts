/** Open and returned items in one list, the nearest deadline first (returned first on the same day). */
export function mergeActive<T extends { id: number; deadline: string; status: string }>(open: readonly T[], returned: readonly T[]): T[] {
  return [...returned, ...open].sort(
    (a, b) =>
      a.deadline.localeCompare(b.deadline) ||
      Number(b.status === 'RETURNED') - Number(a.status === 'RETURNED') ||
      a.id - b.id,
  )
}
