import { createComplexityRule } from '@pothos/plugin-complexity'
import {
  GraphQLError,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { MAX_QUERY_COST } from './cost'

/**
 * The largest answer the API sends, in characters of JSON. The SPA's largest page (a round's
 * assessments with scores, on a city company's data) is well under it; the cost limit should stop
 * anything bigger before it runs, so this only catches a cost estimate that was too low.
 */
export const MAX_ANSWER_CHARS = 2_000_000

export type QueryLimit = 'cost' | 'answerSize'

/**
 * A request over one of the limits. Top-level, `extensions.code` QUERY_TOO_LARGE and `limit` naming
 * the one that was exceeded, with its maximum and the request's figure.
 */
export function queryTooLarge(limit: QueryLimit, max: number, actual: number): GraphQLError {
  const what = limit === 'cost' ? '查询读取的数据过多' : '查询结果过大'
  return new GraphQLError(`${what}（${actual} > ${max}），请缩小范围或分页查询`, {
    extensions: { code: 'QUERY_TOO_LARGE', limit, max, actual },
  })
}

/**
 * Refuses a document whose cost (src/cost.ts: list fields multiply their selection by their page or
 * expected size) is over MAX_QUERY_COST before any resolver runs, and an answer over
 * MAX_ANSWER_CHARS after. Costs depend on the variables (a `limit`), so they are computed per
 * request, not cached with the document's validation.
 */
export function useQueryLimits(maxCost = MAX_QUERY_COST, maxAnswerChars = MAX_ANSWER_CHARS): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let over: GraphQLError | null = null
      // A document the rule cannot measure (unknown fields, cyclic fragments) was refused by
      // validation already; whatever it reports here is not ours to answer.
      validate(args.schema as GraphQLSchema, args.document as DocumentNode, [
        createComplexityRule({
          context: args.contextValue,
          variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
          operationName: (args.operationName as string | null | undefined) ?? undefined,
          validate: (result) => {
            if (result.complexity > maxCost) over = queryTooLarge('cost', maxCost, result.complexity)
          },
        }),
      ])
      // Variable errors are execution's to report, in its own words; only the cost is ours.
      if (over) {
        setResultAndStopExecution({ errors: [over] })
        return
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!isPlainResult(result) || !result.data) return
          const chars = JSON.stringify(result.data).length
          if (chars > maxAnswerChars) {
            setResult({ errors: [queryTooLarge('answerSize', maxAnswerChars, chars)] })
          }
        },
      }
    },
  }
}

function isPlainResult(result: unknown): result is ExecutionResult {
  return !!result && typeof result === 'object' && !(Symbol.asyncIterator in result)
}
