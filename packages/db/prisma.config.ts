import { defineConfig } from 'prisma/config'

// Generation only: migrations are applied by our own runner (src/migrate.ts), never by the
// Prisma CLI, because its schema engine cannot be downloaded offline.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
