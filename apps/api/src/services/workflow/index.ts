/**
 * The quarterly workflow (DOMAIN.md R2–R10) as plain async functions over a Prisma transaction
 * client and an actor. GraphQL resolvers open the transaction and call these; tests call them
 * directly. Every state change writes the audit log in the same transaction.
 */
export * from './access'
export * from './annual'
export * from './assessments'
export * from './evidence'
export * from './feedback-forms'
export * from './findings'
export * from './interviews'
export * from './look-back'
export * from './publish'
export * from './reconciliation'
export * from './rectifications'
export * from './rounds'
export * from './rules'
export * from './scoring'
export * from './teams'
export * from './todo'
export type { Actor, FaultHooks, Tx } from './types'
