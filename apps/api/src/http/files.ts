import type { RectificationStatus } from '@redblue/db'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { fromSession } from '../access'
import { buildExport, EXPORT_KINDS, type ExportKind } from '../services/excel/exports'
import { workbookBytes } from '../services/excel/sheet'
import { buildTemplate, TEMPLATE_KINDS, type TemplateKind } from '../services/excel/templates'
import { feedbackFormFileName, loadFeedbackFormSheet, renderFeedbackFormDocx } from '../services/feedback-form'
import { canReadNotice, loadNoticeData, noticeFileName, renderNoticeDocx, renderNoticeHtml } from '../services/notice'
import {
  deny,
  DOCX_TYPE,
  fileResponse,
  htmlResponse,
  positiveInt,
  textResponse,
  XLSX_TYPE,
  type Route,
  type RouteContext,
} from './route'

/**
 * Authenticated downloads (session cookie; plain GETs so the SPA can use ordinary links):
 *
 *   /files/notice/<roundId>.docx            通报 (Word)                       ADMIN, LEADER
 *   /files/notice/<roundId>.html            通报 print view                   ADMIN, LEADER
 *   /files/feedback-form/<formId>.docx      现场反馈表 (Word)                 within the feedbackForms query's scope
 *   /files/export/<kind>.xlsx?…             ranking | findings | rectifications | adjustments | annual
 *   /files/template/<kind>.xlsx?…           orgs | indicators | findings      import templates
 *
 * Domain errors map to statuses: validation 400, not found 404, forbidden 403.
 */

function errorResponse(ctx: RouteContext, error: unknown): Response {
  if (error instanceof ValidationError) {
    const detail = error.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n')
    return textResponse(ctx, 400, detail ? `${error.message}\n${detail}` : error.message)
  }
  if (error instanceof NotFoundError) return textResponse(ctx, 404, error.message)
  if (error instanceof ForbiddenError) return textResponse(ctx, 403, error.message)
  throw error
}

async function notice(ctx: RouteContext): Promise<Response> {
  const user = await ctx.user()
  if (!canReadNotice(user)) return deny(ctx, user, '通报仅限党建部和公司领导下载')
  const roundId = positiveInt(ctx.params[0])
  if (!roundId) return textResponse(ctx, 404, 'Not Found')
  try {
    const data = await loadNoticeData(ctx.prisma, roundId, ctx.config.now())
    if (ctx.params[1] === 'html') return htmlResponse(ctx, renderNoticeHtml(data), { 'cache-control': 'private, no-store' })
    return fileResponse(ctx, await renderNoticeDocx(data), noticeFileName(data), DOCX_TYPE)
  } catch (error) {
    return errorResponse(ctx, error)
  }
}

async function feedbackForm(ctx: RouteContext): Promise<Response> {
  const user = await ctx.user()
  if (!user) return deny(ctx, user)
  const formId = positiveInt(ctx.params[0])
  if (!formId) return textResponse(ctx, 404, 'Not Found')
  try {
    const sheet = await loadFeedbackFormSheet(ctx.prisma, user, formId)
    return fileResponse(ctx, await renderFeedbackFormDocx(sheet), feedbackFormFileName(sheet), DOCX_TYPE)
  } catch (error) {
    return errorResponse(ctx, error)
  }
}

const RECT_STATUSES: RectificationStatus[] = ['OPEN', 'SUBMITTED', 'RETURNED', 'CLOSED']

async function exportFile(ctx: RouteContext): Promise<Response> {
  const user = await ctx.user()
  if (!user) return deny(ctx, user)
  const kind = ctx.params[0] as ExportKind
  if (!EXPORT_KINDS.includes(kind)) return textResponse(ctx, 404, 'Not Found')
  const q = ctx.url.searchParams
  const status = q.get('status')
  try {
    const { fileName, workbook } = await buildExport(
      ctx.prisma,
      fromSession(user),
      kind,
      {
        roundId: positiveInt(q.get('roundId')),
        year: positiveInt(q.get('year')),
        month: q.get('month'),
        status: RECT_STATUSES.includes(status as RectificationStatus) ? (status as RectificationStatus) : null,
      },
      ctx.config.now(),
    )
    return fileResponse(ctx, await workbookBytes(workbook), fileName, XLSX_TYPE)
  } catch (error) {
    return errorResponse(ctx, error)
  }
}

async function template(ctx: RouteContext): Promise<Response> {
  const user = await ctx.user()
  if (!user) return deny(ctx, user)
  const kind = ctx.params[0] as TemplateKind
  if (!TEMPLATE_KINDS.includes(kind)) return textResponse(ctx, 404, 'Not Found')
  const q = ctx.url.searchParams
  try {
    const { fileName, workbook } = await buildTemplate(ctx.prisma, fromSession(user), kind, {
      schemeId: positiveInt(q.get('schemeId')),
      roundId: positiveInt(q.get('roundId')),
      year: positiveInt(q.get('year')),
    })
    return fileResponse(ctx, await workbookBytes(workbook), fileName, XLSX_TYPE)
  } catch (error) {
    return errorResponse(ctx, error)
  }
}

export const fileRoutes: Route[] = [
  { pattern: /^\/files\/notice\/(\d{1,9})\.(docx|html)$/, handler: notice },
  { pattern: /^\/files\/feedback-form\/(\d{1,9})\.docx$/, handler: feedbackForm },
  { pattern: /^\/files\/export\/([a-z]+)\.xlsx$/, handler: exportFile },
  { pattern: /^\/files\/template\/([a-z]+)\.xlsx$/, handler: template },
]
