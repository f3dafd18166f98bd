import SchemaBuilder from '@pothos/core'
import ComplexityPlugin from '@pothos/plugin-complexity'
import ErrorsPlugin from '@pothos/plugin-errors'
import PrismaPlugin from '@pothos/plugin-prisma'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import ValidationPlugin from '@pothos/plugin-validation'
import { getDatamodel } from '@redblue/db/pothos-types'
import type PrismaTypes from '@redblue/db/pothos-types'
import { Decimal } from '@redblue/db'
import { GraphQLError, Kind, type ValueNode } from 'graphql'
import type { Context } from './context'
import { fieldCost } from './cost'
import { dateBoundsPlugin } from './date-bounds'
import { missingReferencePlugin } from './missing-reference'
import { textEdgePlugin } from './text-edge'
import './zod-messages'
import {
  AuthenticationError,
  ConflictError,
  ConflictOfInterestError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from './errors'

/**
 * The one Pothos builder. Plugin order matters: scope-auth first so authorization runs before the
 * other plugins' resolver wrappers (an unauthorized caller learns nothing from the errors plugin).
 * Caveat: the validation plugin's `validate` on args runs in Pothos' arg mappers, which wrap OUTSIDE
 * every plugin, i.e. before scope-auth. Prefer `parseInput(schema, value)` from `./validation` inside
 * the resolver, which runs after authorization and yields a typed ValidationError.
 */
export interface AuthScopes {
  /** Any signed-in user whose password is not a temporary one still to be changed. */
  loggedIn: boolean
  /** Any signed-in user, also one who must change a temporary password first (changePassword). */
  session: boolean
  admin: boolean
  leader: boolean
  inspector: boolean
  branch: boolean
}

export type Scalars = {
  /** Exact two-decimal number, as a string on the wire ("97.99"). */
  Decimal: { Input: Decimal; Output: Decimal | { toFixed(dp: number): string } | string | number }
  /** Calendar day YYYY-MM-DD (Asia/Shanghai day; stored as UTC midnight of that date). */
  Date: { Input: Date; Output: Date | string }
  DateTime: { Input: Date; Output: Date | string }
  JSON: { Input: unknown; Output: unknown }
  Upload: { Input: File; Output: never }
}

export const builder = new SchemaBuilder<{
  Context: Context
  PrismaTypes: PrismaTypes
  AuthScopes: AuthScopes
  Scalars: Scalars
  DefaultFieldNullability: false
  DefaultInputFieldRequiredness: true
}>({
  // The input edge last (text, dates, missing references): they wrap innermost (after
  // authorization), so the errors plugin turns their ValidationError / NotFoundError into the
  // mutation's union member.
  plugins: [
    ScopeAuthPlugin,
    PrismaPlugin,
    ErrorsPlugin,
    ValidationPlugin,
    ComplexityPlugin,
    textEdgePlugin,
    dateBoundsPlugin,
    missingReferencePlugin,
  ],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // A `select`/`include` passed to a field but never spread into a query means an N+1 in waiting.
    onUnusedQuery: null,
  },
  // Each field's cost (src/cost.ts) is recorded on the schema; src/query-limits.ts measures a
  // request against it before execution (one typed error for the whole request), so the plugin's
  // own per-root-field check is off.
  complexity: { fieldComplexity: fieldCost, disabled: true },
  scopeAuth: {
    // Denials become top-level errors with extensions.code; not-logged-in is distinguished so the
    // SPA can redirect to the login page.
    // A temporary password (set by an admin) opens nothing but changePassword, me and logout.
    unauthorizedError: (_parent, context) =>
      context.user?.mustChangePassword
        ? new ForbiddenError('请先修改初始密码', 'PASSWORD_CHANGE')
        : context.user
          ? new ForbiddenError('无权执行此操作', 'ROLE')
          : new AuthenticationError(),
    authScopes: (ctx) => {
      const active = ctx.user && !ctx.user.mustChangePassword ? ctx.user : null
      return {
        loggedIn: !!active,
        session: !!ctx.user,
        admin: active?.role === 'ADMIN',
        leader: active?.role === 'LEADER',
        inspector: active?.role === 'INSPECTOR',
        branch: active?.role === 'BRANCH',
      }
    },
  },
  errors: {
    // Every field declaring `errors: {}` can return these as union members.
    defaultTypes: [ConflictOfInterestError, ValidationError, NotFoundError, ConflictError],
    directResult: true,
    defaultUnionOptions: {
      name: ({ parentTypeName, fieldName }) =>
        `${parentTypeName}${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  validation: {
    validationError: (result) =>
      new ValidationError(
        '输入不合法',
        result.issues.map((issue) => ({
          path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)),
          message: issue.message,
          code: 'invalid',
        })),
      ),
  },
})

// Root types require a signed-in user unless a field opts out with `skipTypeScopes: true`
// (login, the public board); fields then add their role scopes on top.
builder.queryType({ authScopes: { loggedIn: true } })
builder.mutationType({ authScopes: { loggedIn: true } })

// ---- scalars -------------------------------------------------------------------------------

const DECIMAL_RE = /^-?\d+(\.\d+)?$/
/** Exactly what `Decimal#toFixed(2)` prints: no leading zeros, two decimals, no "-0.00". */
const TWO_DECIMALS_RE = /^(?!-0\.00$)-?(0|[1-9]\d*)\.\d\d$/

function parseDecimal(value: unknown): Decimal {
  // Numbers are accepted only when they are already exact in two decimals' terms (e.g. 1.5);
  // clients should send strings.
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  if (typeof text !== 'string' || !DECIMAL_RE.test(text.trim())) {
    throw new GraphQLError(`Decimal 需为十进制数字字符串，收到 ${JSON.stringify(value)}`)
  }
  return new Decimal(text.trim())
}

builder.scalarType('Decimal', {
  description: 'Exact decimal, serialized as a string with two decimals, e.g. "97.99".',
  serialize: (value) => {
    // Most values arrive already formatted by the engine ("97.50"); skip decimal.js for those
    // (a ranking serializes thousands).
    if (typeof value === 'string' && TWO_DECIMALS_RE.test(value)) return value
    if (typeof value === 'string' || typeof value === 'number') return new Decimal(value).toFixed(2)
    return value.toFixed(2)
  },
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      return parseDecimal(ast.value)
    }
    throw new GraphQLError('Decimal 需为字符串')
  },
})

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function parseDate(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_RE.exec(value) : null
  if (!match) throw new GraphQLError(`Date 需为 YYYY-MM-DD，收到 ${JSON.stringify(value)}`)
  const date = new Date(`${value as string}T00:00:00.000Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`无效日期 ${value as string}`)
  }
  return date
}

builder.scalarType('Date', {
  description: 'Calendar day YYYY-MM-DD (China Standard Time day).',
  // Prisma returns @db.Date columns as UTC midnight of the stored day.
  serialize: (value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date 需为字符串')
    return parseDate(ast.value)
  },
})

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime 需为 ISO-8601 字符串，收到 ${JSON.stringify(value)}`)
  }
  return date
}

builder.scalarType('DateTime', {
  description: 'Instant as ISO-8601 UTC string.',
  serialize: (value) => (typeof value === 'string' ? value : value.toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime 需为字符串')
    return parseDateTime(ast.value)
  },
})

function literalToJson(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value)
    case Kind.NULL:
      return null
    case Kind.LIST:
      return ast.values.map((v) => literalToJson(v, variables))
    case Kind.OBJECT:
      return Object.fromEntries(
        ast.fields.map((f) => [f.name.value, literalToJson(f.value, variables)]),
      )
    case Kind.VARIABLE:
      return variables?.[ast.name.value]
    default:
      throw new GraphQLError('不支持的 JSON 字面量')
  }
}

builder.scalarType('JSON', {
  description: 'Arbitrary JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalToJson(ast, variables),
})

function isFileLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const file = value as Partial<Record<'name' | 'size' | 'stream' | 'arrayBuffer', unknown>>
  return (
    typeof file.name === 'string' &&
    typeof file.size === 'number' &&
    typeof file.stream === 'function' &&
    typeof file.arrayBuffer === 'function'
  )
}

builder.scalarType('Upload', {
  description: 'A file sent with the GraphQL multipart request spec.',
  serialize: () => {
    throw new GraphQLError('Upload 只能作为输入')
  },
  parseValue: (value) => {
    // Yoga's multipart parser yields @whatwg-node's File, which is not an instance of Node's
    // global File: accept anything shaped like one.
    if (value instanceof File || isFileLike(value)) return value as File
    throw new GraphQLError('Upload 需为 multipart 文件')
  },
})
