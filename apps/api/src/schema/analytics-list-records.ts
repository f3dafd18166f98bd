import type { Organization, ProblemCategory } from '@redblue/db'
import type { GraphQLResolveInfo } from 'graphql'
import type { Context } from '../context'
import type { OrgSummary } from '../services/analytics'
import { loadById, pick, unique, type Batch } from './analytics-common'
import { asksOnly } from './selection'

/**
 * Records named by the rows of a long analytics list — the `org` of a ranking or trend row, the
 * `problemCategory` of a finding-count series. The rows' own statement reads only what the
 * dashboards show (id and names); a request whose selection asks the record for anything more
 * gets the list's records whole from one more statement, so every field of the type (and the
 * Prisma plugin's relation fallback below it) answers as it does elsewhere.
 */
const ORG_SUMMARY_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'shortName', '__typename'])
const NAME_FIELDS: ReadonlySet<string> = new Set(['id', 'name', '__typename'])

/**
 * The record a list row names: its summary when the selection asks for nothing else, otherwise
 * the list's records whole (one statement per list, `load`), picked by id.
 */
function resolveListRecord<T extends { id: number }>(
  summary: { id: number },
  fields: ReadonlySet<string>,
  batch: Batch,
  kind: string,
  load: () => Promise<T[]>,
  info: GraphQLResolveInfo,
): T | Promise<T> {
  // Only the summary's fields are read from it (checked just now), so it stands in for the
  // record — returned as it is, not in a promise: a thousand rows' promises made the executor
  // settle each one in a microtask of its own.
  if (asksOnly(info, fields)) return summary as T
  return loadById(batch, kind, null, load).then((records) => pick(records, summary.id, kind))
}

export function resolveListOrg(
  summary: OrgSummary,
  /** The list's identity and its orgs. */
  batch: Batch,
  orgIds: readonly number[],
  ctx: Context,
  info: GraphQLResolveInfo,
): Organization | Promise<Organization> {
  return resolveListRecord(
    summary,
    ORG_SUMMARY_FIELDS,
    batch,
    'Organization',
    () => ctx.prisma.organization.findMany({ where: { id: { in: unique(orgIds) } } }),
    info,
  )
}

export function resolveListProblemCategory(
  summary: Pick<ProblemCategory, 'id' | 'name'>,
  batch: Batch,
  ids: readonly number[],
  ctx: Context,
  info: GraphQLResolveInfo,
): ProblemCategory | Promise<ProblemCategory> {
  return resolveListRecord(
    summary,
    NAME_FIELDS,
    batch,
    'ProblemCategory',
    () => ctx.prisma.problemCategory.findMany({ where: { id: { in: unique(ids) } } }),
    info,
  )
}
