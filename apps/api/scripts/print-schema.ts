/**
 * Prints the GraphQL schema built from the code to apps/api/schema.graphql (sorted, so the diff of
 * a change shows only that change). `--check` exits 1 when the committed file is stale; the
 * package's `build` runs the check so CI catches a forgotten regeneration.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { lexicographicSortSchema, printSchema } from 'graphql'
import { schema } from '../src/schema'

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url))
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`

if (process.argv.includes('--check')) {
  let committed = ''
  try {
    committed = readFileSync(target, 'utf8')
  } catch {
    // missing counts as stale
  }
  if (committed !== printed) {
    console.error(
      'apps/api/schema.graphql is stale: run `pnpm --filter @redblue/api schema:print` and commit it.',
    )
    process.exit(1)
  }
  console.log('schema.graphql is up to date')
} else {
  writeFileSync(target, printed)
  console.log(`wrote ${target}`)
}
