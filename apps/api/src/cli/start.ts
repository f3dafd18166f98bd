/**
 * `redblue start` (and `pnpm start` through src/main.ts): migrate, load the demo data only when
 * asked (REDBLUE_DEMO), then serve the API and the built SPA on one port.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb, type Db } from '@redblue/db'
import { DEMO_PASSWORD, seedDemo, type SeedResult } from '@redblue/db/seed'
import { env } from '../env'
import { logger } from '../log/logger'
import { observeDbPool } from '../metrics'
import { serveControlSocket } from '../ops/control-socket'
import { createServer } from '../server'
import { createApi } from '../yoga'

const ROLE_NAMES = {
  ADMIN: '管理员',
  LEADER: '公司领导',
  INSPECTOR: '检查组成员',
  BRANCH: '支部用户',
} as const

function wantsDemo(db: Db): boolean {
  return env.REDBLUE_DEMO === 'true' || (env.REDBLUE_DEMO === 'embedded' && db.kind === 'pglite')
}

function printDemoLogins(seed: SeedResult) {
  if (!seed.logins.length) return
  console.log(`演示账号（密码均为 ${DEMO_PASSWORD}${seed.seeded ? '' : '，若未修改'}）:`)
  for (const login of seed.logins) {
    const org = login.orgName ? ` · ${login.orgName}` : ''
    console.log(`  ${login.username.padEnd(12)} ${ROLE_NAMES[login.role]} · ${login.displayName}${org}`)
  }
}

/**
 * Where the built SPA is: ADMIN_DIST_DIR (bin/redblue sets it in the release), else apps/admin/dist
 * beside the API package of the source checkout.
 */
export function adminDistDir(): string {
  const apiDir = fileURLToPath(new URL('../..', import.meta.url))
  return env.ADMIN_DIST_DIR ? resolve(apiDir, env.ADMIN_DIST_DIR) : resolve(apiDir, '../admin/dist')
}

export async function start(): Promise<void> {
  const startedAt = Date.now()
  const db = await createDb()
  console.log(`数据库: ${db.kind} (${db.location})`)
  const migrated = await db.migrate()
  if (migrated.applied.length) console.log(`已应用迁移: ${migrated.applied.join(', ')}`)

  if (wantsDemo(db)) {
    // seedDemo writes only into an empty database (under an advisory lock, so two replicas
    // starting together seed once) and otherwise just reports the demo logins that exist.
    const seed = await seedDemo(db.prisma, { log: (message) => console.log(`演示数据: ${message}`) })
    printDemoLogins(seed)
  } else if ((await db.prisma.user.count()) === 0) {
    console.log('数据库中还没有任何账号：请用 `redblue admin create` 创建第一个管理员。')
  }

  const adminDist = adminDistDir()
  const api = createApi({ prisma: db.prisma, config: { snapshotReads: db.kind === 'postgres' } })
  observeDbPool(db)
  const server = createServer({ api, adminDist: existsSync(adminDist) ? adminDist : null })
  await new Promise<void>((done) => server.listen(env.PORT, env.HOST, done))
  // The embedded database lives in this process: `redblue backup` asks it over a local socket.
  const control = await serveControlSocket(db)

  const url = `http://localhost:${env.PORT}`
  console.log(`\nRedBlue 红蓝榜 已启动: ${url}   (GraphQL: ${url}/graphql)`)
  logger.info({ event: 'started', port: env.PORT, db: db.kind, startMs: Date.now() - startedAt }, 'started')
  if (!existsSync(adminDist)) console.log(`提示: 未找到 ${adminDist}，管理端未构建`)

  const shutdown = () => {
    server.close()
    control?.close()
    void db.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}
