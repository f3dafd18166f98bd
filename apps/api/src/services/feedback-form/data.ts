import { sumScores, toFixed2 } from '@redblue/scoring'
import { feedbackFormWhere, fromSession, loadScope } from '../../access'
import type { AuthUser } from '../../auth/session'
import type { Db } from '../../context'
import { ForbiddenError, NotFoundError } from '../../errors'
import { CHECK_METHODS } from '../excel/exports'
import { fromDbDate } from '../workflow/rules'

/**
 * What the printed 现场反馈表 says (the SPA's print view and the Word file list the same): the
 * form's number, org, visit date, round, team and summary, and every finding on it with its
 * indicator, problem category, description, check method and deduction, and the total.
 */
export interface FeedbackFormSheet {
  formNo: string
  orgName: string
  visitDate: string
  roundName: string
  year: number
  quarter: number
  teamName: string | null
  summary: string
  findings: {
    indicator: string
    problemCategory: string
    isRepeat: boolean
    description: string
    checkMethod: string
    deduction: string
  }[]
  totalDeduction: string
}

/**
 * Loads one form for `user` within the user's R12 scope — the same rule as the `feedbackForms`
 * query: admins and leaders every form, inspectors the orgs their team inspects in that round,
 * a branch its own org's forms once the round's results are visible. A form outside the scope
 * is refused (403), one that does not exist is 404.
 */
export async function loadFeedbackFormSheet(db: Db, user: AuthUser, formId: number): Promise<FeedbackFormSheet> {
  const scope = await loadScope(db, fromSession(user, null))
  const form = await db.feedbackForm.findFirst({
    where: { AND: [feedbackFormWhere(scope), { id: formId }] },
    include: {
      org: { select: { name: true } },
      round: { select: { name: true, year: true, quarter: true } },
      team: { select: { name: true } },
      findings: {
        orderBy: { id: 'asc' },
        include: {
          indicator: { select: { code: true, name: true } },
          problemCategory: { select: { name: true } },
        },
      },
    },
  })
  if (!form) {
    const exists = await db.feedbackForm.count({ where: { id: formId } })
    if (exists) throw new ForbiddenError('无权下载此反馈表')
    throw new NotFoundError('FeedbackForm', formId, '反馈表不存在')
  }
  return {
    formNo: form.formNo,
    orgName: form.org.name,
    visitDate: fromDbDate(form.visitDate),
    roundName: form.round.name,
    year: form.round.year,
    quarter: form.round.quarter,
    teamName: form.team?.name ?? null,
    summary: form.summary,
    findings: form.findings.map((f) => ({
      indicator: `${f.indicator.code} ${f.indicator.name}`,
      problemCategory: f.problemCategory.name,
      isRepeat: f.isRepeat,
      description: f.description,
      checkMethod: CHECK_METHODS[f.checkMethod],
      deduction: toFixed2(f.deduction.toFixed()),
    })),
    totalDeduction: sumScores(form.findings.map((f) => f.deduction.toFixed())),
  }
}
