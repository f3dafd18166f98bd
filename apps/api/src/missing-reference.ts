import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core'
import type { GraphQLFieldResolver } from 'graphql'
import { NotFoundError } from './errors'

/**
 * An id in a mutation's input that points at no row. Resolvers check the ids they look up, but an
 * id that is only written (createInterview's areaId, a parent org, a problem category) reached the
 * database and came back as a foreign-key violation — "Unexpected error." for the client. Every
 * mutation's resolver is wrapped here: a foreign-key violation (P2003) or a write to a row that is
 * gone (P2025) becomes the typed NotFoundError, which the errors plugin (wrapping outside this one)
 * returns as the mutation's union member. One home, so a new mutation cannot forget it.
 */
interface PrismaErrorLike {
  code?: unknown
  message?: unknown
  meta?: {
    modelName?: unknown
    field_name?: unknown
    constraint?: unknown
    driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } }
  }
}

/** `Interview_areaId_fkey` / `["areaId"]` → `Area`. */
function referencedEntity(error: PrismaErrorLike): { entity: string; field: string | null } {
  const cause = error.meta?.driverAdapterError?.cause?.constraint
  const candidates = [
    Array.isArray(cause?.fields) ? String(cause.fields[0]) : null,
    typeof cause?.index === 'string' ? cause.index : null,
    typeof error.meta?.field_name === 'string' ? error.meta.field_name : null,
    typeof error.meta?.constraint === 'string' ? error.meta.constraint : null,
    typeof error.message === 'string' ? error.message : null,
  ]
  for (const text of candidates) {
    const field = text ? /([a-z][A-Za-z]*)Id\b|_([a-z][A-Za-z]*)Id_fkey/.exec(text) : null
    const name = field?.[1] ?? field?.[2]
    if (name) return { entity: name.charAt(0).toUpperCase() + name.slice(1), field: `${name}Id` }
  }
  return { entity: typeof error.meta?.modelName === 'string' ? error.meta.modelName : '', field: null }
}

function findArg(args: unknown, field: string, depth = 0): unknown {
  if (!args || typeof args !== 'object' || depth > 4) return undefined
  const record = args as Record<string, unknown>
  if (field in record) return record[field]
  for (const value of Object.values(record)) {
    const found = findArg(value, field, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

export function asMissingReference(error: unknown, args: unknown): NotFoundError | null {
  const e = error as PrismaErrorLike | null
  if (!e || (e.code !== 'P2003' && e.code !== 'P2025')) return null
  const { entity, field } = referencedEntity(e)
  const id = field ? findArg(args, field) : undefined
  return new NotFoundError(
    entity,
    typeof id === 'number' || typeof id === 'string' ? id : '',
    '引用的记录不存在或已被删除',
  )
}

export class MissingReferencePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Mutation') return resolver
    return async (parent, args, context, info) => {
      try {
        return await resolver(parent, args, context, info)
      } catch (error) {
        throw asMissingReference(error, args) ?? error
      }
    }
  }
}

export const missingReferencePlugin = 'missingReference'

SchemaBuilder.registerPlugin(missingReferencePlugin, MissingReferencePlugin)

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos' plugin registry is a global namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      missingReference: MissingReferencePlugin<Types>
    }
  }
}
