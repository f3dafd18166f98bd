/** `pnpm db:seed`: migrates, then loads the demo data into an empty database (idempotent). */
import { createDb } from '../client'
import { seedDemo } from '../seed/index'

const db = await createDb()
try {
  console.log(`Seeding ${db.kind} database at ${db.location}`)
  await db.migrate({ log: (message) => console.log(`  ${message}`) })
  const result = await seedDemo(db.prisma, { log: (message) => console.log(`  ${message}`) })
  console.log(result.seeded ? `Seeded in ${(result.ms / 1000).toFixed(1)} s.` : 'Nothing to do.')
  console.log('\nDemo logins:')
  for (const login of result.logins) {
    console.log(
      `  ${login.username.padEnd(11)} ${login.password}  ${login.role.padEnd(9)} ${login.displayName}${login.orgName ? `（${login.orgName}）` : ''}`,
    )
  }
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
} finally {
  await db.close()
}
