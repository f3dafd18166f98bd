import { GraphQLError, visit, type DocumentNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from './context'

/**
 * Who may introspect the schema. In production the schema is a map of every operation for anyone
 * probing the intranet, so only an ADMIN may read it; development, tests and the codegen build
 * (which prints schema.graphql from the schema object, not over HTTP) keep it open. `__typename`
 * is not introspection: the SPA's unions need it.
 */
export type IntrospectionAccess = 'open' | 'admin'

function introspects(document: DocumentNode): boolean {
  let found = false
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true
    },
  })
  return found
}

export function useIntrospectionAccess(access: IntrospectionAccess): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (access === 'open') return
      const ctx = args.contextValue as Partial<Context>
      if (ctx.user?.role === 'ADMIN' || !introspects(args.document as DocumentNode)) return
      setResultAndStopExecution({
        errors: [
          new GraphQLError('生产环境不开放接口结构查询', {
            extensions: { code: 'FORBIDDEN', reason: 'INTROSPECTION' },
          }),
        ],
      })
    },
  }
}
