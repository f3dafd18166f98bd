import { GraphQLError, visit, type DocumentNode, type ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { hasLoneSurrogate } from './text'

/**
 * Request-level input rules every field shares (found by test/reliability/bad-input.test.ts):
 *
 * - graphql-js reports a variable that does not fit its type ("Int cannot represent …",
 *   "Field "x" of required type … was not provided") without an `extensions.code`; clients rely
 *   on the code, so such request errors get BAD_USER_INPUT.
 * - PostgreSQL text cannot hold U+0000: a NUL character anywhere in the variables or in a string
 *   literal of the document used to reach the database and come back as "Unexpected error.".
 * - No text field needs more than MAX_STRING_CHARS; many free-text fields (notes, descriptions,
 *   names) had no limit and stored a megabyte string as is.
 * - Lone UTF-16 surrogates (valid in JSON's \uD800 escapes, not text).
 * All are refused up front, before any resolver runs, as BAD_USER_INPUT.
 */
const NUL = '\u0000'
export const MAX_STRING_CHARS = 20_000

// A lone UTF-16 surrogate is no character at all: it cannot be encoded as UTF-8 and would be stored
// as U+FFFD, i.e. not what was sent.
const badString = (s: string) =>
  s.length > MAX_STRING_CHARS || s.includes(NUL) || hasLoneSurrogate(s)

function containsBadString(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return badString(value)
  if (value === null || typeof value !== 'object' || depth > 64) return false
  // Uploads (File/Blob) carry bytes, not text.
  if (typeof (value as { arrayBuffer?: unknown }).arrayBuffer === 'function') return false
  const values: unknown[] = Array.isArray(value) ? value : Object.values(value)
  return values.some((v) => containsBadString(v, depth + 1))
}

function literalIsBad(document: DocumentNode): boolean {
  let found = false
  visit(document, {
    StringValue(node) {
      if (badString(node.value)) found = true
    },
  })
  return found
}

/**
 * A request error without a code: graphql-js' variable coercion errors become BAD_USER_INPUT,
 * yoga's own request errors (a malformed multipart request, …) BAD_REQUEST.
 * Field errors (with a path) are left alone: ours carry codes, the rest are masked by yoga.
 */
function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions.code || error.path) return error
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: {
      ...error.extensions,
      // Variable coercion errors point into the document; yoga's request errors do not.
      code: error.locations?.length ? 'BAD_USER_INPUT' : 'BAD_REQUEST',
    },
  })
}

export function useInputGuard(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode
      if (containsBadString(args.variableValues) || literalIsBad(document)) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `文本不能超过 ${MAX_STRING_CHARS} 个字符，也不能包含空字符（U+0000）或无效的字符编码`,
              {
                extensions: { code: 'BAD_USER_INPUT' },
              },
            ),
          ],
        })
      }
    },
    onResultProcess(payload) {
      const { result } = payload
      if (Array.isArray(result) || Symbol.asyncIterator in result) return
      const single: ExecutionResult = result
      if (!single.errors?.some((e) => !e.extensions.code && !e.path)) return
      payload.setResult({ ...result, errors: single.errors.map(withCode) })
    },
  }
}
