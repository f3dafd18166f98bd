import { actorOf } from '../access'
import { builder } from '../builder'
import { categoryRanking, type CategoryRanking, type RankingRow, type RankingTable } from '../services/analytics'
import { resolveListOrg } from './analytics-list-records'
import { ListMarkEnum, OrgCategoryEnum } from './enums'
import { OrganizationRef } from './org'
import { InspectionRoundRef } from './round'
import { asksWithin } from './selection'

/**
 * The category ranking of a published round (R3/R4) with the change against the previous
 * published round: public to every signed-in user, except finding and rectification counts,
 * which only the orgs' viewers get (R12). Each row links to its drill-down by `assessmentId`.
 * Cost: one statement for the rows with their orgs and the previous round, one more for `round`.
 */

/**
 * Columns of the rows read only when asked for (see RankingReads): the dashboard's table shows
 * neither the short names nor the previous round's own figures, only the changes.
 */
const ROWS: readonly (readonly string[])[] = [['rows']]
const ROW_ORG: readonly (readonly string[])[] = [['rows', 'org']]
const SHORT_NAME: ReadonlySet<string> = new Set(['shortName'])
const PREVIOUS_FIELDS: ReadonlySet<string> = new Set(['previousAssessmentId', 'previousRank', 'previousTotal'])

const CategoryRankingRowRef = builder.objectRef<RankingRow>('CategoryRankingRow').implement({
  fields: (t) => ({
    assessmentId: t.exposeInt('assessmentId', { description: 'Key of `assessmentDrilldown`.' }),
    orgId: t.exposeInt('orgId'),
    // Id, name and short name come with the row from the ranking's one statement; anything more
    // loads the ranking's orgs in one more (relations below them through the Prisma plugin's
    // batched fallback).
    org: t.field({
      type: OrganizationRef,
      resolve: (row, _args, ctx, info) =>
        resolveListOrg(row.org, row.orgIds, row.orgIds, ctx, info),
    }),
    rank: t.exposeInt('rank', { nullable: true }),
    base: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.base }),
    bonus: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.bonus }),
    total: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.total }),
    listMark: t.field({ type: ListMarkEnum, nullable: true, resolve: (r) => r.listMark }),
    previousAssessmentId: t.exposeInt('previousAssessmentId', { nullable: true }),
    previousRank: t.exposeInt('previousRank', { nullable: true }),
    previousTotal: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.previousTotal }),
    rankChange: t.exposeInt('rankChange', {
      nullable: true,
      description: 'Previous rank − rank: positive moved up. Null unless ranked in the same category both times.',
    }),
    totalChange: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.totalChange }),
    findingCount: t.exposeInt('findingCount', {
      nullable: true,
      description: 'Standing findings; null for orgs whose findings the caller may not see.',
    }),
    openRectifications: t.exposeInt('openRectifications', {
      nullable: true,
      description: 'Items opened in this round and area not yet verified; null like findingCount.',
    }),
  }),
})

/** Lists whose items are null where a row has no value (unranked, not visible to the caller, …). */
const NULLABLE_ITEMS = { list: false, items: true } as const

const CategoryRankingTableRef = builder.objectRef<RankingTable>('CategoryRankingTable').implement({
  description:
    'The ranking as columns, all in rank order: item i of every list belongs to the i-th row of ' +
    '`rows`, and each list holds the values of the row field it is named after (`ranks`: `rank`, ' +
    '`orgNames`: `org.name`). The same figures in about 40 % of the bytes of a thousand rows.',
  fields: (t) => ({
    assessmentIds: t.exposeIntList('assessmentIds'),
    orgIds: t.exposeIntList('orgIds'),
    orgNames: t.exposeStringList('orgNames'),
    ranks: t.exposeIntList('ranks', { nullable: NULLABLE_ITEMS }),
    bases: t.field({ type: ['Decimal'], nullable: NULLABLE_ITEMS, resolve: (table) => table.bases }),
    bonuses: t.field({ type: ['Decimal'], nullable: NULLABLE_ITEMS, resolve: (table) => table.bonuses }),
    totals: t.field({ type: ['Decimal'], nullable: NULLABLE_ITEMS, resolve: (table) => table.totals }),
    listMarks: t.field({ type: [ListMarkEnum], nullable: NULLABLE_ITEMS, resolve: (table) => table.listMarks }),
    rankChanges: t.exposeIntList('rankChanges', { nullable: NULLABLE_ITEMS }),
    totalChanges: t.field({
      type: ['Decimal'],
      nullable: NULLABLE_ITEMS,
      resolve: (table) => table.totalChanges,
    }),
    findingCounts: t.exposeIntList('findingCounts', { nullable: NULLABLE_ITEMS }),
    openRectifications: t.exposeIntList('openRectifications', { nullable: NULLABLE_ITEMS }),
  }),
})

const CategoryRankingRef = builder.objectRef<CategoryRanking>('CategoryRanking').implement({
  fields: (t) => ({
    roundId: t.exposeInt('roundId'),
    round: t.prismaField({
      type: 'InspectionRound',
      resolve: (query, ranking, _args, ctx) =>
        ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id: ranking.roundId } }),
    }),
    areaId: t.exposeInt('areaId'),
    category: t.field({ type: OrgCategoryEnum, resolve: (r) => r.category }),
    previousRoundId: t.exposeInt('previousRoundId', {
      nullable: true,
      description: 'The latest earlier published round of the area, which the changes compare with.',
    }),
    previousRound: t.field({
      type: InspectionRoundRef,
      nullable: true,
      // Read by the ranking's statement; relations selected below it load through the Prisma
      // plugin's batched fallback.
      resolve: (ranking) => ranking.previousRound,
    }),
    rows: t.field({
      type: [CategoryRankingRowRef],
      description: 'By rank; equal totals share a rank (1, 1, 3).',
      resolve: (ranking) => ranking.rows,
    }),
    table: t.field({
      type: CategoryRankingTableRef,
      description: '`rows` as columns, what the dashboard reads.',
      resolve: (ranking) => ranking.table,
    }),
  }),
})

builder.queryFields((t) => ({
  categoryRanking: t.field({
    type: CategoryRankingRef,
    description: 'Published ranking of one category in a round and area; NOT_FOUND before publication.',
    authScopes: { loggedIn: true },
    args: { roundId: t.arg.int(), areaId: t.arg.int(), category: t.arg({ type: OrgCategoryEnum }) },
    resolve: (_root, args, ctx, info) =>
      categoryRanking(ctx.prisma, actorOf(ctx), args, {
        shortNames: asksWithin(info, ROW_ORG, SHORT_NAME),
        previous: asksWithin(info, ROWS, PREVIOUS_FIELDS),
      }),
  }),
}))
