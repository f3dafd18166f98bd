import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Kind, parse, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql'

/**
 * The GraphQL documents of the admin SPA (apps/admin/src), read from its sources: the bench sends
 * the very documents the screens send, and the query-cost test checks them, so neither can drift
 * from the SPA. Each operation comes with the fragments it spreads, transitively, wherever in the
 * SPA they are defined.
 */
const ADMIN_SRC = fileURLToPath(new URL('../../admin/src', import.meta.url))

export interface Operation {
  name: string
  document: string
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path)
    return /\.(ts|vue)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

/** The text of every `graphql(`…`)` call in the SPA's sources. */
export function spaDocuments(): string[] {
  return sourceFiles(ADMIN_SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].flatMap((m) => (m[1] ? [m[1]] : [])),
  )
}

function textOf(node: DefinitionNode): string {
  if (!node.loc) throw new Error('a parsed definition without its location')
  return node.loc.source.body.slice(node.loc.start, node.loc.end)
}

/** Each operation in `texts` as a complete document: its own text and the fragments it spreads. */
export function operationsOf(texts: readonly string[]): Operation[] {
  const definitions: DefinitionNode[] = texts.flatMap((t) => parse(t).definitions)
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, textOf(f)]),
  )
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => {
      const own = textOf(op)
      // Only the fragments it spreads, transitively (unused ones fail validation).
      const used = new Map<string, string>()
      const visit = (text: string) => {
        for (const [, name] of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
          if (!name || name === 'on' || used.has(name)) continue
          const fragment = fragments.get(name)
          if (fragment === undefined) continue
          used.set(name, fragment)
          visit(fragment)
        }
      }
      visit(own)
      return { name: op.name?.value ?? own.slice(0, 40), document: [own, ...used.values()].join('\n') }
    })
}

let cached: Map<string, string> | undefined

/** The SPA's operation `name`, as it sends it (less the `__typename` its client adds). */
export function spaOperation(name: string): string {
  cached ??= new Map(operationsOf(spaDocuments()).map((op) => [op.name, op.document]))
  const document = cached.get(name)
  if (document === undefined) throw new Error(`the admin SPA has no operation named ${name}`)
  return document
}
