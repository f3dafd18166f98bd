import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_DATA_DIR } from '@redblue/db'
import { env } from '../env'
import { defaultUploadSettings } from '../uploads/settings'
import { VERSION } from '../cli/version'
import { backup, BackupError, fileSize, restore, type BackupTarget } from './backup'

/** The database and upload folder the server would use with the same environment. */
function currentTarget(): BackupTarget {
  const uploadDir = defaultUploadSettings().dir
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, uploadDir }
    : { kind: 'pglite', dataDir: resolve(env.REDBLUE_DATA_DIR ?? DEFAULT_DATA_DIR), uploadDir }
}

export async function backupCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true })
  const file = positionals[0]
  if (!file) throw new BackupError('用法: redblue backup <文件>')
  const started = Date.now()
  const manifest = await backup(currentTarget(), file, VERSION)
  console.log(
    `备份完成: ${file}（${manifest.kind}，${Object.keys(manifest.files).length} 个上传文件，` +
      `${(await fileSize(file)) >> 10} KiB，${((Date.now() - started) / 1000).toFixed(1)} s）`,
  )
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } })
  const file = positionals[0]
  if (!file) throw new BackupError('用法: redblue restore <文件> [--force]')
  const started = Date.now()
  const manifest = await restore(currentTarget(), file, { force: values.force })
  console.log(
    `恢复完成: ${manifest.kind} 备份（${manifest.createdAt}，${Object.keys(manifest.files).length} 个上传文件，` +
      `${((Date.now() - started) / 1000).toFixed(1)} s）。启动服务时会补齐更新的迁移。`,
  )
}
