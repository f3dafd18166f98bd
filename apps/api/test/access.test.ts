import { readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import { createSession } from '../src/auth/session'
import { defaultConfig } from '../src/config'
import { schema } from '../src/schema'
import { CSRF_HEADER } from '../src/yoga'
import { CALLERS, type Caller } from './access-matrix'
import { useTestApi, type GqlResult } from './helpers'

/**
 * R12 role matrix: every Query and Mutation field × every caller, checked against the tables in
 * test/** /access-matrix.ts. Arguments are dummies of the right type (ids that match nothing), so
 * the call either passes the role check (and fails later, or succeeds harmlessly) or is refused
 * by scope-auth with UNAUTHENTICATED / FORBIDDEN(reason ROLE).
 */

// Every test/**/access-matrix.ts contributes rows (core here, workflow in test/workflow/).
const testDir = dirname(fileURLToPath(import.meta.url))
const tables = await Promise.all(
  readdirSync(testDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => basename(file) === 'access-matrix.ts')
    .map(async (file) => {
      const mod = (await import(join(testDir, file))) as {
        ACCESS: Record<string, readonly Caller[]>
      }
      return [file, mod] as const
    }),
)

function mergedTable(): { table: Map<string, readonly Caller[]>; duplicates: string[] } {
  const table = new Map<string, readonly Caller[]>()
  const duplicates: string[] = []
  for (const [file, mod] of tables) {
    for (const [key, callers] of Object.entries(mod.ACCESS)) {
      if (table.has(key)) duplicates.push(`${key} (again in ${file})`)
      table.set(key, callers)
    }
  }
  return { table, duplicates }
}

const ROOTS: [string, GraphQLObjectType | null | undefined][] = [
  ['Query', schema.getQueryType()],
  ['Mutation', schema.getMutationType()],
]
const fields = ROOTS.flatMap(([root, type]) =>
  Object.values(type?.getFields() ?? {}).map((field) => ({
    key: `${root}.${field.name}`,
    root,
    field,
  })),
)

const UNMATCHED_ID = 987654

/** A value of the given input type that passes GraphQL coercion. */
function dummy(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return dummy(type.ofType, depth)
  if (isListType(type)) return []
  if (isEnumType(type)) return type.getValues()[0]?.value
  if (isInputObjectType(type)) {
    if (depth > 4) return {}
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, dummy(f.type, depth + 1)]),
    )
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return UNMATCHED_ID
      case 'Float':
        return 1.5
      case 'String':
        return 'x'
      case 'ID':
        return String(UNMATCHED_ID)
      case 'Boolean':
        return false
      case 'Decimal':
        return '1.00'
      case 'Date':
        return '2026-01-01'
      case 'DateTime':
        return '2026-01-01T00:00:00.000Z'
      case 'JSON':
        return {}
      case 'Upload':
        return null // filled in by the multipart request below
    }
  }
  throw new Error(`no dummy for ${String(type)}`)
}

interface Operation {
  query: string
  variables: Record<string, unknown>
  uploads: string[]
}

function operationFor(root: string, field: GraphQLField<unknown, unknown>): Operation {
  const required = field.args.filter((a) => isNonNullType(a.type))
  const variables: Record<string, unknown> = {}
  const uploads: string[] = []
  const defs = required.map((arg, i) => {
    variables[`v${i}`] = dummy(arg.type)
    if (getNamedType(arg.type).name === 'Upload') uploads.push(`v${i}`)
    return `$v${i}: ${String(arg.type)}`
  })
  const args = required.map((arg, i) => `${arg.name}: $v${i}`)
  const named = getNamedType(field.type)
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }'
  const query = `${root.toLowerCase()}${defs.length ? ` (${defs.join(', ')})` : ''} { ${field.name}${
    args.length ? `(${args.join(', ')})` : ''
  }${selection} }`
  return { query, variables, uploads }
}

const api = useTestApi({ seed: 'fixture', reset: 'file' })

const USER_OF: Record<Exclude<Caller, 'ANON'>, 'admin' | 'leader' | 'inspector1' | 'branch1'> = {
  ADMIN: 'admin',
  LEADER: 'leader',
  INSPECTOR: 'inspector1',
  BRANCH: 'branch1',
}

/** A fresh session straight in the database (logins would cost an argon2 verify each). */
async function cookieFor(caller: Caller): Promise<string | null> {
  if (caller === 'ANON') return null
  const config = defaultConfig()
  const { token } = await createSession(api.prisma, config, api.fixture.userIds[USER_OF[caller]], {
    ip: '127.0.0.1',
    userAgent: 'access-test',
  })
  return `${config.cookieName}=${token}`
}

async function call(op: Operation, cookie: string | null): Promise<GqlResult> {
  if (!op.uploads.length) return api.gql(op.query, op.variables, cookie)
  const form = new FormData()
  form.set('operations', JSON.stringify({ query: op.query, variables: op.variables }))
  form.set(
    'map',
    JSON.stringify(Object.fromEntries(op.uploads.map((v, i) => [String(i), [`variables.${v}`]]))),
  )
  op.uploads.forEach((_, i) =>
    form.set(String(i), new File(['x'], 'x.txt', { type: 'text/plain' })),
  )
  const response = await api.fetch(
    '/graphql',
    { method: 'POST', body: form, headers: { [CSRF_HEADER]: '1' } },
    { cookie },
  )
  return {
    ...((await response.json()) as object),
    status: response.status,
    headers: response.headers,
  }
}

function deniedByRole(res: GqlResult, fieldName: string): boolean {
  return (res.errors ?? []).some(
    (e) =>
      e.path?.[0] === fieldName &&
      (e.extensions?.code === 'UNAUTHENTICATED' ||
        (e.extensions?.code === 'FORBIDDEN' && e.extensions.reason === 'ROLE')),
  )
}

describe('access matrix (R12)', () => {
  it('has exactly one row for every Query and Mutation field', () => {
    const { table, duplicates } = mergedTable()
    const missing = fields.map((f) => f.key).filter((key) => !table.has(key))
    const stale = [...table.keys()].filter((key) => !fields.some((f) => f.key === key))
    expect({ missing, stale, duplicates }).toEqual({ missing: [], stale: [], duplicates: [] })
  })

  const { table } = mergedTable()
  for (const { key, root, field } of fields) {
    it(`${key}: allowed for ${(table.get(key) ?? ['(no row)']).join(', ') || 'nobody'}`, async () => {
      const expected = table.get(key)
      if (!expected) return // reported by the completeness test above
      const op = operationFor(root, field)
      const outcome: Record<string, string> = {}
      const want: Record<string, string> = {}
      for (const caller of CALLERS) {
        const res = await call(op, await cookieFor(caller))
        expect(res.status, `${caller} ${JSON.stringify(res.errors)}`).toBeLessThan(500)
        outcome[caller] = deniedByRole(res, field.name) ? 'denied' : 'allowed'
        want[caller] = expected.includes(caller) ? 'allowed' : 'denied'
      }
      expect(outcome).toEqual(want)
    })
  }
})
