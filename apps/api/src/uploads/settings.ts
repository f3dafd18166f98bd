import { resolve } from 'node:path'
import { REPO_ROOT } from '@redblue/db'
import { env } from '../env'
import type { UploadSettings } from './storage'

export type { UploadSettings } from './storage'

/** UPLOAD_DIR, else `<REDBLUE_DATA_DIR or <repo>/.data>/uploads`; UPLOAD_MAX_BYTES (10 MB). */
export function defaultUploadSettings(): UploadSettings {
  const dataDir = env.REDBLUE_DATA_DIR ?? resolve(REPO_ROOT, '.data')
  return {
    dir: resolve(env.UPLOAD_DIR ?? resolve(dataDir, 'uploads')),
    maxBytes: env.UPLOAD_MAX_BYTES,
  }
}
