export interface TreeNode<T> {
  org: T
  children: TreeNode<T>[]
}

interface TreeOrg {
  id: number
  parentId: number | null
  sortOrder: number
  name: string
}

const bySortThenName = <T extends TreeOrg>(a: TreeNode<T>, b: TreeNode<T>) =>
  a.org.sortOrder - b.org.sortOrder || a.org.name.localeCompare(b.org.name, 'zh-CN')

/** The flat list as a tree by parentId; orgs whose parent is not in the list become roots. */
export function buildOrgTree<T extends TreeOrg>(orgs: readonly T[]): TreeNode<T>[] {
  const nodes = new Map(orgs.map((org) => [org.id, { org, children: [] as TreeNode<T>[] }]))
  const roots: TreeNode<T>[] = []
  for (const node of nodes.values()) {
    const parent = node.org.parentId === null ? undefined : nodes.get(node.org.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort(bySortThenName)
    for (const node of list) sort(node.children)
  }
  sort(roots)
  return roots
}

/** Ids of an org and everything under it: an org cannot be moved below itself. */
export function descendantIds<T extends TreeOrg>(orgs: readonly T[], id: number): Set<number> {
  const ids = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const org of orgs) {
      if (org.parentId !== null && ids.has(org.parentId) && !ids.has(org.id)) {
        ids.add(org.id)
        grew = true
      }
    }
  }
  return ids
}
