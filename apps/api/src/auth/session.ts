import { createHash, randomBytes } from 'node:crypto'
import type { PrismaClient, Role } from '@redblue/db'
import type { ApiConfig } from '../config'

/**
 * Sessions live in the database (no per-process state), so any replica can serve any request.
 * The cookie carries a random 256-bit token; only its SHA-256 is stored, so a leaked database
 * dump cannot be replayed as cookies.
 *
 * Expiry is sliding with an absolute cap: each use pushes `expiresAt` to now + idle timeout
 * (written at most once per `sessionTouchMs`), but never past createdAt + max lifetime.
 */
export interface AuthUser {
  id: number
  username: string
  displayName: string
  role: Role
  orgId: number | null
  mustChangePassword: boolean
  sessionId: string
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim()
      try {
        return decodeURIComponent(value)
      } catch {
        return null
      }
    }
  }
  return null
}

export function sessionCookie(
  config: ApiConfig,
  token: string,
  maxAgeSeconds: number,
  secure: boolean,
): string {
  const parts = [
    `${config.cookieName}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ]
  if (secure) parts.push('Secure')
  return parts.join('; ')
}

export function clearSessionCookie(config: ApiConfig, secure: boolean): string {
  return sessionCookie(config, '', 0, secure)
}

export async function createSession(
  prisma: PrismaClient,
  config: ApiConfig,
  userId: number,
  meta: { ip: string; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const now = config.now()
  const token = newToken()
  const expiresAt = new Date(now.getTime() + Math.min(config.sessionIdleMs, config.sessionMaxMs))
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
  })
  return { token, expiresAt }
}

/** Returns the session's user, or null when the token is unknown, expired, revoked or disabled. */
export async function resolveSession(
  prisma: PrismaClient,
  config: ApiConfig,
  token: string,
): Promise<AuthUser | null> {
  const id = hashToken(token)
  const now = config.now()
  // Session and user in one statement (every request pays it): Prisma's include would be two.
  const [session] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."createdAt", s."expiresAt", s."revokedAt", s."lastSeenAt",
           u."id", u."username", u."displayName", u."role"::text AS "role", u."orgId", u."active",
           u."mustChangePassword"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${id}`
  if (!session || session.revokedAt || session.expiresAt <= now || !session.active) return null

  if (now.getTime() - session.lastSeenAt.getTime() >= config.sessionTouchMs) {
    const cap = session.createdAt.getTime() + config.sessionMaxMs
    const expiresAt = new Date(Math.min(now.getTime() + config.sessionIdleMs, cap))
    // updateMany so a concurrent logout (revokedAt set) is not resurrected.
    await prisma.session.updateMany({
      where: { id, revokedAt: null },
      data: { lastSeenAt: now, expiresAt },
    })
  }

  return {
    id: session.id,
    username: session.username,
    displayName: session.displayName,
    role: session.role,
    orgId: session.orgId,
    mustChangePassword: session.mustChangePassword,
    sessionId: id,
  }
}

interface SessionRow {
  createdAt: Date
  expiresAt: Date
  revokedAt: Date | null
  lastSeenAt: Date
  /** The user's. */
  id: number
  username: string
  displayName: string
  role: Role
  orgId: number | null
  active: boolean
  mustChangePassword: boolean
}

/** Revokes every live session of a user (password change, reset, disable), optionally but one. */
export async function revokeUserSessions(
  db: Pick<PrismaClient, 'session'>,
  now: Date,
  userId: number,
  exceptSessionId?: string,
): Promise<number> {
  const { count } = await db.session.updateMany({
    where: {
      userId,
      revokedAt: null,
      ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}),
    },
    data: { revokedAt: now },
  })
  return count
}
