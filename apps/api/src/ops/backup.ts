/**
 * One backup archive (a plain tar) holds the database and the uploaded evidence files:
 *
 *   manifest.json        kind, version, time, applied migrations, every file's SHA-256
 *   database.tar.gz      PGlite: its data folder, dumped by the running instance (dumpDataDir)
 *   database.pgdump      PostgreSQL: pg_dump's custom format (one consistent snapshot)
 *   uploads/…            the evidence files, as stored
 *
 * Taken while the server runs: PostgreSQL's pg_dump reads one snapshot; PGlite's folder belongs
 * to the server process, so the dump is asked of it over a local socket (control-socket.ts) and
 * only read directly when no server holds the folder. The database is dumped before the files are
 * copied, and evidence files are written before their rows, so every row's file is in the copy.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { env } from '../env'

const run = promisify(execFile)

export class BackupError extends Error {
  override name = 'BackupError'
}

export type BackupTarget =
  | { kind: 'pglite'; dataDir: string; uploadDir: string }
  | { kind: 'postgres'; url: string; uploadDir: string }

export interface Manifest {
  format: 1
  kind: 'pglite' | 'postgres'
  version: string
  createdAt: string
  migrations: string[]
  files: Record<string, string>
}

/** `pg_dump` / `pg_restore` from PG_BIN_DIR, else the PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dir = env.PG_BIN_DIR
  return dir && existsSync(join(dir, name)) ? join(dir, name) : name
}

export function controlSocketPath(dataDir: string): string {
  return `${resolve(dataDir).replace(/\/+$/, '')}.sock`
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex')
}

/** Relative path → SHA-256 of every file under `dir` (empty when it does not exist). */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = join(entry.parentPath, entry.name)
    out[relative(dir, file)] = await sha256(file)
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

async function isEmptyDir(dir: string): Promise<boolean> {
  return !existsSync(dir) || (await readdir(dir)).length === 0
}

/** Whether a server listens on the folder's control socket (a stale file from a crash: no). */
function isServing(socketPath: string): Promise<boolean> {
  if (!existsSync(socketPath)) return Promise.resolve(false)
  return new Promise((done) => {
    const socket = connect(socketPath)
    socket.once('connect', () => (socket.destroy(), done(true)))
    socket.once('error', () => done(false))
  })
}

interface PgliteDump {
  dump: Buffer
  migrations: string[]
}

/** Asks a running server for its PGlite dump; null when no server holds the folder. */
async function dumpFromServer(dataDir: string): Promise<PgliteDump | null> {
  const socketPath = controlSocketPath(dataDir)
  if (!existsSync(socketPath)) return null
  const { request } = await import('node:http')
  return new Promise((done, fail) => {
    const req = request({ socketPath, path: '/backup', method: 'POST' }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        res.statusCode === 200
          ? done({
              dump: Buffer.concat(chunks),
              migrations: JSON.parse(String(res.headers['x-redblue-migrations'] ?? '[]')) as string[],
            })
          : fail(new BackupError(`服务器拒绝备份: ${Buffer.concat(chunks).toString()}`)),
      )
    })
    // A stale socket file from a crashed server: nobody listens, read the folder directly.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? done(null) : fail(error),
    )
    req.end()
  })
}

/** The dump of an open PGlite database and the migrations applied to it, read under one lock. */
export async function dumpPglite(db: PGlite): Promise<PgliteDump> {
  // Everything written so far into the data files, so the tar needs little WAL replay.
  await db.exec('CHECKPOINT')
  const migrations = await appliedMigrations(async (sql) => (await db.query<{ migration_name: string }>(sql)).rows)
  const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer())
  return { dump, migrations }
}

async function appliedMigrations(query: (sql: string) => Promise<{ migration_name: string }[]>) {
  const rows = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  )
  return rows.map((row) => row.migration_name)
}

export async function backup(target: BackupTarget, file: string, version: string): Promise<Manifest> {
  const work = await mkdtemp(join(tmpdir(), 'redblue-backup-'))
  try {
    let migrations: string[]
    if (target.kind === 'pglite') {
      let taken = await dumpFromServer(target.dataDir)
      if (!taken) {
        if (await isEmptyDir(target.dataDir)) throw new BackupError(`没有数据库: ${target.dataDir}`)
        const db = await PGlite.create(target.dataDir)
        try {
          taken = await dumpPglite(db)
        } finally {
          await db.close()
        }
      }
      await writeFile(join(work, 'database.tar.gz'), taken.dump)
      migrations = taken.migrations
    } else {
      await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${join(work, 'database.pgdump')}`, `--dbname=${target.url}`])
      const client = new pg.Client({ connectionString: target.url })
      await client.connect()
      try {
        migrations = await appliedMigrations(async (sql) => (await client.query<{ migration_name: string }>(sql)).rows)
      } finally {
        await client.end()
      }
    }
    if (existsSync(target.uploadDir)) await cp(target.uploadDir, join(work, 'uploads'), { recursive: true })
    const manifest: Manifest = {
      format: 1,
      kind: target.kind,
      version,
      createdAt: new Date().toISOString(),
      migrations,
      files: await hashTree(join(work, 'uploads')),
    }
    await writeFile(join(work, 'manifest.json'), JSON.stringify(manifest, null, 2))
    await mkdir(resolve(file, '..'), { recursive: true })
    await run('tar', ['-cf', resolve(file), '-C', work, '.'])
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function postgresHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    )
    return (rows[0]?.n ?? 0) > 0
  } finally {
    await client.end()
  }
}

export async function restore(
  target: BackupTarget,
  file: string,
  options: { force?: boolean } = {},
): Promise<Manifest> {
  const work = await mkdtemp(join(tmpdir(), 'redblue-restore-'))
  try {
    await run('tar', ['-xf', resolve(file), '-C', work])
    const manifest = JSON.parse(await readFile(join(work, 'manifest.json'), 'utf8')) as Manifest
    if (manifest.format !== 1) throw new BackupError('无法识别的备份格式')
    if (manifest.kind !== target.kind) {
      throw new BackupError(`这是 ${manifest.kind} 的备份，不能恢复到 ${target.kind} 数据库`)
    }
    const restoredFiles = await hashTree(join(work, 'uploads'))
    if (JSON.stringify(restoredFiles) !== JSON.stringify(manifest.files)) {
      throw new BackupError('备份中的文件与清单的校验值不符：备份已损坏')
    }
    // Every refusal before anything is changed.
    const uploadsEmpty = await isEmptyDir(target.uploadDir)
    if (target.kind === 'pglite') {
      if (await isServing(controlSocketPath(target.dataDir))) {
        throw new BackupError('服务器正在使用该数据库：请先停止服务再恢复')
      }
      if (!options.force && !(await isEmptyDir(target.dataDir))) {
        throw new BackupError(`目标数据库 ${target.dataDir} 不是空的；确认要覆盖时加 --force`)
      }
    } else if (!options.force && (await postgresHasTables(target.url))) {
      throw new BackupError('目标数据库不是空的；确认要覆盖时加 --force')
    }
    if (!options.force && !uploadsEmpty) {
      throw new BackupError(`上传文件目录 ${target.uploadDir} 不是空的；确认要覆盖时加 --force`)
    }

    if (target.kind === 'pglite') {
      await rm(target.dataDir, { recursive: true, force: true })
      await mkdir(target.dataDir, { recursive: true })
      const dump = await readFile(join(work, 'database.tar.gz'))
      const db = await PGlite.create({ dataDir: target.dataDir, loadDataDir: new Blob([new Uint8Array(dump)]) })
      await db.close()
    } else {
      const client = new pg.Client({ connectionString: target.url })
      await client.connect()
      try {
        await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
      } finally {
        await client.end()
      }
      await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, join(work, 'database.pgdump')])
    }
    await rm(target.uploadDir, { recursive: true, force: true })
    if (existsSync(join(work, 'uploads'))) await cp(join(work, 'uploads'), target.uploadDir, { recursive: true })
    else await mkdir(target.uploadDir, { recursive: true })
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size
}
