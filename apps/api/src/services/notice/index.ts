import type { AuthUser } from '../../auth/session'
import type { Db } from '../../context'
import { writeAudit } from '../../audit'
import { NotFoundError, ValidationError } from '../../errors'
import { BOARD_STATUSES } from '../board'
import { defaultNoticeFields } from './data'

export { defaultNoticeFields, loadNoticeData, NOTICE_TITLE, type NoticeData } from './data'
export { noticeFileName, renderNoticeDocx } from './docx'
export { renderNoticeHtml } from './html'
export { noticeAnalysis } from './analysis'

/**
 * Who may download the 通报 (R12): admins and leaders. The document lists every org's ranking
 * (public anyway) but also counts and typical examples of other orgs' findings, which a BRANCH
 * user or an inspector of other orgs may not see; branches get their own results in the SPA and
 * the rankings and lists on the board. The issued document reaches branches through the
 * official document channel.
 */
export function canReadNotice(user: Pick<AuthUser, 'role'> | null): boolean {
  return user?.role === 'ADMIN' || user?.role === 'LEADER'
}

export interface NoticeFieldsInput {
  docNo?: string | null
  title?: string | null
  issuedBy?: string | null
  /** Defaults to the round's publication time (or now). */
  issuedAt?: Date | null
  /** 问题分析 as edited; "" goes back to the text generated from the round's insights. */
  analysis?: string | null
}

const ANALYSIS_MAX = 10_000

const LIMITS = { docNo: 100, title: 200, issuedBy: 100 } as const

/**
 * Records or refreshes a published round's Notice row (document number, title, issuing body,
 * date) and audits the change. Fields left out keep their value (or the defaults on creation).
 */
export async function saveNotice(
  db: Db,
  actor: { id: number; ip: string | null },
  roundId: number,
  input: NoticeFieldsInput,
  now: Date,
) {
  const round = await db.inspectionRound.findUnique({ where: { id: roundId }, include: { notice: true } })
  if (!round) throw new NotFoundError('InspectionRound', roundId, '检查轮次不存在')
  if (!BOARD_STATUSES.includes(round.status)) throw new ValidationError('本轮检查结果尚未发布，不能登记通报')

  const problems: { path: string[]; message: string; code: string }[] = []
  const text = (key: keyof typeof LIMITS) => {
    const value = input[key]
    if (value === undefined || value === null) return undefined
    const trimmed = value.trim()
    if (!trimmed) problems.push({ path: ['input', key], message: '不能为空', code: 'required' })
    else if (trimmed.length > LIMITS[key]) {
      problems.push({ path: ['input', key], message: `不能超过 ${LIMITS[key]} 个字符`, code: 'too_long' })
    }
    return trimmed
  }
  const docNo = text('docNo')
  const title = text('title')
  const issuedBy = text('issuedBy')
  const analysis = input.analysis == null ? undefined : input.analysis.trim() === '' ? null : input.analysis.trim()
  if (analysis && analysis.length > ANALYSIS_MAX) {
    problems.push({ path: ['input', 'analysis'], message: `不能超过 ${ANALYSIS_MAX} 个字符`, code: 'too_long' })
  }
  const [first] = problems
  if (first) throw new ValidationError(first.message, problems)

  const before = round.notice
  const defaults = defaultNoticeFields(round)
  const data = {
    docNo: docNo ?? before?.docNo ?? defaults.docNo,
    title: title ?? before?.title ?? defaults.title,
    issuedBy: issuedBy ?? before?.issuedBy ?? defaults.issuedBy,
    issuedAt: input.issuedAt ?? before?.issuedAt ?? round.publishedAt ?? now,
    analysis: analysis === undefined ? (before?.analysis ?? null) : analysis,
  }
  const after = await db.notice.upsert({ where: { roundId }, create: { roundId, ...data }, update: data })
  await writeAudit(db, {
    actor: actor.id,
    ip: actor.ip,
    action: before ? 'notice.update' : 'notice.create',
    entityType: 'Notice',
    entityId: after.id,
    before,
    after,
  })
  return after
}
