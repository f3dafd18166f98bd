import { GraphQLError, visit, type DocumentNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { IntrospectionAccess } from './config'
import type { Context } from './context'

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
