/**
 * Prisma's schema engine, in the WebAssembly build that ships inside its npm package, driven
 * through a PGlite adapter: no native engine download, so it works offline. Development only —
 * it writes new migrations (migration-new.ts) and checks that the migrations match schema.prisma.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils'
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
} from '@prisma/schema-engine-wasm'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { MIGRATIONS_DIR, readMigrations } from '../src/migrate'

export const SCHEMA_PATH = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url))
const NO_FILTER = { externalTables: [], externalEnums: [] }

// lib "ES2023" without DOM has no WebAssembly value; Node has it at run time.
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly

let loaded: Promise<void> | undefined
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const bindingsFile = createRequire(import.meta.url).resolve(
      '@prisma/schema-engine-wasm/schema_engine_bg',
    )
    const bytes = readFileSync(join(dirname(bindingsFile), 'schema_engine_bg.wasm'))
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': wasmBindings })
    wasmBindings.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.()
  })()
  return loaded
}

function schemaFiles(schemaPath: string = SCHEMA_PATH): { path: string; content: string }[] {
  return [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }]
}

/**
 * Runs `fn` with a schema engine connected to `target`: a PGlite instance, a driver adapter factory
 * (e.g. `new PrismaPg(url)` for a server), or by default a fresh in-memory PGlite.
 */
export async function withSchemaEngine<T>(
  fn: (engine: SchemaEngine) => Promise<T>,
  target?: PGlite | SqlMigrationAwareDriverAdapterFactory,
): Promise<T> {
  await loadWasm()
  const owned = target === undefined ? await PGlite.create() : undefined
  const db = owned ?? target
  const factory =
    db instanceof PGlite ? new PrismaPGlite(db) : (db as SqlMigrationAwareDriverAdapterFactory)
  const adapter = bindMigrationAwareSqlAdapterFactory(factory)
  const datamodels = schemaFiles().map(({ path, content }): [string, string] => [path, content])
  const engine = await wasmBindings.SchemaEngine.new({ datamodels }, () => undefined, adapter)
  try {
    return await fn(engine)
  } finally {
    engine.free()
    await owned?.close()
  }
}

export function migrationList(dir: string = MIGRATIONS_DIR): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml')
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: readMigrations(dir).map(({ name, sql }) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: sql } },
    })),
  }
}

/** The SQL that would bring a database built from the migrations to schema.prisma ('' when none). */
export async function diffMigrationsToSchema(
  dir: string = MIGRATIONS_DIR,
  schemaPath: string = SCHEMA_PATH,
): Promise<string> {
  return withSchemaEngine(async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationList(dir) },
      to: { tag: 'schemaDatamodel', files: schemaFiles(schemaPath) },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    })
    const script = result.stdout ?? ''
    return script.includes('-- This is an empty migration.') ? '' : script.trim()
  })
}

/** What `prisma migrate status` would report for the database behind `target`. */
export async function diagnose(
  target: PGlite | SqlMigrationAwareDriverAdapterFactory,
  dir: string = MIGRATIONS_DIR,
): Promise<DiagnoseMigrationHistoryOutput> {
  return withSchemaEngine(
    (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: migrationList(dir),
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      }),
    target,
  )
}
