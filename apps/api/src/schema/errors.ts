import { builder } from '../builder'
import {
  AUTHENTICATION_REASONS,
  AuthenticationError,
  ConflictError,
  ConflictOfInterestError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldProblem,
} from '../errors'

/**
 * GraphQL types of the error classes, for fields that declare `errors: {}`: clients select
 * `... on AppError { code message }` and the specific fields they care about.
 */
type AnyDomainError =
  ValidationError | NotFoundError | ConflictError | ForbiddenError | AuthenticationError

const AppError = builder.interfaceRef<AnyDomainError>('AppError').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.string({ resolve: (err) => err.code }),
  }),
})

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: 'One invalid input: where (path into the arguments), what, and a machine code.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
})

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [AppError],
  fields: (t) => ({
    problems: t.field({ type: [FieldProblemRef], resolve: (err) => err.problems }),
  }),
})

builder.objectType(ConflictOfInterestError, {
  name: 'ConflictOfInterestError',
  description: 'R6: the change would have an inspector inspect their own org in a round.',
  interfaces: [AppError],
  fields: (t) => ({
    problems: t.field({ type: [FieldProblemRef], resolve: (err) => err.problems }),
    userId: t.int({ resolve: (err) => err.party.userId }),
    userName: t.string({ resolve: (err) => err.party.userName }),
    orgId: t.int({ resolve: (err) => err.party.orgId }),
    orgName: t.string({ resolve: (err) => err.party.orgName }),
    roundId: t.int({ resolve: (err) => err.party.roundId }),
    roundName: t.string({ resolve: (err) => err.party.roundName }),
  }),
})

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [AppError],
  fields: (t) => ({
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
  }),
})

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [AppError],
  fields: (t) => ({
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    currentVersion: t.int({ nullable: true, resolve: (err) => err.currentVersion }),
    current: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The record as it is now, so nothing the user typed is lost.',
      resolve: (err) => err.current,
    }),
  }),
})

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [AppError],
  fields: (t) => ({
    reason: t.exposeString('reason', {
      description: 'ROLE: the role may not do this at all; SCOPE: not for this org or record.',
    }),
  }),
})

const AuthenticationReasonEnum = builder.enumType('AuthenticationReason', {
  description:
    'SIGNED_OUT: no session. WRONG_CREDENTIALS: unknown username or wrong password. LOCKED: too many failures. BUSY: too many sign-ins in flight. INACTIVE: the account is disabled.',
  values: AUTHENTICATION_REASONS,
})

builder.objectType(AuthenticationError, {
  name: 'AuthenticationError',
  interfaces: [AppError],
  fields: (t) => ({
    reason: t.field({
      type: AuthenticationReasonEnum,
      description: 'Why: for the client to say it in its own language (the message is Chinese).',
      resolve: (err) => err.reason,
    }),
    retryAfterSeconds: t.int({ nullable: true, resolve: (err) => err.retryAfterSeconds }),
    attemptsLeft: t.int({
      nullable: true,
      description:
        'After a wrong password: failures left before the username or the address is locked.',
      resolve: (err) => err.attemptsLeft,
    }),
  }),
})
