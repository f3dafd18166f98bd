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

const selectedWithin = new WeakMap<readonly FieldNode[], Map<string, Set<string>>>()

/** The names selected under the field's children named `parent`, through fragments at both levels. */
function namesWithin(info: GraphQLResolveInfo, parent: string): Set<string> {
  let byParent = selectedWithin.get(info.fieldNodes)
  if (!byParent) selectedWithin.set(info.fieldNodes, (byParent = new Map<string, Set<string>>()))
  let names = byParent.get(parent)
  if (!names) {
    names = new Set<string>()
    const children: FieldNode[] = []
    const collect = (selection: SelectionSetNode | undefined) => {
      for (const node of selection?.selections ?? []) {
        if (node.kind === Kind.FIELD) {
          if (node.name.value === parent) children.push(node)
        } else if (node.kind === Kind.INLINE_FRAGMENT) collect(node.selectionSet)
        else collect(info.fragments[node.name.value]?.selectionSet)
      }
    }
    for (const field of info.fieldNodes) collect(field.selectionSet)
    for (const child of children) selectedNames(child.selectionSet, info, names)
    byParent.set(parent, names)
  }
  return names
}

/** Does any child of the field named in `parents` (aliases included) ask for any of `fields`? */
export function asksWithin(
  info: GraphQLResolveInfo,
  parents: readonly string[],
  fields: ReadonlySet<string>,
): boolean {
  for (const parent of parents) {
    for (const name of namesWithin(info, parent)) if (fields.has(name)) return true
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
