import type { CodegenConfig } from '@graphql-codegen/cli'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// The API prints its schema here; the SPA's operation types are generated from it, never written
// by hand. While the API is young the file may be absent: codegen then generates from a stand-in
// instead of failing, so the rest of the build can still run.
const schema = fileURLToPath(new URL('../api/schema.graphql', import.meta.url))
const hasSchema = existsSync(schema)

if (!hasSchema) console.warn(`[codegen] ${schema} not found — skipping generation`)

const config: CodegenConfig = {
  overwrite: true,
  // Without the API's schema, a one-field stand-in keeps the generated module importable.
  schema: hasSchema ? schema : 'type Query { placeholder: Boolean }',
  documents: hasSchema ? ['src/**/*.{ts,vue}', '!src/generated/**', '!src/**/*.test.ts'] : [],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          Decimal: 'string',
          Date: 'string',
          DateTime: 'string',
          JSON: 'unknown',
          File: 'File',
          Upload: 'File',
          ID: { input: 'string | number', output: 'string' },
        },
        defaultScalarType: 'unknown',
      },
    },
  },
}

export default config
