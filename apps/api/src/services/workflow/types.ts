import type { Prisma, Role } from '@redblue/db'

/** Every workflow service runs inside one interactive transaction opened by its caller. */
export type Tx = Prisma.TransactionClient

/** Who is acting: the session's user, reduced to what the access rules (R12) look at. */
export interface Actor {
  userId: number
  role: Role
  /** BRANCH: the org they belong to; INSPECTOR: their home org (conflict of interest). */
  orgId: number | null
  /** Client address, recorded in the audit log when known. */
  ip?: string | null
}

/** Service hooks used by tests to inject failures at named steps (never set in production). */
export interface FaultHooks {
  onStep?: (step: string) => void | Promise<void>
}
