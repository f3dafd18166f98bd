import type { Prisma, Role, User } from '@redblue/db'
import { z } from 'zod'
import { auditAs } from '../audit'
import { hashPassword, passwordPolicy } from '../auth/password'
import { revokeUserSessions } from '../auth/session'
import { builder } from '../builder'
import type { Context, Db } from '../context'
import { ValidationError } from '../errors'
import { assertFound, assertVersion, updateVersioned } from '../optimistic'
import { assertUserOrgChange } from '../services/workflow/conflict-of-interest'
import { parseInput } from '../validation'
import { RoleEnum } from './enums'

/** Admin user management: create, edit role/org/active, reset password. */

export const UserRef = builder.prismaObject('User', {
  fields: (t) => ({
    id: t.exposeInt('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: RoleEnum }),
    orgId: t.exposeInt('orgId', { nullable: true }),
    org: t.relation('org', { nullable: true }),
    active: t.exposeBoolean('active'),
    mustChangePassword: t.exposeBoolean('mustChangePassword'),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
})

/** The audit snapshot of a user: never the password hash. */
export function userSnapshot(user: User) {
  const { passwordHash: _omit, ...rest } = user
  return rest
}

const usernameSchema = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(50)
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符')

/** BRANCH users act for exactly one org; others may carry a home org (conflict-of-interest). */
async function checkOrgLink(db: Db, role: Role, orgId: number | null | undefined): Promise<void> {
  if (role === 'BRANCH' && !orgId) {
    throw ValidationError.field(['input', 'orgId'], '支部用户必须关联党组织', 'required')
  }
  if (orgId) {
    const org = await db.organization.findUnique({ where: { id: orgId }, select: { id: true } })
    if (!org) throw ValidationError.field(['input', 'orgId'], '党组织不存在', 'not_found')
  }
}

/** Refuses changes that would leave nobody able to administer the system. */
async function keepAnAdmin(
  db: Db,
  ctx: Context,
  target: User,
  next: { role: Role; active: boolean },
) {
  const losesAdmin =
    target.role === 'ADMIN' && target.active && (next.role !== 'ADMIN' || !next.active)
  if (!losesAdmin) return
  if (target.id === ctx.user?.id) {
    throw ValidationError.field(['input'], '不能停用自己或取消自己的管理员角色', 'self_lockout')
  }
  const admins = await db.user.count({
    where: { role: 'ADMIN', active: true, id: { not: target.id } },
  })
  if (admins === 0)
    throw ValidationError.field(['input'], '至少需要保留一名启用的管理员', 'last_admin')
}

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string(),
    displayName: t.string(),
    role: t.field({ type: RoleEnum }),
    orgId: t.int({ required: false }),
    /** Initial password; the user must change it at first login. */
    password: t.string(),
  }),
})

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    displayName: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    /** null unlinks; omitted leaves it unchanged. */
    orgId: t.int({ required: false }),
    active: t.boolean({ required: false }),
  }),
})

builder.queryFields((t) => ({
  users: t.prismaField({
    type: ['User'],
    authScopes: { admin: true },
    args: {
      role: t.arg({ type: RoleEnum, required: false }),
      orgId: t.arg.int({ required: false }),
      active: t.arg.boolean({ required: false }),
      search: t.arg.string({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.UserWhereInput = {}
      if (args.role) where.role = args.role
      if (args.orgId != null) where.orgId = args.orgId
      if (args.active != null) where.active = args.active
      if (args.search) {
        where.OR = [
          { username: { contains: args.search, mode: 'insensitive' } },
          { displayName: { contains: args.search, mode: 'insensitive' } },
        ]
      }
      return ctx.prisma.user.findMany({
        ...query,
        where,
        orderBy: [{ role: 'asc' }, { username: 'asc' }],
      })
    },
  }),
  user: t.prismaField({
    type: 'User',
    nullable: true,
    authScopes: { admin: true },
    args: { id: t.arg.int() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.user.findUnique({ ...query, where: { id: args.id } }),
  }),
}))

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: CreateUserInput }) },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(
        z.object({
          username: usernameSchema,
          displayName: z.string().trim().min(1, '请填写姓名').max(50),
          role: z.enum(['ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH']),
          orgId: z.number().int().positive().nullish(),
          password: passwordPolicy,
        }),
        args.input,
      )
      const passwordHash = await hashPassword(input.password)
      const id = await ctx.prisma.$transaction(async (tx) => {
        await checkOrgLink(tx, input.role, input.orgId)
        const taken = await tx.user.findUnique({
          where: { username: input.username },
          select: { id: true },
        })
        if (taken) throw ValidationError.field(['input', 'username'], '用户名已存在', 'duplicate')
        const user = await tx.user.create({
          data: {
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            orgId: input.orgId ?? null,
            passwordHash,
            mustChangePassword: true,
          },
        })
        await auditAs(ctx, tx, {
          action: 'user.create',
          entityType: 'User',
          entityId: user.id,
          after: userSnapshot(user),
        })
        return user.id
      })
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),

  updateUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    errors: {},
    args: {
      id: t.arg.int(),
      version: t.arg.int(),
      input: t.arg({ type: UpdateUserInput }),
    },
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(
        z.object({
          displayName: z.string().trim().min(1, '请填写姓名').max(50).nullish(),
          role: z.enum(['ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH']).nullish(),
          orgId: z.number().int().positive().nullish(),
          active: z.boolean().nullish(),
        }),
        args.input,
      )
      await ctx.prisma.$transaction(async (tx) => {
        const before = assertFound(
          await tx.user.findUnique({ where: { id: args.id } }),
          'User',
          args.id,
        )
        assertVersion(before, args.version, 'User', args.id, userSnapshot)
        const next = {
          displayName: input.displayName ?? before.displayName,
          role: input.role ?? before.role,
          // `orgId: null` explicitly unlinks, absent keeps.
          orgId: input.orgId === undefined ? before.orgId : input.orgId,
          active: input.active ?? before.active,
        }
        await checkOrgLink(tx, next.role, next.orgId)
        await assertUserOrgChange(tx, args.id, next.orgId)
        await keepAnAdmin(tx, ctx, before, next)
        await updateVersioned({
          entityType: 'User',
          id: args.id,
          update: () =>
            tx.user.updateMany({
              where: { id: args.id, version: args.version },
              data: { ...next, version: { increment: 1 } },
            }),
          reload: () => tx.user.findUnique({ where: { id: args.id } }),
          snapshot: userSnapshot,
        })
        // A disabled user is signed out everywhere at once.
        if (before.active && !next.active) await revokeUserSessions(tx, ctx.config.now(), args.id)
        const after = await tx.user.findUniqueOrThrow({ where: { id: args.id } })
        await auditAs(ctx, tx, {
          action: 'user.update',
          entityType: 'User',
          entityId: args.id,
          before: userSnapshot(before),
          after: userSnapshot(after),
        })
      })
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),

  resetUserPassword: t.prismaField({
    type: 'User',
    description:
      'Sets a new password the user must change at next login; signs them out everywhere.',
    authScopes: { admin: true },
    errors: {},
    args: { id: t.arg.int(), newPassword: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const password = parseInput(passwordPolicy, args.newPassword, ['newPassword'])
      const passwordHash = await hashPassword(password)
      await ctx.prisma.$transaction(async (tx) => {
        const before = assertFound(
          await tx.user.findUnique({ where: { id: args.id } }),
          'User',
          args.id,
        )
        const after = await tx.user.update({
          where: { id: args.id },
          data: { passwordHash, mustChangePassword: true, version: { increment: 1 } },
        })
        await revokeUserSessions(tx, ctx.config.now(), args.id)
        await auditAs(ctx, tx, {
          action: 'user.resetPassword',
          entityType: 'User',
          entityId: args.id,
          before: userSnapshot(before),
          after: userSnapshot(after),
        })
      })
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: args.id } })
    },
  }),
}))
