/**
 * `redblue admin create [--username admin] [--display-name 系统管理员]`: the first administrator
 * of a fresh production database. The password comes from standard input (piped) or a hidden
 * prompt; weak ones are refused. Works once: when any administrator exists it changes nothing,
 * so a leaked shell history cannot mint a second admin behind the first one's back.
 */
import type { PrismaClient } from '@redblue/db'
import { DEMO_PASSWORD } from '@redblue/db/seed'
import { writeAudit } from '../audit'
import { firstAdminPasswordPolicy, hashPassword } from '../auth/password'

/** Serializes two concurrent `admin create` runs on PostgreSQL (PGlite is one process anyway). */
const FIRST_ADMIN_LOCK = 72707371

export class AdminCreateError extends Error {
  override name = 'AdminCreateError'
}

export interface FirstAdmin {
  username: string
  displayName: string
  password: string
}

export async function createFirstAdmin(prisma: PrismaClient, input: FirstAdmin): Promise<{ id: number }> {
  const username = input.username.trim()
  if (!/^[A-Za-z0-9_.-]{2,50}$/.test(username)) {
    throw new AdminCreateError('用户名只能包含字母、数字、点、下划线和连字符（2–50 位）')
  }
  const checked = firstAdminPasswordPolicy(username, DEMO_PASSWORD).safeParse(input.password)
  if (!checked.success) {
    throw new AdminCreateError(`密码太弱：${checked.error.issues.map((i) => i.message).join('；')}`)
  }
  const passwordHash = await hashPassword(input.password)
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`
    if ((await tx.user.count({ where: { role: 'ADMIN' } })) > 0) {
      throw new AdminCreateError('已存在管理员账号：第一个管理员只能创建一次，其余账号请在管理端“用户管理”中创建')
    }
    if (await tx.user.findUnique({ where: { username } })) {
      throw new AdminCreateError(`用户名 ${username} 已被占用`)
    }
    const user = await tx.user.create({
      data: {
        username,
        displayName: input.displayName.trim() || '系统管理员',
        role: 'ADMIN',
        passwordHash,
        // The operator chose this password at the console; it is not a temporary one.
        mustChangePassword: false,
      },
    })
    await writeAudit(tx, {
      actor: null,
      ip: 'console',
      action: 'createFirstAdmin',
      entityType: 'User',
      entityId: user.id,
      after: { id: user.id, username: user.username, role: user.role },
    })
    return { id: user.id }
  })
}
