import { baseCompile, type CompileError } from '@intlify/message-compiler'
import MagicString from 'magic-string'
import type { Plugin } from 'vite'

/** Characters of vue-i18n's message syntax: placeholders, linked messages, plurals, modulo. */
const SYNTAX = /[{}@|%]/

/** Whether a message means more than its text: a placeholder, a plural, a linked message. */
export function needsCompiling(message: string): boolean {
  return SYNTAX.test(message)
}

/**
 * The AST vue-i18n's runtime formats a message from: what its own just-in-time compiler makes of
 * the string in the browser (`jit`, no source locations), minified. `cacheKey` lets the runtime
 * keep one message function per text, as it does for the strings it compiles itself. A message
 * vue-i18n cannot parse fails the build instead of showing broken text.
 */
export function compileMessage(message: string): Record<string, unknown> {
  const errors: CompileError[] = []
  const { ast } = baseCompile(message, { jit: true, location: false, minify: true, onError: (error) => errors.push(error) })
  if (errors.length) throw new Error(`Cannot compile the message ${JSON.stringify(message)}: ${errors.map((e) => e.message).join('; ')}`)
  return { ...(ast as unknown as Record<string, unknown>), cacheKey: message }
}

/** A message as production carries it: its AST when it uses the syntax, else its text. */
export function builtMessage(message: string): string | Record<string, unknown> {
  return needsCompiling(message) ? compileMessage(message) : message
}

interface Node {
  type: string
  start: number
  end: number
  value?: unknown
  [key: string]: unknown
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'

/** What a catalog entry may be besides a string literal: more entries, or another catalog's. */
const STRUCTURE = new Set(['ObjectExpression', 'ArrayExpression', 'Identifier', 'MemberExpression'])

/**
 * The message strings of a catalog module: string literals that are an object property's value or
 * an array's element. Any other value that is not more structure (a template literal with
 * placeholders, a concatenation, a call) is refused: the build could not compile it, and the
 * runtime, having no compiler, would show its placeholders raw.
 */
function messageLiterals(node: Node, found: Node[] = []): Node[] {
  const values = node.type === 'Property' ? [node.value] : node.type === 'ArrayExpression' ? (node.elements as unknown[]) : []
  for (const value of values) {
    if (!isNode(value)) continue
    if (value.type === 'Literal' && typeof value.value === 'string') found.push(value)
    else if (!STRUCTURE.has(value.type) && value.type !== 'SpreadElement') {
      throw new Error(`a message must be one string literal, not a ${value.type} (at offset ${value.start})`)
    }
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'key') continue
    for (const item of Array.isArray(child) ? child : [child]) if (isNode(item)) messageLiterals(item, found)
  }
  return found
}

/**
 * A catalog module's code with every message that uses the syntax replaced by its AST; null when
 * it has none. `program` is the code's ESTree AST. Throws on a message it cannot compile.
 */
export function precompileCatalog(code: string, program: unknown) {
  const source = new MagicString(code)
  let changed = false
  for (const literal of messageLiterals(program as Node)) {
    const built = builtMessage(literal.value as string)
    if (typeof built === 'string') continue
    source.overwrite(literal.start, literal.end, JSON.stringify(built))
    changed = true
  }
  return changed ? { code: source.toString(), map: source.generateMap({ hires: true }) } : null
}

/**
 * Production builds carry the messages of `localesDir` (the catalogs: modules of object literals)
 * already compiled, so the browser neither downloads vue-i18n's message compiler (16 KB of the
 * sign-in page's libraries) nor runs it for every message a screen shows first. Only messages that
 * use the syntax are compiled: vue-i18n's runtime shows a plain string as it is, and its AST would
 * be several times its size. `__INTLIFY_DROP_MESSAGE_COMPILER__` (vite.config.ts) then leaves the
 * compiler out. Tests and the dev server keep the strings and the compiler.
 */
export function precompiledMessages(localesDir: string): Plugin {
  return {
    name: 'redblue:precompiled-messages',
    apply: 'build',
    // After the TypeScript transform: the catalog is plain JavaScript to parse.
    enforce: 'post',
    transform(code, id) {
      if (!id.startsWith(localesDir) || id.includes('?') || !/\.[jt]s$/.test(id)) return null
      try {
        return precompileCatalog(code, this.parse(code))
      } catch (error) {
        return this.error(`${id}: ${(error as Error).message}`)
      }
    },
  }
}
