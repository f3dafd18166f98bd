import { builder } from '../builder'
import { AuthenticationError } from '../errors'
import { noticeAnalysis, saveNotice } from '../services/notice'

/**
 * The 通报 of a published round: its register entry (document number, title, issuing body, date)
 * is edited here; the documents themselves are downloads:
 *   GET /files/notice/<roundId>.docx   Word, official-document style
 *   GET /files/notice/<roundId>.html   print view
 * (ADMIN and LEADER; see services/notice for why not BRANCH).
 */

const NoticeInput = builder.inputType('NoticeInput', {
  fields: (t) => ({
    docNo: t.string({ required: false, description: '发文字号, e.g. 党建〔2026〕1号' }),
    title: t.string({ required: false }),
    issuedBy: t.string({ required: false, description: '发文机关' }),
    issuedAt: t.field({ type: 'DateTime', required: false }),
    analysis: t.string({
      required: false,
      description: '问题分析 as edited (paragraphs by line); an empty string goes back to the generated text.',
    }),
  }),
})

const NoticeAnalysisRef = builder.objectRef<{ paragraphs: string[]; edited: boolean; generated: string[] }>('NoticeAnalysis').implement({
  description: 'The 问题分析 section of a round’s notice.',
  fields: (t) => ({
    paragraphs: t.stringList({ resolve: (a) => a.paragraphs }),
    edited: t.exposeBoolean('edited', { description: 'False: generated from the round’s insights (数据研判).' }),
    generated: t.stringList({
      description: 'The text generated from the insights, whatever was saved (to start an edit from).',
      resolve: (a) => a.generated,
    }),
  }),
})

builder.queryField('noticeAnalysis', (t) =>
  t.field({
    type: NoticeAnalysisRef,
    description: 'The 问题分析 of a published round’s notice: what the .docx and print view will say.',
    authScopes: { admin: true, leader: true },
    args: { roundId: t.arg.int() },
    resolve: (_root, { roundId }, ctx) => noticeAnalysis(ctx.prisma, roundId, ctx.config.now()),
  }),
)

builder.mutationField('saveNotice', (t) =>
  t.prismaField({
    type: 'Notice',
    description:
      'Records or refreshes the notice of a published round (fields left out keep their value); audited. Download it at /files/notice/<roundId>.docx or .html.',
    authScopes: { admin: true },
    errors: {},
    args: { roundId: t.arg.int(), input: t.arg({ type: NoticeInput }) },
    resolve: async (query, _root, { roundId, input }, ctx) => {
      const user = ctx.user
      if (!user) throw new AuthenticationError()
      const now = ctx.config.now()
      await ctx.prisma.$transaction((tx) => saveNotice(tx, { id: user.id, ip: ctx.ip }, roundId, input, now))
      return ctx.prisma.notice.findUniqueOrThrow({ ...query, where: { roundId } })
    },
  }),
)
