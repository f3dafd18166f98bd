import { Readable } from 'node:stream'
import type { PrismaClient } from '@redblue/db'
import type { Plugin } from 'graphql-yoga'
import { readCookie, resolveSession } from '../auth/session'
import type { ApiConfig } from '../config'
import { evidenceWhere, fromSession, loadScope } from '../access'
import { isDatabaseUnavailable } from '../unavailable'
import { openStored, type UploadSettings } from './storage'

/** Where the SPA downloads an evidence file: `GET /files/evidence/<id>` with the session cookie. */
export const EVIDENCE_PATH = '/files/evidence/'

export function evidenceUrl(id: number): string {
  return `${EVIDENCE_PATH}${id}`
}

/**
 * Serves evidence files to users who may see the finding or rectification they belong to (R12):
 * the same scope rules as the GraphQL fields, applied in the query, so an unknown id and a
 * forbidden one look the same (404). Always sent as an attachment with the sanitized original
 * name, never rendered inline, and with `nosniff`.
 */
export function useEvidenceDownload(
  prisma: PrismaClient,
  config: ApiConfig,
  settings: UploadSettings,
): Plugin {
  return {
    async onRequest(payload) {
      const { request, url, fetchAPI } = payload
      const endResponse = (response: Response) => payload.endResponse(response)
      if (!url.pathname.startsWith(EVIDENCE_PATH)) return
      const reply = (status: number, text: string) =>
        endResponse(
          new fetchAPI.Response(text, {
            status,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        )
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return reply(405, 'Method Not Allowed')
      const id = /^\d{1,9}$/.test(url.pathname.slice(EVIDENCE_PATH.length))
        ? Number(url.pathname.slice(EVIDENCE_PATH.length))
        : null
      if (id === null) return reply(404, 'Not Found')
      const token = readCookie(request.headers.get('cookie'), config.cookieName)
      let user: Awaited<ReturnType<typeof resolveSession>>
      let file: Awaited<ReturnType<typeof prisma.evidenceFile.findFirst>>
      try {
        user = token ? await resolveSession(prisma, config, token) : null
        if (!user) return reply(401, 'Unauthorized')
        const actor = fromSession(user)
        const scope = await loadScope(prisma, actor)
        file = await prisma.evidenceFile.findFirst({
          where: { AND: [{ id }, evidenceWhere(scope)] },
        })
      } catch (error) {
        // Database down: 503 like GraphQL, not a bare 500 (test/reliability/faults.test.ts).
        if (isDatabaseUnavailable(error)) return reply(503, 'Service Unavailable')
        throw error
      }
      const opened = file ? await openStored(settings, file.storedName) : null
      if (!file || !opened) return reply(404, 'Not Found')
      const ascii = file.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
      const headers = {
        'content-type': file.mimeType,
        'content-length': String(opened.size),
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      }
      if (request.method === 'HEAD') {
        opened.stream.destroy()
        return endResponse(new fetchAPI.Response(null, { status: 200, headers }))
      }
      const body = Readable.toWeb(opened.stream) as ReadableStream<Uint8Array>
      return endResponse(new fetchAPI.Response(body, { status: 200, headers }))
    },
  }
}
