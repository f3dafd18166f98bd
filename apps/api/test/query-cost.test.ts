/**
 * Every document the SPA (apps/admin/src) and the bench send stays under the query cost limit
 * (src/cost.ts), measured with its largest pages: a screen added with a document over the limit
 * fails here, not in front of a user. And the cost counts lists: a nested list costs the product of
 * the list sizes.
 */
import { createComplexityRule } from '@pothos/plugin-complexity'
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  typeFromAST,
  validate,
  visit as visitAst,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import * as benchDocuments from '../bench/documents'
import { operationsOf, spaDocuments } from '../bench/spa-documents'
import { MAX_QUERY_COST, PAGES } from '../src/cost'
import { schema } from '../src/schema'

const LARGEST_PAGE = Math.max(...Object.values(PAGES).map((p) => p.maxLimit))

/** A value of the type that passes coercion; `limit`s at the largest page there is. */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name)
  if (isListType(type)) return [sample(type.ofType, name)]
  if (isEnumType(type)) return type.getValues()[0]!.value
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type, f.name)]),
    )
  }
  if (isScalarType(type)) {
    if (name === 'limit') return LARGEST_PAGE
    switch (type.name) {
      case 'Int':
        return 1
      case 'Float':
        return 1
      case 'Boolean':
        return true
      case 'Decimal':
        return '1.00'
      case 'Date':
        return '2026-01-01'
      case 'DateTime':
        return '2026-01-01T00:00:00.000Z'
      case 'Upload':
        return new File(['%PDF-1.4'], 'a.pdf', { type: 'application/pdf' })
      default:
        return 'a'
    }
  }
  throw new Error(`no sample for ${String(type)}`)
}

/** The SPA's client (urql) adds `__typename` to every selection set below the root; it costs too. */
function withTypenames(document: string) {
  let depth = 0
  return visitAst(parse(document), {
    SelectionSet: {
      enter(node) {
        depth++
        if (depth === 1 || node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined
        return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] }
      },
      leave() {
        depth--
      },
    },
    FragmentDefinition: {
      enter() {
        depth = 1
      },
      leave() {
        depth = 0
      },
    },
  })
}

export function costOf(document: string, variables?: Record<string, unknown>, asSentBySpa = false): number {
  const ast = asSentBySpa ? withTypenames(document) : parse(document)
  const op = ast.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!
  const vars =
    variables ??
    Object.fromEntries(
      (op.variableDefinitions ?? []).map((v) => [
        v.variable.name.value,
        sample(typeFromAST(schema, v.type as never) as GraphQLInputType, v.variable.name.value),
      ]),
    )
  let cost = -1
  const errors = validate(schema, ast, [
    createComplexityRule({
      context: {},
      variableValues: vars,
      validate: (result) => {
        cost = result.complexity
      },
    }),
  ])
  if (errors.length > 0) throw new Error(`${op.name?.value}: ${errors.map((e) => e.message).join('; ')}`)
  return cost
}

describe('query cost', () => {
  it('counts a list’s elements: a nested list costs the product of the list sizes', () => {
    // orgs (200) × children (50) × { id } = 10,000 + 200 + 1
    expect(costOf('{ orgs { children { id } } }')).toBe(1 + 200 * (1 + 50 * 1))
    // A page: the caller's limit is the multiplier.
    expect(costOf('{ auditLogs(limit: 10) { id action } }')).toBe(1 + 10 * 2)
    expect(costOf('{ auditLogs(limit: 100000) { id } }')).toBe(1 + 200)
    // Aliases are separate reads and cost separately.
    expect(costOf('{ a: areas { id } b: areas { id } }')).toBe(2 * (1 + 10))
  })

  it('every SPA and bench document stays under the limit with its largest pages', () => {
    const spa = operationsOf(spaDocuments())
    const bench = operationsOf(
      (Object.values(benchDocuments) as unknown[]).filter((v): v is string => typeof v === 'string' && /\b(query|mutation|fragment)\b/.test(v)),
    )
    expect(spa.length).toBeGreaterThan(50)
    expect(bench.length).toBeGreaterThan(5)
    const costs = [...spa, ...bench].map((op) => ({ name: op.name, cost: costOf(op.document, undefined, true) }))
    costs.sort((a, b) => b.cost - a.cost)
    console.log(
      `[query-cost] ${costs.length} documents (${spa.length} SPA, ${bench.length} bench), limit ${MAX_QUERY_COST}; costliest:`,
      costs.slice(0, 12).map((c) => `${c.name} ${c.cost}`).join(', '),
    )
    expect(costs.filter((c) => c.cost > MAX_QUERY_COST)).toEqual([])
  })
})
