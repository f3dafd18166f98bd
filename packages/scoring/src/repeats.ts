import type { Id } from './types'

export function findRepeats(
  _current: readonly { id: Id; orgId: Id; problemCategoryId: Id }[],
  _previous: readonly { orgId: Id; problemCategoryId: Id }[],
): Set<Id> {
  throw new Error('not implemented')
}
