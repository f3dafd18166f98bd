/**
 * `pnpm start` / `pnpm --filter @redblue/api serve`: migrate, seed an empty database with the demo
 * data, then serve the API and the built SPA on one port.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb } from '@redblue/db'
import { seedDemo } from '@redblue/db/seed'
import { env } from './env'
import { createServer } from './server'
import { createApi } from './yoga'

const DEMO_PASSWORD = 'RedBlue@2026'
const DEMO_LOGINS = [
  ['admin', '管理员（党建部）'],
  ['leader', '公司领导'],
  ['inspector1', '检查组成员'],
  ['inspector2', '检查组成员'],
  ['branch1', '支部用户'],
  ['branch2', '支部用户'],
] as const

async function main() {
  const db = await createDb()
  console.log(`数据库: ${db.kind} (${db.location})`)
  const migrated = await db.migrate()
  if (migrated.applied.length) console.log(`已应用迁移: ${migrated.applied.join(', ')}`)

  let seeded = false
  if ((await db.prisma.user.count()) === 0) {
    console.log('空数据库，正在写入演示数据 ...')
    await seedDemo(db.prisma)
    seeded = true
  }

  const apiDir = fileURLToPath(new URL('..', import.meta.url))
  const adminDist = env.ADMIN_DIST_DIR
    ? resolve(apiDir, env.ADMIN_DIST_DIR)
    : resolve(apiDir, '../admin/dist')
  const api = createApi({ prisma: db.prisma })
  const server = createServer({ api, adminDist: existsSync(adminDist) ? adminDist : null })

  await new Promise<void>((done) => server.listen(env.PORT, env.HOST, done))
  const url = `http://localhost:${env.PORT}`
  console.log(`\nRedBlue 红蓝榜 已启动: ${url}   (GraphQL: ${url}/graphql)`)
  if (!existsSync(adminDist)) console.log(`提示: 未找到 ${adminDist}，管理端未构建`)
  {
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}${seeded ? '' : '，若未修改'}）:`)
    for (const [username, role] of DEMO_LOGINS) console.log(`  ${username.padEnd(12)} ${role}`)
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
