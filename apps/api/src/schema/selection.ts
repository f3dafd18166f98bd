import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'

/**
 * What a field's selection asks for, fragments included — for resolvers that read less, or start
 * a load earlier, depending on it. Answers are cached per selection: the field nodes are shared by
 * every row of a list.
 */

/** The names selected directly under `selection`, through inline and named fragments. */
function selectedNames(
  selection: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into: Set<string>,
): void {
  for (const node of selection?.selections ?? []) {
    if (node.kind === Kind.FIELD) into.add(node.name.value)
    else if (node.kind === Kind.INLINE_FRAGMENT) selectedNames(node.selectionSet, info, into)
    else selectedNames(info.fragments[node.name.value]?.selectionSet, info, into)
  }
}

const selected = new WeakMap<readonly FieldNode[], Set<string>>()

function namesOf(info: GraphQLResolveInfo): Set<string> {
  let names = selected.get(info.fieldNodes)
  if (!names) {
    names = new Set<string>()
    for (const field of info.fieldNodes) selectedNames(field.selectionSet, info, names)
    selected.set(info.fieldNodes, names)
  }
  return names
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

const selectedAt = new WeakMap<readonly FieldNode[], Map<string, Set<string>>>()

/** The field nodes named `name` directly under `selection`, through inline and named fragments. */
function childrenNamed(
  selection: SelectionSetNode | undefined,
  name: string,
  info: GraphQLResolveInfo,
  into: FieldNode[],
): void {
  for (const node of selection?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      if (node.name.value === name) into.push(node)
    } else if (node.kind === Kind.INLINE_FRAGMENT) childrenNamed(node.selectionSet, name, info, into)
    else childrenNamed(info.fragments[node.name.value]?.selectionSet, name, info, into)
  }
}

/** The names selected at `path` below the field (each step a child field's name, aliases included). */
function namesAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let byPath = selectedAt.get(info.fieldNodes)
  if (!byPath) selectedAt.set(info.fieldNodes, (byPath = new Map<string, Set<string>>()))
  const key = path.join('.')
  let names = byPath.get(key)
  if (!names) {
    let nodes: readonly FieldNode[] = info.fieldNodes
    for (const step of path) {
      const next: FieldNode[] = []
      for (const node of nodes) childrenNamed(node.selectionSet, step, info, next)
      nodes = next
    }
    names = new Set<string>()
    for (const node of nodes) selectedNames(node.selectionSet, info, names)
    byPath.set(key, names)
  }
  return names
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
