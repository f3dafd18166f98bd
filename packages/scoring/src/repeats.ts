import type { Id } from './types'

/** Ids are keyed as text so an int id from the database and its GraphQL string form still match. */
function key(orgId: Id, problemCategoryId: Id): string {
  return `${orgId}\u0000${problemCategoryId}`
}

/**
 * R7 屡查屡犯: the ids of current findings whose (org, problem category) pair also appeared in the
 * previous round. `previous` is the previous round's findings (any reconciliation status the caller
 * chooses to count); several current findings of the same pair are all repeats.
 */
export function findRepeats(
  current: readonly { id: Id; orgId: Id; problemCategoryId: Id }[],
  previous: readonly { orgId: Id; problemCategoryId: Id }[],
): Set<Id> {
  const seen = new Set<string>()
  for (const f of previous) seen.add(key(f.orgId, f.problemCategoryId))
  const repeats = new Set<Id>()
  for (const f of current) {
    if (seen.has(key(f.orgId, f.problemCategoryId))) repeats.add(f.id)
  }
  return repeats
}
