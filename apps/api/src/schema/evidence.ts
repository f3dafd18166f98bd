import { builder } from '../builder'
import * as wf from '../services/workflow'
import { evidenceUrl } from '../uploads/download'
import { removeFiles, withStoredFiles } from '../uploads/storage'
import { inTx } from './round-context'

/**
 * Evidence files (GraphQL multipart uploads). Types pdf/jpg/png/docx/xlsx checked by extension and
 * content, size-limited, stored under a random name in the configured folder; downloaded from
 * `url` (`GET /files/evidence/<id>`) only by users allowed to see the finding or rectification.
 */

builder.prismaObject('EvidenceFile', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    findingId: t.exposeInt('findingId', { nullable: true }),
    rectificationEventId: t.exposeInt('rectificationEventId', { nullable: true }),
    originalName: t.exposeString('originalName'),
    mimeType: t.exposeString('mimeType'),
    size: t.exposeInt('size'),
    sha256: t.exposeString('sha256'),
    uploadedBy: t.relation('uploadedBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    url: t.string({ resolve: (f) => evidenceUrl(f.id) }),
  }),
})

builder.mutationFields((t) => ({
  attachFindingEvidence: t.prismaField({
    type: ['EvidenceFile'],
    description:
      'Uploads evidence for a finding (assigned inspector or admin; INSPECTING or RECONCILING).',
    authScopes: { admin: true, inspector: true },
    errors: {},
    args: { findingId: t.arg.int(), files: t.arg({ type: ['Upload'] }) },
    resolve: async (query, _root, { findingId, files }, ctx) => {
      const rows = await withStoredFiles(files, ctx.config.uploads, (stored) =>
        inTx(ctx, (tx, actor) => wf.attachFindingEvidence(tx, actor, findingId, stored)),
      )
      return ctx.prisma.evidenceFile.findMany({
        ...query,
        where: { id: { in: rows.map((r) => r.id) } },
        orderBy: { id: 'asc' },
      })
    },
  }),
  deleteEvidence: t.boolean({
    description:
      'Removes a finding’s evidence file (its uploader or an admin, while the finding can change).',
    authScopes: { admin: true, inspector: true },
    errors: { directResult: false },
    args: { id: t.arg.int() },
    resolve: async (_root, { id }, ctx) => {
      const removed = await inTx(ctx, (tx, actor) => wf.deleteEvidence(tx, actor, id))
      await removeFiles(ctx.config.uploads, [removed.storedName])
      return true
    },
  }),
}))
