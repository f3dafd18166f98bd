import type { Prisma } from '@redblue/db'
import { builder } from '../builder'
import { pageOf } from '../cost'

/** Read access to the audit log (every mutation writes one entry with before/after snapshots). */

export const AuditLogRef = builder.prismaObject('AuditLog', {
  fields: (t) => ({
    id: t.string({ resolve: (row) => row.id.toString() }),
    actorId: t.exposeInt('actorId', { nullable: true }),
    actor: t.relation('actor', { nullable: true }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
})

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    entityType: t.string({ required: false }),
    entityId: t.string({ required: false }),
    actorId: t.int({ required: false }),
    action: t.string({ required: false }),
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
  }),
})

builder.queryField('auditLogs', (t) =>
  t.prismaField({
    type: ['AuditLog'],
    description: 'Newest first; page with limit (max 200) and offset.',
    authScopes: { admin: true, leader: true },
    args: {
      filter: t.arg({ type: AuditLogFilter, required: false }),
      limit: t.arg.int({ required: false }),
      offset: t.arg.int({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const f = args.filter
      const where: Prisma.AuditLogWhereInput = {}
      if (f?.entityType) where.entityType = f.entityType
      if (f?.entityId) where.entityId = f.entityId
      if (f?.actorId != null) where.actorId = f.actorId
      if (f?.action) where.action = f.action
      if (f?.from || f?.to)
        where.at = { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) }
      return ctx.prisma.auditLog.findMany({
        ...query,
        where,
        orderBy: { id: 'desc' },
        ...pageOf('Query.auditLogs', args),
      })
    },
  }),
)
