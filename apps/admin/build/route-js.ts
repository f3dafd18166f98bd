import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Compressed JavaScript the sign-in page may transfer (brotli, as the API sends it). */
export const SIGN_IN_JS_BUDGET_BYTES = 120 * 1024

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

/**
 * The JavaScript files a page needs before it can run, read from a build's manifest: the entry
 * chunk, the page's own chunk, and everything either imports statically.
 */
export function pageScripts(dist: string, page: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (!entry) throw new Error('The manifest has no entry chunk')
  if (!manifest[page]) throw new Error(`The manifest has no chunk for ${page}`)
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(entry)
  visit(page)
  return [...files].filter((file) => file.endsWith('.js'))
}

/** Bytes of a built file as sent to a browser accepting brotli: its `.br` copy when there is one. */
export function transferredBytes(dist: string, file: string): number {
  const br = join(dist, `${file}.br`)
  return statSync(existsSync(br) ? br : join(dist, file)).size
}
