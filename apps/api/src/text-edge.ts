import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core'
import type { GraphQLFieldResolver } from 'graphql'
import { forEachArgumentValue } from './argument-walk'
import { ValidationError, type FieldProblem } from './errors'
import { cleanText, codeProblem, nameProblem } from './text'

/**
 * Codes and names at the edge: every mutation argument (at any depth of its input) named `code`
 * is cleaned (NFC, trimmed) and must be made of CODE_ALPHABET; every one named `name`,
 * `shortName`, `displayName` or `title` is cleaned and may hold no control or format character
 * (src/text.ts), and none but a short name may be blank. The cleaned text replaces what was sent, so resolvers store and compare the
 * normalised form. Refusals are one ValidationError with each field's path, returned as the
 * mutation's union member (this plugin wraps inside the errors plugin, after authorization).
 */
const CODE_KEYS: ReadonlySet<string> = new Set(['code'])
const NAME_KEYS: ReadonlySet<string> = new Set(['name', 'shortName', 'displayName', 'title'])

export function cleanCodesAndNames(args: unknown): FieldProblem[] {
  const problems: FieldProblem[] = []
  forEachArgumentValue(args, ({ parent, key, value, path }) => {
    if (typeof value !== 'string' || Array.isArray(parent)) return
    if (!CODE_KEYS.has(key) && !NAME_KEYS.has(key)) return
    const cleaned = cleanText(value)
    // A code or name given is never blank once trimmed; only a short name may be left empty.
    const problem =
      cleaned === '' && key !== 'shortName'
        ? '不能为空'
        : CODE_KEYS.has(key)
          ? codeProblem(cleaned)
          : nameProblem(cleaned)
    if (problem) problems.push({ path, message: problem, code: 'invalid_text' })
    else parent[key] = cleaned
  })
  return problems
}

export class TextEdgePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Mutation') return resolver
    return (parent, args, context, info) => {
      const problems = cleanCodesAndNames(args)
      const [first] = problems
      if (first) throw new ValidationError(first.message, problems)
      return resolver(parent, args, context, info)
    }
  }
}

export const textEdgePlugin = 'textEdge'

SchemaBuilder.registerPlugin(textEdgePlugin, TextEdgePlugin)

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos' plugin registry is a global namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      textEdge: TextEdgePlugin<Types>
    }
  }
}
