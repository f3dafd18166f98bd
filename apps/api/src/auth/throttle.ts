import type { PrismaClient } from '@redblue/db'
import type { ApiConfig } from '../config'

/**
 * Login throttling kept in the LoginAttempt table (shared by every API replica), with two separate
 * budgets so that one person's typos never lock out colleagues behind the same proxy:
 * - a username is locked when its last `loginMaxFailures` attempts are all failures that happened
 *   within `loginLockMs` of each other; the lock lasts `loginLockMs` from the last failure, and a
 *   success clears the streak;
 * - a client address is locked when it has `loginAddressMaxFailures` failures (any usernames)
 *   within `loginAddressWindowMs`, until the oldest of them leaves the window — a password-spraying
 *   client is stopped, an office's everyday typos are not. Its successes do not clear the count.
 * Attempts made while locked are refused without being recorded, so hammering does not extend a
 * lock.
 *
 * The password is verified outside any transaction: argon2 takes tens of milliseconds, and a
 * connection held that long stalls PGlite (one connection) for every other request. Instead an
 * attempt is first *admitted*: under advisory locks per username and per address, in a short
 * transaction, the lock is checked and the attempt is recorded as in flight (`success` null).
 * In-flight attempts count against the failure budget, so at most `loginMaxFailures` minus the
 * recorded failures are verified at once; an attempt that finds the budget taken by attempts
 * still in flight waits for them (it may be a right password). A parallel burst of guesses is
 * therefore still held to `loginMaxFailures` verifications (test/reliability/security.test.ts).
 * The verdict is written afterwards (`settleLoginAttempt`). An in-flight attempt whose process
 * died is counted as a failure once it is older than `IN_FLIGHT_STALE_MS`.
 */
export type Admission =
  | { kind: 'admitted'; attemptId: bigint }
  | { kind: 'locked'; retryAfterMs: number }
  /** The budget is taken by attempts still being verified: ask again shortly. */
  | { kind: 'wait' }

/** Longer than any verification can take; older in-flight rows are failures of a dead process. */
export const IN_FLIGHT_STALE_MS = 15_000
/** Advisory-lock classes (first key) serializing admissions per username and per address. */
const LOCK_CLASS_USER = 72_707_371
const LOCK_CLASS_ADDRESS = 72_707_372

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
type KeyState = { kind: 'free' } | { kind: 'locked'; retryAfterMs: number } | { kind: 'wait' }

/** A failure, or an attempt still being verified (it counts against the budget until settled). */
const NOT_SUCCEEDED = [{ success: false }, { success: null }]

/** The address's budget: its failures across usernames within the window. */
async function addressStateOf(tx: Tx, config: ApiConfig, ip: string): Promise<KeyState> {
  const now = config.now().getTime()
  const recent = await tx.loginAttempt.findMany({
    where: {
      ip,
      OR: NOT_SUCCEEDED,
      createdAt: { gt: new Date(now - config.loginAddressWindowMs) },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: config.loginAddressMaxFailures,
    select: { success: true, createdAt: true },
  })
  const oldest = recent.at(-1)
  if (!oldest || recent.length < config.loginAddressMaxFailures) return { kind: 'free' }
  const inFlight = recent.some(
    (a) => a.success === null && now - a.createdAt.getTime() < IN_FLIGHT_STALE_MS,
  )
  if (inFlight) return { kind: 'wait' }
  const retryAfterMs = oldest.createdAt.getTime() + config.loginAddressWindowMs - now
  return retryAfterMs > 0 ? { kind: 'locked', retryAfterMs } : { kind: 'free' }
}

async function stateOf(
  tx: Tx,
  config: ApiConfig,
  where: { username: string },
): Promise<KeyState> {
  const recent = await tx.loginAttempt.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: config.loginMaxFailures,
    select: { success: true, createdAt: true },
  })
  const newest = recent[0]
  const oldest = recent.at(-1)
  if (
    !newest ||
    !oldest ||
    recent.length < config.loginMaxFailures ||
    recent.some((a) => a.success === true) ||
    newest.createdAt.getTime() - oldest.createdAt.getTime() > config.loginLockMs
  ) {
    return { kind: 'free' }
  }
  const now = config.now().getTime()
  const inFlight = recent.some(
    (a) => a.success === null && now - a.createdAt.getTime() < IN_FLIGHT_STALE_MS,
  )
  if (inFlight) return { kind: 'wait' }
  const retryAfterMs = newest.createdAt.getTime() + config.loginLockMs - now
  return retryAfterMs > 0 ? { kind: 'locked', retryAfterMs } : { kind: 'free' }
}

/**
 * Checks the username's and the address's lock and, when both are free, records the attempt as
 * in flight. One short transaction; the caller verifies the password after it has committed.
 */
export function admitLoginAttempt(
  prisma: PrismaClient,
  config: ApiConfig,
  username: string,
  ip: string,
): Promise<Admission> {
  return prisma.$transaction(
    async (tx) => {
      // Always username first, then address: two admissions never wait for each other in a cycle.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS_USER}::int, hashtext(${username}))`
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS_ADDRESS}::int, hashtext(${ip}))`
      // One statement at a time: a transaction has one connection.
      const byUser = await stateOf(tx, config, { username })
      const byIp = await addressStateOf(tx, config, ip)
      const locked = [byUser, byIp].filter((s) => s.kind === 'locked')
      if (locked.length) {
        return { kind: 'locked', retryAfterMs: Math.max(...locked.map((s) => s.retryAfterMs)) }
      }
      if (byUser.kind === 'wait' || byIp.kind === 'wait') return { kind: 'wait' }
      const attempt = await tx.loginAttempt.create({
        data: { username, ip, success: null, createdAt: config.now() },
        select: { id: true },
      })
      return { kind: 'admitted', attemptId: attempt.id }
    },
    { timeout: 10_000, maxWait: 10_000 },
  )
}

/** Records the verdict of an admitted attempt. */
export async function settleLoginAttempt(
  prisma: PrismaClient,
  attemptId: bigint,
  success: boolean,
): Promise<void> {
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { success } })
}

/**
 * How many more failures, after the one just settled, lock the username or the address (whichever
 * comes first): shown on the sign-in page so nobody meets a lock unannounced.
 */
export async function attemptsLeft(
  prisma: PrismaClient,
  config: ApiConfig,
  username: string,
  ip: string,
): Promise<number> {
  const now = config.now().getTime()
  const [byUser, byIp] = await Promise.all([
    prisma.loginAttempt.findMany({
      where: { username, createdAt: { gt: new Date(now - config.loginLockMs) } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: config.loginMaxFailures,
      select: { success: true },
    }),
    prisma.loginAttempt.count({
      where: { ip, OR: NOT_SUCCEEDED, createdAt: { gt: new Date(now - config.loginAddressWindowMs) } },
    }),
  ])
  // The username's streak: its latest failures back to the last success, within the lock window.
  const success = byUser.findIndex((a) => a.success === true)
  const streak = success === -1 ? byUser.length : success
  return Math.max(
    0,
    Math.min(config.loginMaxFailures - streak, config.loginAddressMaxFailures - byIp),
  )
}

/**
 * The lock the failure just settled has set, if it filled the username's streak or the address's
 * budget: milliseconds until it ends, or null. That failure is answered as the lock it is, with
 * its end, rather than as "0 more failures".
 */
export async function lockAfterFailure(
  prisma: PrismaClient,
  config: ApiConfig,
  username: string,
  ip: string,
): Promise<number | null> {
  const states = [await stateOf(prisma, config, { username }), await addressStateOf(prisma, config, ip)]
  const locks = states.flatMap((state) => (state.kind === 'locked' ? [state.retryAfterMs] : []))
  return locks.length ? Math.max(...locks) : null
}

export function lockMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试`
}
