import { useGraphQlJit } from '@envelop/graphql-jit'
import {
  getOperationAST,
  Kind,
  OperationTypeNode,
  type ExecutionArgs,
  type OperationDefinitionNode,
} from 'graphql'
import { getVariableValues } from 'graphql/execution/values.js'
import type { Plugin } from 'graphql-yoga'

/**
 * Root query fields whose answers are long lists of plain rows (a ranking: ≈1,000 rows × 16
 * fields; a trend: ≈5,000 series values). graphql-js' executor spends more time walking those
 * rows than the database spends finding them; graphql-jit compiles the document once into code
 * that walks them directly (and a serializer for the response).
 *
 * Only these: under graphql-jit, mutations' invalid variables came out as untyped errors (masked to
 * INTERNAL_SERVER_ERROR) and the Prisma plugin's nested-relation merging made more statements for
 * some documents, so everything else keeps graphql-js' executor.
 */
export const JIT_ROOT_FIELDS: ReadonlySet<string> = new Set(['categoryRanking', 'analyticsTrends'])

function onlyJitFields(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.length > 0 &&
    operation.selectionSet.selections.every(
      (s) =>
        s.kind === Kind.FIELD &&
        (JIT_ROOT_FIELDS.has(s.name.value) || s.name.value === '__typename'),
    )
  )
}

/**
 * Whether a request runs on the compiled executor: a query whose root fields are all listed above
 * and whose variables are valid (graphql-js reports invalid ones as typed BAD_USER_INPUT errors,
 * so those requests stay with it).
 */
export function jitEligible(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName)
  if (!operation || !onlyJitFields(operation)) return false
  const coerced = getVariableValues(
    args.schema,
    operation.variableDefinitions ?? [],
    args.variableValues ?? {},
    { maxErrors: 1 },
  )
  return coerced.coerced !== undefined
}

export function useJitForLargeReads(): Plugin {
  return useGraphQlJit({}, { enableIf: jitEligible }) as Plugin
}
