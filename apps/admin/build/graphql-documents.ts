import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { transformAsync } from '@babel/core'
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset'
import type { Plugin } from 'vite'

const VIRTUAL = 'virtual:graphql-document/'
const RESOLVED = '\0graphql-document:'
/** One generated document per line: `export const XDocument = {…} as unknown as DocumentNode<…>;` */
const DOCUMENT_LINE = /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm

/**
 * Each `graphql(\`…\`)` call in the app becomes an import of its own generated document, so a
 * screen's chunk carries only the operations it sends. Without this every chunk depends on the
 * preset's `graphql()` map of all the app's documents: one chunk of ~330 KB that the sign-in page,
 * needing one mutation, would download and parse. Authoring is unchanged: `import { graphql } from
 * '@/generated'` with template strings, typed the same way (the map stays in dev and in tests).
 *
 * Two steps: the client preset's documented babel transform turns the call into
 * `import { XDocument } from '…/generated/graphql'`; then, because a bundler never splits one
 * module across chunks (graphql.ts holds every document, so its shared chunk would again hold them
 * all), that import is pointed at a virtual module holding only XDocument, read from graphql.ts.
 */
export function graphqlDocuments(artifactDirectory: string): Plugin {
  let documents: Promise<Map<string, string>> | undefined
  const load = () =>
    (documents ??= readFile(join(artifactDirectory, 'graphql.ts'), 'utf8').then(
      (source) =>
        new Map([...source.matchAll(DOCUMENT_LINE)].flatMap(([, name, document]) => (name && document ? [[name, document]] : []))),
    ))

  return {
    name: 'redblue:graphql-documents',
    apply: 'build',
    // After the Vue and TypeScript transforms: babel sees plain JavaScript, .vue scripts included.
    enforce: 'post',
    buildStart() {
      documents = undefined
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? RESOLVED + id.slice(VIRTUAL.length) : null
    },
    async load(id) {
      if (!id.startsWith(RESOLVED)) return null
      const name = id.slice(RESOLVED.length)
      const document = (await load()).get(name)
      if (!document) this.error(`No generated document ${name} in ${artifactDirectory}/graphql.ts`)
      return `export const ${name} = ${document};\n`
    },
    async transform(code, id) {
      const [file = id] = id.split('?')
      if (id.startsWith('\0') || file.includes('/node_modules/') || file.startsWith(artifactDirectory)) return null
      if (!/\.(ts|vue)$/.test(file) || !code.includes('graphql(')) return null
      const result = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        plugins: [[babelOptimizerPlugin, { artifactDirectory, gqlTagName: 'graphql' }]],
      })
      if (!result?.code) return null
      const rewritten = result.code.replace(
        /^import \{ (\w+) \} from "[^"]*\/generated\/graphql";$/gm,
        (_line, name: string) => `import { ${name} } from "${VIRTUAL}${name}";`,
      )
      return { code: rewritten, map: result.map }
    },
  }
}
