import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, type Db } from '@redblue/db'
import { seedDemo } from '@redblue/db/seed'
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backup, BackupError, hashTree, restore, type BackupTarget } from '../../src/ops/backup'
import { serveControlSocket } from '../../src/ops/control-socket'
import { changedTables, checksum } from '../reliability/checksum'
import { ON_POSTGRES, PROJECT, reportFigures } from '../reliability/support'

/**
 * `redblue backup` / `restore` on this project's backend: the demo database plus uploaded files,
 * backed up while "the server" holds it (PGlite: through the running process's control socket),
 * restored into a fresh place, compared table by table and file by file.
 */
describe(`backup and restore (${PROJECT})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'redblue-backup-test-'))
  const cleanup: (() => Promise<unknown>)[] = []
  let source: Db
  let sourceTarget: BackupTarget

  afterAll(async () => {
    for (const close of cleanup.reverse()) await close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  })

  /** An empty database of this backend and its upload folder. */
  async function emptyTarget(name: string): Promise<{ target: BackupTarget; open: () => Promise<Db> }> {
    const uploadDir = join(dir, `${name}-uploads`)
    if (ON_POSTGRES) {
      const db: TestDb = await createTestDb({ migrate: false })
      cleanup.push(() => db.close())
      return { target: { kind: 'postgres', url: db.url!, uploadDir }, open: () => Promise.resolve(db) }
    }
    const dataDir = join(dir, `${name}-pglite`)
    return {
      target: { kind: 'pglite', dataDir, uploadDir },
      open: async () => {
        const db = await createDb({ dataDir })
        cleanup.push(() => db.close())
        return db
      },
    }
  }

  beforeAll(async () => {
    const made = await emptyTarget('source')
    sourceTarget = made.target
    source = await made.open()
    await source.migrate()
    await seedDemo(source.prisma)
    // Evidence files as the upload store writes them (nested folders, binary content).
    for (const [i, name] of ['2026/q4/a.pdf', '2026/q4/b.jpg', 'c.docx'].entries()) {
      const file = join(sourceTarget.uploadDir, name)
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(file, randomBytes(2048 * (i + 1)))
    }
  }, 600_000)

  it('restores every table and every file exactly, and refuses a non-empty target', { timeout: 600_000 }, async () => {
    // PGlite: the server process owns the folder; the backup asks it over the control socket.
    const control = ON_POSTGRES ? null : await serveControlSocket(source)
    const file = join(dir, 'backup.tar')
    let started = Date.now()
    const manifest = await backup(sourceTarget, file, 'test')
    const backupMs = Date.now() - started
    control?.close()
    expect(manifest.kind).toBe(PROJECT)
    expect(manifest.migrations.length).toBeGreaterThan(0)
    expect(Object.keys(manifest.files)).toHaveLength(3)

    const before = await checksum(source.prisma)
    const filesBefore = await hashTree(sourceTarget.uploadDir)
    expect(Object.values(before).some((t) => t.rows > 1000)).toBe(true)

    const fresh = await emptyTarget('restored')
    started = Date.now()
    await restore(fresh.target, file)
    const restoreMs = Date.now() - started
    const restored = await fresh.open()
    expect(changedTables(before, await checksum(restored.prisma))).toEqual([])
    expect(await hashTree(fresh.target.uploadDir)).toEqual(filesBefore)
    const migrations = await restored.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations"`
    expect(migrations[0]!.n).toBe(manifest.migrations.length)
    if (!ON_POSTGRES) await restored.close()

    // A second restore into the now non-empty place is refused and changes nothing…
    await expect(restore(fresh.target, file)).rejects.toThrow(BackupError)
    await expect(restore(fresh.target, file)).rejects.toThrow(/--force/)
    // …unless forced.
    await restore(fresh.target, file, { force: true })
    const again = await fresh.open()
    expect(changedTables(before, await checksum(again.prisma))).toEqual([])

    reportFigures('backup', {
      backupMs,
      restoreMs,
      archiveKiB: Math.round(statSync(file).size / 1024),
      tables: Object.keys(before).length,
      rows: Object.values(before).reduce((n, t) => n + t.rows, 0),
      files: Object.keys(filesBefore).length,
    })
  })
})
