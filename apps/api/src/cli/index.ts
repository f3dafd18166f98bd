/**
 * `bin/redblue <command>`: the one command of a release (compiled to dist/cli.mjs), also runnable
 * from source with `pnpm --filter @redblue/api exec tsx src/cli/index.ts <command>`.
 *
 *   start                         migrate, then serve (demo data only with REDBLUE_DEMO=true)
 *   migrate                       apply pending SQL migrations
 *   admin create [--username u] [--display-name n]
 *                                 the first administrator (password on stdin or prompted)
 *   backup <file>                 database and uploaded files into one archive
 *   restore <file> [--force]      into an empty database (--force replaces a non-empty one)
 *   version                       print the release version
 */
import { parseArgs } from 'node:util'
import { createDb } from '@redblue/db'
import { AdminCreateError, createFirstAdmin } from './admin-create'
import { readPassword } from './read-password'
import { VERSION } from './version'

const USAGE = `用法: redblue <start | migrate | admin create | backup <文件> | restore <文件> [--force] | version>`

async function migrateCommand() {
  const db = await createDb()
  try {
    console.log(`数据库: ${db.kind} (${db.location})`)
    const result = await db.migrate({ log: (message) => console.log(`  ${message}`) })
    console.log(`已应用 ${result.applied.length} 个迁移，${result.skipped.length} 个此前已应用。`)
  } finally {
    await db.close()
  }
}

async function adminCreateCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string', default: 'admin' }, 'display-name': { type: 'string', default: '系统管理员' } },
  })
  const password = await readPassword()
  const db = await createDb()
  try {
    await db.migrate()
    const { id } = await createFirstAdmin(db.prisma, {
      username: values.username,
      displayName: values['display-name'],
      password,
    })
    console.log(`已创建管理员 ${values.username}（id ${id}）。`)
  } finally {
    await db.close()
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  switch (command) {
    case 'start': {
      const { start } = await import('./start')
      return start()
    }
    case 'migrate':
      return migrateCommand()
    case 'admin':
      if (rest[0] !== 'create') break
      return adminCreateCommand(rest.slice(1))
    case 'backup':
    case 'restore': {
      const { backupCommand, restoreCommand } = await import('../ops/backup-cli')
      return command === 'backup' ? backupCommand(rest) : restoreCommand(rest)
    }
    case 'version':
    case '--version':
      console.log(VERSION)
      return
  }
  console.error(USAGE)
  process.exitCode = 2
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Expected refusals are one line for the operator; anything else keeps its stack.
  console.error(error instanceof AdminCreateError || (error instanceof Error && error.name === 'BackupError') ? error.message : error)
  process.exitCode = 1
})
