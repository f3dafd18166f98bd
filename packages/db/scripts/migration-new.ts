/**
 * `pnpm --filter @redblue/db migration:new <name>`: writes prisma/migrations/<timestamp>_<name>/
 * migration.sql with the SQL that takes the existing migrations to schema.prisma — what
 * `prisma migrate dev --create-only` does, but offline. Review the file, then `pnpm db:migrate`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS_DIR } from '../src/migrate'
import { diffMigrationsToSchema } from './schema-engine'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: pnpm --filter @redblue/db migration:new <snake_case_name>')
  process.exit(1)
}
const sql = await diffMigrationsToSchema()
if (sql === '') {
  console.log('schema.prisma and the migrations already agree: no migration written.')
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'migration.sql'), `${sql}\n`)
  console.log(`Wrote ${join(dir, 'migration.sql')}`)
}
