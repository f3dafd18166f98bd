/**
 * `pnpm start` / `pnpm --filter @redblue/api serve`: migrate, seed an empty database with the demo
 * data, then serve the API and the built SPA on one port.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb } from '@redblue/db'
import { DEMO_PASSWORD, seedDemo } from '@redblue/db/seed'
import { env } from './env'
import { createServer } from './server'
import { createApi } from './yoga'

const ROLE_NAMES = {
  ADMIN: '管理员',
  LEADER: '公司领导',
  INSPECTOR: '检查组成员',
  BRANCH: '支部用户',
} as const

async function main() {
  const db = await createDb()
  console.log(`数据库: ${db.kind} (${db.location})`)
  const migrated = await db.migrate()
  if (migrated.applied.length) console.log(`已应用迁移: ${migrated.applied.join(', ')}`)

  // seedDemo writes only into an empty database (under an advisory lock, so two replicas
  // starting together seed once) and otherwise just reports the demo logins that exist.
  const seed = await seedDemo(db.prisma, { log: (message) => console.log(`演示数据: ${message}`) })

  const apiDir = fileURLToPath(new URL('..', import.meta.url))
  const adminDist = env.ADMIN_DIST_DIR
    ? resolve(apiDir, env.ADMIN_DIST_DIR)
    : resolve(apiDir, '../admin/dist')
  const api = createApi({ prisma: db.prisma, config: { snapshotReads: db.kind === 'postgres' } })
  const server = createServer({ api, adminDist: existsSync(adminDist) ? adminDist : null })

  await new Promise<void>((done) => server.listen(env.PORT, env.HOST, done))
  const url = `http://localhost:${env.PORT}`
  console.log(`\nRedBlue 红蓝榜 已启动: ${url}   (GraphQL: ${url}/graphql)`)
  if (!existsSync(adminDist)) console.log(`提示: 未找到 ${adminDist}，管理端未构建`)
  if (seed.logins.length) {
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}${seed.seeded ? '' : '，若未修改'}）:`)
    for (const login of seed.logins) {
      const org = login.orgName ? ` · ${login.orgName}` : ''
      console.log(
        `  ${login.username.padEnd(12)} ${ROLE_NAMES[login.role]} · ${login.displayName}${org}`,
      )
    }
  }

  const shutdown = () => {
    server.close()
    void db.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
