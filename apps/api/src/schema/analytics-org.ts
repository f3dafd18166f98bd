import type { Organization } from '@redblue/db'
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import type { Context } from '../context'
import type { OrgSummary } from '../services/analytics'
import { loadById, pick, unique, type Batch } from './analytics-common'

/**
 * The `org` of a ranking or trend row. The row's own statement reads only what the dashboards
 * show (`OrgSummary`: id, name, short name); a request whose selection asks the org for anything
 * more gets the orgs of the whole list in one more statement, whole, so every `Organization` field
 * (and the Prisma plugin's relation fallback below it) answers as it does elsewhere.
 */
const SUMMARY_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'shortName', '__typename'])

/** Per selection (the field nodes are shared by every row of a list): does the summary answer it? */
const answered = new WeakMap<readonly FieldNode[], boolean>()

function onlySummary(selection: SelectionSetNode | undefined, info: GraphQLResolveInfo): boolean {
  for (const node of selection?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      if (!SUMMARY_FIELDS.has(node.name.value)) return false
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      if (!onlySummary(node.selectionSet, info)) return false
    } else {
      const fragment = info.fragments[node.name.value]
      if (!fragment || !onlySummary(fragment.selectionSet, info)) return false
    }
  }
  return true
}

export function asksOnlySummary(info: GraphQLResolveInfo): boolean {
  let yes = answered.get(info.fieldNodes)
  if (yes === undefined) {
    yes = info.fieldNodes.every((field) => onlySummary(field.selectionSet, info))
    answered.set(info.fieldNodes, yes)
  }
  return yes
}

export async function resolveListOrg(
  summary: OrgSummary,
  /** The list's identity and its orgs. */
  batch: Batch,
  orgIds: readonly number[],
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Organization> {
  // Only the summary's fields are read from it (checked just now), so it stands in for the org.
  if (asksOnlySummary(info)) return summary as Organization
  const orgs = await loadById(batch, 'organization', null, () =>
    ctx.prisma.organization.findMany({ where: { id: { in: unique(orgIds) } } }),
  )
  return pick(orgs, summary.id, 'Organization')
}
