import type { PrismaClient } from '@redblue/db'
import type { ApiConfig } from '../config'

/**
 * Login throttling kept in the LoginAttempt table (shared by every API replica). A key (username
 * or client address) is locked when its last `loginMaxFailures` attempts are all failures that
 * happened within `loginLockMs` of each other; the lock lasts `loginLockMs` from the last failure.
 * Attempts made while locked are refused without being recorded, so hammering does not extend the
 * lock, and a success clears the streak.
 */
export interface LockState {
  locked: boolean
  retryAfterMs: number
}

/** The client or a transaction: only the attempt log is used. */
type AttemptLog = Pick<PrismaClient, 'loginAttempt'>

async function lockFor(
  prisma: AttemptLog,
  config: ApiConfig,
  where: { username: string } | { ip: string },
): Promise<LockState> {
  const recent = await prisma.loginAttempt.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    take: config.loginMaxFailures,
    select: { success: true, createdAt: true },
  })
  const newest = recent[0]
  const oldest = recent.at(-1)
  if (
    !newest ||
    !oldest ||
    recent.length < config.loginMaxFailures ||
    recent.some((a) => a.success) ||
    newest.createdAt.getTime() - oldest.createdAt.getTime() > config.loginLockMs
  ) {
    return { locked: false, retryAfterMs: 0 }
  }
  const retryAfterMs = newest.createdAt.getTime() + config.loginLockMs - config.now().getTime()
  return retryAfterMs > 0 ? { locked: true, retryAfterMs } : { locked: false, retryAfterMs: 0 }
}

export async function loginLock(
  prisma: AttemptLog,
  config: ApiConfig,
  username: string,
  ip: string,
): Promise<LockState> {
  const [byUser, byIp] = await Promise.all([
    lockFor(prisma, config, { username }),
    lockFor(prisma, config, { ip }),
  ])
  return byUser.retryAfterMs >= byIp.retryAfterMs ? byUser : byIp
}

export async function recordLoginAttempt(
  prisma: AttemptLog,
  config: ApiConfig,
  attempt: { username: string; ip: string; success: boolean },
): Promise<void> {
  await prisma.loginAttempt.create({ data: { ...attempt, createdAt: config.now() } })
}

export function lockMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试`
}
