import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'

/**
 * What a field's selection asks for, fragments included — for resolvers that read less, or start
 * a load earlier, depending on it. Answers are cached per selection: the field nodes are shared by
 * every row of a list.
 */

/** Each field node directly under `selection`, through inline and named fragments. */
function eachField(
  selection: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  visit: (field: FieldNode) => void,
): void {
  for (const node of selection?.selections ?? []) {
    if (node.kind === Kind.FIELD) visit(node)
    else if (node.kind === Kind.INLINE_FRAGMENT) eachField(node.selectionSet, info, visit)
    else eachField(info.fragments[node.name.value]?.selectionSet, info, visit)
  }
}

const selectedAt = new WeakMap<readonly FieldNode[], Map<string, Set<string>>>()

/**
 * The names selected at `path` below the field (each step a child field's name, aliases
 * included; the empty path: directly under it).
 */
function namesAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let byPath = selectedAt.get(info.fieldNodes)
  if (!byPath) selectedAt.set(info.fieldNodes, (byPath = new Map<string, Set<string>>()))
  const key = path.join('.')
  let names = byPath.get(key)
  if (!names) {
    let nodes: readonly FieldNode[] = info.fieldNodes
    for (const step of path) {
      const next: FieldNode[] = []
      for (const node of nodes) {
        eachField(node.selectionSet, info, (field) => {
          if (field.name.value === step) next.push(field)
        })
      }
      nodes = next
    }
    const found = new Set<string>()
    for (const node of nodes) eachField(node.selectionSet, info, (field) => found.add(field.name.value))
    byPath.set(key, (names = found))
  }
  return names
}

function namesOf(info: GraphQLResolveInfo): Set<string> {
  return namesAt(info, [])
}

/** Does the field's selection ask only for `fields`? */
export function asksOnly(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  for (const name of namesOf(info)) if (!fields.has(name)) return false
  return true
}

/** Does the field's selection ask for any of `fields`? */
export function asksAny(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  for (const name of namesOf(info)) if (fields.has(name)) return true
  return false
}

/**
 * Does the selection ask for any of `fields` at one of `paths` below the field (`[['orgs'],
 * ['listHistory']]`: under either child; `[['rows', 'org']]`: under the rows' org)?
 */
export function asksWithin(
  info: GraphQLResolveInfo,
  paths: readonly (readonly string[])[],
  fields: ReadonlySet<string>,
): boolean {
  for (const path of paths) {
    for (const name of namesAt(info, path)) if (fields.has(name)) return true
  }
  return false
}

/**
 * Starts `load` now when the selection asks for any of `fields`, so its statement goes out with
 * the ones the resolver is about to await rather than in a wave after them. The load must be
 * memoized (the field that needs it awaits the same promise, which reports its failure); the
 * catch here only keeps it from counting as an unhandled rejection meanwhile.
 */
export function startIfAsked(
  info: GraphQLResolveInfo,
  fields: ReadonlySet<string>,
  load: () => Promise<unknown>,
): void {
  if (asksAny(info, fields)) void load().catch(() => undefined)
}
