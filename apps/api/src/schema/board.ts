import { builder } from '../builder'
import {
  loadBoard,
  type Board,
  type BoardCategory,
  type BoardEntry,
  type BoardRound,
  type BoardSection,
} from '../services/board'
import { AdjustmentReasonEnum, OrgCategoryEnum } from './enums'

/**
 * The public Red-Blue board (R11) as GraphQL: the one field anyone may read without signing in.
 * Its types are plain objects, not the Prisma-backed Organization/InspectionRound types, so an
 * anonymous caller cannot walk from the board into teams, findings or scores.
 */

const BoardEntryRef = builder.objectRef<BoardEntry>('BoardEntry').implement({
  description: 'An org on the red or blue list.',
  fields: (t) => ({
    orgName: t.exposeString('orgName'),
    shortName: t.exposeString('shortName', { nullable: true }),
    rank: t.exposeInt('rank', { nullable: true }),
    reasons: t.expose('reasons', { type: [AdjustmentReasonEnum] }),
    reasonText: t.exposeString('reasonText', { description: 'Why it is listed, e.g. "Ⅰ类第一名".' }),
  }),
})

const BoardCategoryRef = builder.objectRef<BoardCategory>('BoardCategory').implement({
  fields: (t) => ({
    category: t.expose('category', { type: OrgCategoryEnum }),
    label: t.exposeString('label'),
    orgCount: t.exposeInt('orgCount'),
    red: t.expose('red', { type: [BoardEntryRef] }),
    blue: t.expose('blue', { type: [BoardEntryRef] }),
  }),
})

const BoardRoundRef = builder.objectRef<BoardRound>('BoardRound').implement({
  fields: (t) => ({
    id: t.exposeInt('id'),
    name: t.exposeString('name'),
    year: t.exposeInt('year'),
    quarter: t.exposeInt('quarter'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    publishedOn: t.expose('publishedOn', { type: 'Date', nullable: true, description: 'China calendar day.' }),
  }),
})

const BoardSectionRef = builder.objectRef<BoardSection>('BoardSection').implement({
  description: 'One area (基层党建, 党风廉政, 宣传工作) with its latest published round.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode'),
    areaName: t.exposeString('areaName'),
    round: t.expose('round', { type: BoardRoundRef, nullable: true }),
    categories: t.expose('categories', { type: [BoardCategoryRef] }),
  }),
})

const BoardRef = builder.objectRef<Board>('Board').implement({
  fields: (t) => ({
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    sections: t.expose('sections', { type: [BoardSectionRef] }),
  }),
})

builder.queryField('board', (t) =>
  t.field({
    type: BoardRef,
    description:
      'The public Red-Blue board: per area the latest published round’s red and blue lists per category. No sign-in needed; no finding details, nothing unpublished.',
    skipTypeScopes: true,
    resolve: (_root, _args, ctx) => loadBoard(ctx.prisma),
  }),
)
