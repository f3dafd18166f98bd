import { GraphQLError } from 'graphql'

/**
 * Expected failures. Each class extends GraphQLError so that, when thrown from a field without an
 * `errors` option, yoga does not mask it and the client still gets `extensions.code`. Fields that
 * declare `errors: {}` (all mutations should) get them as typed union members instead; see
 * `schema/errors.ts` for their GraphQL object types.
 *
 * Authorization failures (AuthenticationError, ForbiddenError) raised by scope-auth always arrive as
 * top-level errors, because scope-auth wraps outside the errors plugin.
 */
export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED'

abstract class DomainError extends GraphQLError {
  abstract readonly code: ErrorCode
  constructor(message: string, extensions: Record<string, unknown>) {
    super(message, { extensions })
  }
}

export interface FieldProblem {
  /** Input path, e.g. ['input', 'indicators', '2', 'maxPoints']. */
  path: string[]
  message: string
  /** Machine-readable code (zod issue code or a scoring-engine problem code). */
  code: string
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT'
  readonly problems: FieldProblem[]
  constructor(message: string, problems: FieldProblem[] = []) {
    super(message, { code: 'BAD_USER_INPUT', problems })
    this.name = 'ValidationError'
    this.problems = problems
  }

  /** One-field shortcut: `ValidationError.field(['input','code'], '编码已存在')`. */
  static field(path: string[], message: string, code = 'invalid'): ValidationError {
    return new ValidationError(message, [{ path, message, code }])
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND'
  readonly entityType: string
  readonly entityId: string
  constructor(entityType: string, entityId: string | number, message = '记录不存在或无权访问') {
    super(message, { code: 'NOT_FOUND', entityType, entityId: String(entityId) })
    this.name = 'NotFoundError'
    this.entityType = entityType
    this.entityId = String(entityId)
  }
}

/**
 * `reason` tells the two denials apart: ROLE — the user's role may not use the field at all
 * (raised by scope-auth); SCOPE — the role may, but not for this org/round/record.
 */
/** PASSWORD_CHANGE: a temporary password must be changed before anything else. */
export type ForbiddenReason = 'ROLE' | 'SCOPE' | 'PASSWORD_CHANGE'

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN'
  readonly reason: ForbiddenReason
  constructor(message = '无权执行此操作', reason: ForbiddenReason = 'SCOPE') {
    super(message, { code: 'FORBIDDEN', reason })
    this.name = 'ForbiddenError'
    this.reason = reason
  }
}

/**
 * Why a caller is not signed in, so a client can say it in its own language (the message is
 * Chinese): SIGNED_OUT, no session; WRONG_CREDENTIALS, an unknown username or a wrong password
 * (one reason for both, so it does not tell which); LOCKED, too many failures for the username or
 * the address; BUSY, too many sign-ins in flight; INACTIVE, the account is disabled.
 */
export const AUTHENTICATION_REASONS = ['SIGNED_OUT', 'WRONG_CREDENTIALS', 'LOCKED', 'BUSY', 'INACTIVE'] as const
export type AuthenticationReason = (typeof AUTHENTICATION_REASONS)[number]

export class AuthenticationError extends DomainError {
  readonly code = 'UNAUTHENTICATED'
  readonly reason: AuthenticationReason
  /** Set while a login lock is in force, so the UI can show a countdown. */
  readonly retryAfterSeconds: number | null
  /** After a wrong password: how many more failures lock the username or the address. */
  readonly attemptsLeft: number | null
  constructor(
    message = '请先登录',
    {
      reason = 'SIGNED_OUT',
      retryAfterSeconds = null,
      attemptsLeft = null,
    }: { reason?: AuthenticationReason; retryAfterSeconds?: number | null; attemptsLeft?: number | null } = {},
  ) {
    super(message, { code: 'UNAUTHENTICATED', reason, retryAfterSeconds, attemptsLeft })
    this.name = 'AuthenticationError'
    this.reason = reason
    this.retryAfterSeconds = retryAfterSeconds
    this.attemptsLeft = attemptsLeft
  }
}

/**
 * Optimistic-lock failure: someone saved first. Carries the record as it is now so the client can
 * show both versions and let the user re-apply their change; nothing is overwritten.
 */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT'
  readonly entityType: string
  readonly entityId: string
  readonly currentVersion: number | null
  readonly current: unknown
  constructor(
    entityType: string,
    entityId: string | number,
    current: unknown,
    currentVersion: number | null = null,
    message = '数据已被他人修改，请刷新后重试',
  ) {
    super(message, {
      code: 'CONFLICT',
      entityType,
      entityId: String(entityId),
      currentVersion,
      current,
    })
    this.name = 'ConflictError'
    this.entityType = entityType
    this.entityId = String(entityId)
    this.currentVersion = currentVersion
    this.current = current
  }
}

/** Who, which org and which round an R6 refusal is about, so the message can name all three. */
export interface ConflictOfInterestParty {
  userId: number
  userName: string
  orgId: number
  orgName: string
  roundId: number
  roundName: string
}

/**
 * R6: an inspector never inspects their own org. A ValidationError (the change is refused, nothing
 * is written) with its own GraphQL type naming the person, the org and the round.
 */
export class ConflictOfInterestError extends ValidationError {
  readonly party: ConflictOfInterestParty
  constructor(party: ConflictOfInterestParty) {
    super(
      `检查员“${party.userName}”来自“${party.orgName}”，不能在“${party.roundName}”中检查本单位党组织（回避原则）`,
    )
    this.name = 'ConflictOfInterestError'
    this.party = party
    Object.assign(this.extensions, { reason: 'CONFLICT_OF_INTEREST', ...party })
  }
}
