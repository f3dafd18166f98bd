import type { PrismaClient } from '@redblue/db'
import { readCookie, resolveSession, type AuthUser } from '../auth/session'
import type { ApiConfig } from '../config'

/**
 * Plain HTTP routes next to `/graphql` (the public board, the floating-window script, file
 * downloads). They run inside the Yoga instance as an `onRequest` plugin, so tests reach them with
 * `yoga.fetch` exactly like GraphQL, and the session cookie means the same thing everywhere.
 */
export interface RouteContext {
  request: Request
  url: URL
  prisma: PrismaClient
  config: ApiConfig
  /** Path parameters captured by the route's pattern. */
  params: string[]
  /** The signed-in user (cookie session), resolved on first use. */
  user: () => Promise<AuthUser | null>
  /** Response constructor of the server adapter. */
  Response: typeof Response
}

export type RouteHandler = (ctx: RouteContext) => Promise<Response> | Response

export interface Route {
  pattern: RegExp
  handler: RouteHandler
}

export function sessionUser(prisma: PrismaClient, config: ApiConfig, request: Request): () => Promise<AuthUser | null> {
  let pending: Promise<AuthUser | null> | null = null
  return () => {
    pending ??= (async () => {
      const token = readCookie(request.headers.get('cookie'), config.cookieName)
      const user = token ? await resolveSession(prisma, config, token) : null
      // Downloads too wait until a temporary password has been changed.
      return user?.mustChangePassword ? null : user
    })()
    return pending
  }
}

const BASE_HEADERS = { 'x-content-type-options': 'nosniff' }

export function textResponse(ctx: Pick<RouteContext, 'Response'>, status: number, text: string): Response {
  return new ctx.Response(text, {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}

/** 401 for anonymous callers, 403 for signed-in ones without the role. */
export function deny(ctx: Pick<RouteContext, 'Response'>, user: AuthUser | null, message = '无权下载此文件'): Response {
  return user ? textResponse(ctx, 403, message) : textResponse(ctx, 401, '请先登录')
}

/** A download: always an attachment, with an ASCII fallback name and the UTF-8 name (RFC 6266). */
export function fileResponse(
  ctx: Pick<RouteContext, 'Response'>,
  bytes: Uint8Array,
  fileName: string,
  contentType: string,
): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  // Copied into a fresh ArrayBuffer-backed view: what BodyInit accepts (Buffers may be pooled).
  return new ctx.Response(Uint8Array.from(bytes), {
    status: 200,
    headers: {
      ...BASE_HEADERS,
      'content-type': contentType,
      'content-length': String(bytes.byteLength),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'private, no-store',
    },
  })
}

export function htmlResponse(
  ctx: Pick<RouteContext, 'Response'>,
  html: string,
  headers: Record<string, string> = {},
): Response {
  return new ctx.Response(html, {
    status: 200,
    headers: {
      ...BASE_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      // The pages are self-contained: inline styles only, no scripts, no external resources.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
      'referrer-policy': 'no-referrer',
      ...headers,
    },
  })
}

/** Positive integer from a path or query value, or null. */
export function positiveInt(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null
  const n = Number(value)
  return n > 0 ? n : null
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
