import type { User } from '@redblue/db'
import { auditAs } from '../audit'
import { burnVerifyTime, hashPassword, passwordPolicy, verifyPassword } from '../auth/password'
import {
  clearSessionCookie,
  createSession,
  hashToken,
  readCookie,
  revokeUserSessions,
  sessionCookie,
} from '../auth/session'
import {
  admitLoginAttempt,
  attemptsLeft,
  lockAfterFailure,
  lockMessage,
  settleLoginAttempt,
} from '../auth/throttle'
import { builder } from '../builder'
import type { Context } from '../context'
import { AuthenticationError, ValidationError } from '../errors'
import { parseInput } from '../validation'
import { userSnapshot } from './user'

/** Sign-in, sign-out, the current user and changing one's own password. */

const WRONG_CREDENTIALS = '用户名或密码错误'
/** How long a login waits for attempts still being verified before it gives up. */
const ADMISSION_WAIT_MS = 10_000

type LoginOutcome =
  | { kind: 'locked'; retryAfterMs: number }
  | { kind: 'busy' }
  | { kind: 'wrong' }
  | { kind: 'inactive' }
  | { kind: 'ok'; user: User }

async function verifyAdmitted(
  ctx: Context,
  throttleKey: string,
  username: string,
  password: string,
): Promise<LoginOutcome> {
  const giveUpAt = Date.now() + ADMISSION_WAIT_MS
  let admission = await admitLoginAttempt(ctx.prisma, ctx.config, throttleKey, ctx.ip)
  while (admission.kind === 'wait') {
    if (Date.now() > giveUpAt) return { kind: 'busy' }
    // Verifications take tens of milliseconds; jitter keeps waiting logins from polling in step.
    await new Promise((done) => setTimeout(done, 15 + Math.random() * 20))
    admission = await admitLoginAttempt(ctx.prisma, ctx.config, throttleKey, ctx.ip)
  }
  if (admission.kind === 'locked') return admission
  const found = await ctx.prisma.user.findUnique({ where: { username } })
  const ok = found
    ? await verifyPassword(found.passwordHash, password)
    : (await burnVerifyTime(password), false)
  const success = !!found && ok && found.active
  await settleLoginAttempt(ctx.prisma, admission.attemptId, success)
  if (!found || !ok) return { kind: 'wrong' }
  // Checked after the password so a disabled account is not revealed to guessers.
  if (!found.active) return { kind: 'inactive' }
  return { kind: 'ok', user: found }
}

/** A lock in force, met by an attempt or set by the failure just settled. */
function lockedError(retryAfterMs: number): AuthenticationError {
  return new AuthenticationError(lockMessage(retryAfterMs), {
    reason: 'LOCKED',
    retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
  })
}

async function startSession(ctx: Context, userId: number): Promise<void> {
  const { token } = await createSession(ctx.prisma, ctx.config, userId, {
    ip: ctx.ip,
    userAgent: ctx.request.headers.get('user-agent'),
  })
  // The cookie outlives idle expiry on purpose: the server decides validity, the browser just
  // keeps the token until the absolute cap.
  ctx.setCookie(sessionCookie(ctx.config, token, ctx.config.sessionMaxMs / 1000, ctx.secure))
}

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null.',
    skipTypeScopes: true,
    resolve: (query, _root, _args, ctx) =>
      ctx.user ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.user.id } }) : null,
  }),
)

builder.mutationFields((t) => ({
  login: t.prismaField({
    type: 'User',
    description:
      'Signs in and sets the HTTP-only session cookie. Five failures in a row for a username within 15 minutes lock it for 15 minutes; an address has its own, larger budget across usernames (50 failures in 15 minutes by default). A wrong password answers attemptsLeft; a lock answers retryAfterSeconds.',
    skipTypeScopes: true,
    errors: { types: [AuthenticationError] },
    args: { username: t.arg.string(), password: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const username = args.username.trim()
      if (!username || !args.password) {
        throw new ValidationError('请输入用户名和密码', [
          ...(!username ? [{ path: ['username'], message: '请输入用户名', code: 'required' }] : []),
          ...(!args.password
            ? [{ path: ['password'], message: '请输入密码', code: 'required' }]
            : []),
        ])
      }
      // Usernames are at most 50 characters; the attempt log's btree index cannot take a
      // megabyte-long key (it failed as an unexpected error), so the key is cut.
      const throttleKey = username.toLowerCase().slice(0, 100)
      // Admission (lock check + an in-flight record, under advisory locks in a short
      // transaction) comes first, then argon2 with no connection held — on PGlite, one
      // connection, a transaction around the verification paused every other request — then
      // the verdict. See auth/throttle.ts for why a parallel burst still verifies at most
      // loginMaxFailures passwords (test/reliability/security.test.ts, login.test.ts).
      const outcome = await verifyAdmitted(ctx, throttleKey, username, args.password)
      if (outcome.kind === 'locked') {
        throw lockedError(outcome.retryAfterMs)
      }
      if (outcome.kind === 'busy') {
        throw new AuthenticationError('登录请求过多，请稍后再试', { reason: 'BUSY', retryAfterSeconds: 1 })
      }
      if (outcome.kind === 'wrong') {
        const left = await attemptsLeft(ctx.prisma, ctx.config, throttleKey, ctx.ip)
        const lockedMs = left === 0 ? await lockAfterFailure(ctx.prisma, ctx.config, throttleKey, ctx.ip) : null
        if (lockedMs !== null) throw lockedError(lockedMs)
        throw new AuthenticationError(WRONG_CREDENTIALS, { reason: 'WRONG_CREDENTIALS', attemptsLeft: left })
      }
      if (outcome.kind === 'inactive') {
        throw new AuthenticationError('该账号已停用，请联系管理员', { reason: 'INACTIVE' })
      }
      const { user } = outcome
      // Housekeeping without a scheduler: drop this user's dead sessions and the username's
      // attempts older than a day (the lock window only ever looks back minutes).
      const now = ctx.config.now()
      await ctx.prisma.session.deleteMany({
        where: { userId: user.id, OR: [{ expiresAt: { lt: now } }, { revokedAt: { not: null } }] },
      })
      await ctx.prisma.loginAttempt.deleteMany({
        where: { username: throttleKey, createdAt: { lt: new Date(now.getTime() - 86_400_000) } },
      })
      await startSession(ctx, user.id)
      await auditAs({ user, ip: ctx.ip }, ctx.prisma, {
        action: 'auth.login',
        entityType: 'User',
        entityId: user.id,
      })
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } })
    },
  }),

  logout: t.boolean({
    description: 'Revokes the current session and clears the cookie. Safe to call when signed out.',
    skipTypeScopes: true,
    resolve: async (_root, _args, ctx) => {
      const token = readCookie(ctx.request.headers.get('cookie'), ctx.config.cookieName)
      if (token) {
        const revoked = await ctx.prisma.session.updateMany({
          where: { id: hashToken(token), revokedAt: null },
          data: { revokedAt: ctx.config.now() },
        })
        if (revoked.count && ctx.user) {
          await auditAs(ctx, ctx.prisma, {
            action: 'auth.logout',
            entityType: 'User',
            entityId: ctx.user.id,
          })
        }
      }
      ctx.setCookie(clearSessionCookie(ctx.config, ctx.secure))
      return true
    },
  }),

  changePassword: t.prismaField({
    type: 'User',
    description:
      'Changes the own password. Every session of the user is revoked and a fresh one is issued to this browser.',
    // Also (above all) for a user who must change a temporary password.
    skipTypeScopes: true,
    authScopes: { session: true },
    errors: { types: [AuthenticationError] },
    args: { currentPassword: t.arg.string(), newPassword: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const me = ctx.user
      if (!me) throw new AuthenticationError()
      const newPassword = parseInput(passwordPolicy, args.newPassword, ['newPassword'])
      if (newPassword === args.currentPassword) {
        throw ValidationError.field(['newPassword'], '新密码不能与当前密码相同', 'unchanged')
      }
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: me.id } })
      if (!(await verifyPassword(user.passwordHash, args.currentPassword))) {
        throw ValidationError.field(['currentPassword'], '当前密码不正确', 'wrong_password')
      }
      const passwordHash = await hashPassword(newPassword)
      await ctx.prisma.$transaction(async (tx) => {
        const after = await tx.user.update({
          where: { id: me.id },
          data: { passwordHash, mustChangePassword: false, version: { increment: 1 } },
        })
        await revokeUserSessions(tx, ctx.config.now(), me.id)
        await auditAs(ctx, tx, {
          action: 'auth.changePassword',
          entityType: 'User',
          entityId: me.id,
          before: userSnapshot(user),
          after: userSnapshot(after),
        })
      })
      await startSession(ctx, me.id)
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: me.id } })
    },
  }),
}))
