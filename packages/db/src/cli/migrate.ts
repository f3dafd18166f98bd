/** `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded PGlite folder. */
import { createDb } from '../client'

const db = await createDb()
try {
  console.log(`Migrating ${db.kind} database at ${db.location}`)
  const result = await db.migrate({ log: (message) => console.log(`  ${message}`) })
  console.log(
    result.applied.length === 0
      ? `Up to date (${result.skipped.length} migration(s) already applied).`
      : `Applied ${result.applied.length} migration(s); ${result.skipped.length} were already applied.`,
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await db.close()
}
