import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core'
import type { GraphQLFieldResolver } from 'graphql'
import { forEachArgumentValue } from './argument-walk'
import { ValidationError, type FieldProblem } from './errors'

/**
 * Every date a mutation stores lies in 2000–2100: the platform's rounds, deadlines, visits and
 * interviews fall in years it runs, and 0001-01-01 or 9999-12-31 is a slip of the keyboard that
 * would sort first or last everywhere. Checked once for every mutation, on its parsed arguments
 * (the Date and DateTime scalars yield `Date`s): a ValidationError with the argument's path, which
 * the errors plugin (wrapping outside this one, after authorization) returns as the mutation's
 * union member and the SPA shows beside the field.
 */
export const FIRST_YEAR = 2000
export const LAST_YEAR = 2100

export function dateProblems(args: unknown): FieldProblem[] {
  const problems: FieldProblem[] = []
  forEachArgumentValue(args, ({ value, path }) => {
    if (!(value instanceof Date)) return
    const year = value.getUTCFullYear()
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      problems.push({ path, message: `日期须在 ${FIRST_YEAR} 至 ${LAST_YEAR} 年之间`, code: 'out_of_range' })
    }
  })
  return problems
}

export class DateBoundsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Mutation') return resolver
    return (parent, args, context, info) => {
      const problems = dateProblems(args)
      const [first] = problems
      if (first) throw new ValidationError(first.message, problems)
      return resolver(parent, args, context, info)
    }
  }
}

export const dateBoundsPlugin = 'dateBounds'

SchemaBuilder.registerPlugin(dateBoundsPlugin, DateBoundsPlugin)

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos' plugin registry is a global namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      dateBounds: DateBoundsPlugin<Types>
    }
  }
}
