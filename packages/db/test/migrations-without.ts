/**
 * For tests of one migration's data changes: a copy of the migrations folder without `names`, so a
 * database can be migrated to just before them, given rows in the old shape, then migrated on.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MIGRATIONS_DIR } from '../src/migrate'

export function migrationsWithout(names: readonly string[]): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'redblue-migrations-'))
  cpSync(MIGRATIONS_DIR, dir, { recursive: true })
  for (const name of names) rmSync(join(dir, name), { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
