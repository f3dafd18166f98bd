import type { Prisma } from '@redblue/db'

/** Every workflow service runs inside one interactive transaction opened by its caller. */
export type Tx = Prisma.TransactionClient

/** Service hooks used by tests to inject failures at named steps (never set in production). */
export interface FaultHooks {
  onStep?: (step: string) => void | Promise<void>
}
