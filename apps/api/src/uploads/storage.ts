import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { ValidationError } from '../errors'

/**
 * Evidence files (问题佐证、整改材料). Only pdf/jpg/png/docx/xlsx are accepted, checked on both the
 * extension and the leading bytes, up to a size limit. Bytes go to the configured folder under a
 * random name (never the client's), and the client's name is kept, sanitized, for display and
 * download only. A file is written to `<random>.part` first and renamed when complete, so an
 * interrupted or refused upload leaves neither a row nor a finished-looking file behind.
 */
export interface UploadSettings {
  dir: string
  maxBytes: number
}

interface FileKind {
  ext: string
  mimeType: string
  matches: (head: Buffer, all: Buffer) => boolean
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** An OOXML package is a zip whose entries live under word/ (docx) or xl/ (xlsx). */
const zipWith = (folder: string) => (head: Buffer, all: Buffer) =>
  startsWith(head, ZIP) && all.includes(Buffer.from(folder, 'latin1'))

const KINDS: FileKind[] = [
  {
    ext: 'pdf',
    mimeType: 'application/pdf',
    matches: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  },
  { ext: 'jpg', mimeType: 'image/jpeg', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { ext: 'jpeg', mimeType: 'image/jpeg', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  {
    ext: 'png',
    mimeType: 'image/png',
    matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    ext: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: zipWith('word/'),
  },
  {
    ext: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: zipWith('xl/'),
  },
]

export const ALLOWED_EXTENSIONS = KINDS.map((k) => k.ext)
/** Files per request (the SPA offers at most 10); without it one request could store thousands. */
export const MAX_FILES_PER_REQUEST = 10
const STORED_NAME = /^[0-9a-f-]{36}\.(pdf|jpg|jpeg|png|docx|xlsx)$/

/**
 * The client's file name reduced to a safe display name: last path segment only (both slash
 * kinds), no control or reserved characters, no leading dots, at most 120 characters.
 */
export function sanitizeFileName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? ''
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
  if (!cleaned) return 'file'
  if (cleaned.length <= 120) return cleaned
  const dot = cleaned.lastIndexOf('.')
  const ext = dot > 0 ? cleaned.slice(dot) : ''
  return cleaned.slice(0, 120 - ext.length) + ext
}

export interface StoredFile {
  originalName: string
  storedName: string
  mimeType: string
  size: number
  sha256: string
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(0)} MB`
    : `${Math.ceil(bytes / 1024)} KB`
}

/** Streams one upload to disk under a random name, checking size, extension and content. */
export async function storeFile(file: File, settings: UploadSettings): Promise<StoredFile> {
  const originalName = sanitizeFileName(file.name)
  const dot = originalName.lastIndexOf('.')
  const ext = dot > 0 ? originalName.slice(dot + 1).toLowerCase() : ''
  const candidates = KINDS.filter((k) => k.ext === ext)
  if (candidates.length === 0) {
    throw ValidationError.field(
      ['files'],
      `不支持的文件类型“${originalName}”，仅允许 ${ALLOWED_EXTENSIONS.join('、')}`,
      'FILE_TYPE',
    )
  }
  const tooBig = () =>
    ValidationError.field(
      ['files'],
      `文件“${originalName}”超过 ${formatSize(settings.maxBytes)} 上限`,
      'FILE_TOO_LARGE',
    )
  if (file.size > settings.maxBytes) throw tooBig()

  await mkdir(settings.dir, { recursive: true })
  const storedName = `${randomUUID()}.${ext}`
  const finalPath = join(settings.dir, storedName)
  const partPath = `${finalPath}.part`
  const handle = await open(partPath, 'wx', 0o600)
  const hash = createHash('sha256')
  const chunks: Buffer[] = []
  let size = 0
  let done = false
  try {
    const reader = file.stream().getReader()
    for (;;) {
      const { value, done: end } = await reader.read()
      if (end) break
      size += value.byteLength
      if (size > settings.maxBytes) {
        await reader.cancel()
        throw tooBig()
      }
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      hash.update(chunk)
      chunks.push(chunk)
      await handle.write(chunk)
    }
    await handle.close()
    const all = Buffer.concat(chunks, size)
    const kind = candidates.find((k) => k.matches(all.subarray(0, 16), all))
    if (!kind || size === 0) {
      throw ValidationError.field(
        ['files'],
        `文件“${originalName}”的内容与扩展名不符`,
        'FILE_CONTENT',
      )
    }
    await rename(partPath, finalPath)
    done = true
    return { originalName, storedName, mimeType: kind.mimeType, size, sha256: hash.digest('hex') }
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined)
      await unlink(partPath).catch(() => undefined)
    }
  }
}

/** Removes stored files (a failed transaction, a deleted finding); missing files are ignored. */
export async function removeFiles(settings: UploadSettings, storedNames: string[]): Promise<void> {
  await Promise.all(
    storedNames
      .filter((n) => STORED_NAME.test(n))
      .map((n) => unlink(join(settings.dir, n)).catch(() => undefined)),
  )
}

/**
 * Stores every file, then runs `write` (which creates the rows, inside the caller's transaction).
 * If anything fails — a refused file, the stream breaking off, the transaction — every file
 * stored so far is removed again, so no row ever points at a missing file and no file is orphaned.
 */
export async function withStoredFiles<T>(
  files: readonly File[],
  settings: UploadSettings,
  write: (stored: StoredFile[]) => Promise<T>,
): Promise<T> {
  if (files.length > MAX_FILES_PER_REQUEST) {
    throw ValidationError.field(
      ['files'],
      `一次最多上传 ${MAX_FILES_PER_REQUEST} 个文件`,
      'FILE_COUNT',
    )
  }
  const stored: StoredFile[] = []
  try {
    for (const file of files) stored.push(await storeFile(file, settings))
    return await write(stored)
  } catch (error) {
    await removeFiles(
      settings,
      stored.map((s) => s.storedName),
    )
    throw error
  }
}

/** A stored file for download, or null if the name is not one of ours or the file is gone. */
export async function openStored(
  settings: UploadSettings,
  storedName: string,
): Promise<{ stream: Readable; size: number } | null> {
  if (!STORED_NAME.test(storedName)) return null
  const path = join(settings.dir, storedName)
  try {
    const info = await stat(path)
    if (!info.isFile()) return null
    return { stream: createReadStream(path), size: info.size }
  } catch {
    return null
  }
}
