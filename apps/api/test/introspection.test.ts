/**
 * Introspection: closed in production except to ADMIN, open in development and tests; field
 * suggestions stay off either way; schema.graphql (the codegen's input) is printed from the schema
 * object, so the build does not need introspection over HTTP.
 */
import { readFileSync } from 'node:fs'
import { lexicographicSortSchema, printSchema } from 'graphql'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../src/config'
import { schema } from '../src/schema'
import { errorCode, ok, useTestApi } from './helpers'

const api = useTestApi({ seed: 'fixture', reset: 'file' })

const INTROSPECTION = '{ __schema { types { name } mutationType { fields { name } } } }'
const TYPE = '{ __type(name: "Mutation") { fields { name } } }'

describe('introspection', () => {
  it('is ADMIN-only where NODE_ENV is production', () => {
    // env.ts is read once per process; the mapping is what production gets.
    expect(defaultConfig().introspection).toBe(process.env.NODE_ENV === 'production' ? 'admin' : 'open')
    expect(process.env.NODE_ENV).toBe('test')
  })

  it('in production: refused signed out and to every role but ADMIN, with a typed error', async () => {
    const production = api.createInstance({ introspection: 'admin' })
    const callers: (string | null)[] = [null]
    for (const user of ['leader', 'inspector1', 'branch1']) callers.push(await api.login(user, undefined, {}, production))
    for (const cookie of callers) {
      for (const query of [INTROSPECTION, TYPE, `query { me { id } ...F } fragment F on Query { __schema { queryType { name } } }`]) {
        const res = await api.gql(query, {}, cookie, production)
        expect(res.status).toBeLessThan(500)
        expect(res.data ?? null).toBeNull()
        expect(errorCode(res)).toBe('FORBIDDEN')
        expect(res.errors?.[0]?.extensions?.reason).toBe('INTROSPECTION')
      }
    }
    const admin = await api.login('admin', undefined, {}, production)
    const types = ok(await api.gql<{ __schema: { types: unknown[] } }>(INTROSPECTION, {}, admin, production))
    expect(types.__schema.types.length).toBeGreaterThan(100)
    // __typename is not introspection: the SPA's unions read it.
    const leader = callers[1]!
    expect(ok(await api.gql('{ __typename me { __typename id } }', {}, leader, production)).__typename).toBe('Query')
  })

  it('in development and tests: open to anyone', async () => {
    const res = await api.gql(INTROSPECTION, {}, null)
    expect(ok(res).__schema.types.length).toBeGreaterThan(100)
  })

  it('field suggestions stay off in both', async () => {
    const production = api.createInstance({ introspection: 'admin' })
    for (const yoga of [api.yoga, production]) {
      const admin = await api.login('admin', undefined, {}, yoga)
      const res = await api.gql('{ orgz { id } me { usernme } }', {}, admin, yoga)
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED')
      expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/)
    }
  })

  it('schema.graphql, the codegen’s input, is printed from the schema object', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8')
    expect(committed).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`)
  })
})
