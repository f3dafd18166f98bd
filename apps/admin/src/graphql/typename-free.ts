import { makeOperation, mapExchange } from '@urql/core'

/**
 * `value` without the `__typename` keys the client adds to every object it reads: an object read
 * from a query and sent back in a mutation's input (a rule set's annual components, say) would
 * carry one, and the API refuses input fields its schema does not declare.
 */
export function withoutTypenames<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutTypenames(item)) as T
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => key !== '__typename').map(([key, item]) => [key, withoutTypenames(item)]),
  ) as T
}

/** Sends every mutation's variables without `__typename` keys (see `withoutTypenames`). */
export function typenameFreeVariablesExchange() {
  return mapExchange({
    onOperation(operation) {
      if (operation.kind !== 'mutation') return operation
      return makeOperation(operation.kind, { ...operation, variables: withoutTypenames(operation.variables) }, operation.context)
    },
  })
}
