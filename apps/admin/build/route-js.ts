import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Compressed JavaScript the sign-in page may transfer (brotli, as the API sends it). */
export const SIGN_IN_JS_BUDGET_BYTES = 120 * 1024

export interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

/** A route's page module as src/router/routes.ts declares it. */
export interface RoutePage {
  name: string
  /** e.g. src/features/auth/pages/SignInPage.vue */
  page: string
  /** Loaded on demand (`() => import(…)`), or part of the entry chunk (a static import). */
  lazy: boolean
  /** Declared before `export const routes`: a child of the signed-in layout. */
  inLayout: boolean
}

/** The routes of src/router/routes.ts with their page modules, in declaration order. */
export function routePages(root: string): RoutePage[] {
  const source = readFileSync(join(root, 'src/router/routes.ts'), 'utf8')
  const layoutEnd = source.indexOf('export const routes')
  const imported = new Map([...source.matchAll(/^import (\w+) from '@\/([^']+\.vue)'/gm)].map((m) => [m[1], m[2]]))
  const pattern = /name: '([^']+)',\s*component: (?:\(\) => import\('@\/([^']+)'\)|(\w+))/g
  return [...source.matchAll(pattern)].flatMap((m) => {
    const [, name, lazyPage, staticName] = m
    const page = lazyPage ?? (staticName ? imported.get(staticName) : undefined)
    return name && page ? [{ name, page: `src/${page}`, lazy: !!lazyPage, inLayout: m.index < layoutEnd }] : []
  })
}

/** A build's manifest (`manifest: true` in vite.config.ts): each chunk by its source. */
export function readManifest(dist: string): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
}

/** The key of the entry chunk in a manifest. */
export function entryKey(manifest: Record<string, ManifestChunk>): string {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (!entry) throw new Error('The manifest has no entry chunk')
  return entry
}

/** A chunk's file and everything it imports statically (what the browser fetches before running it). */
export function chunkClosure(manifest: Record<string, ManifestChunk>, key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return files
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) chunkClosure(manifest, imported, files)
  return files
}

/**
 * The JavaScript files a page needs before it can run, read from a build's manifest: the entry
 * chunk, the page's own chunk when it is loaded on demand, and everything either imports statically.
 */
export function pageScripts(dist: string, route: RoutePage): string[] {
  const manifest = readManifest(dist)
  const page = route.lazy ? route.page : null
  if (page && !manifest[page]) throw new Error(`The manifest has no chunk for ${page}`)
  const files = chunkClosure(manifest, entryKey(manifest))
  if (page) chunkClosure(manifest, page, files)
  return [...files].filter((file) => file.endsWith('.js'))
}

/** Bytes of a built file as sent to a browser accepting brotli: its `.br` copy when there is one. */
export function transferredBytes(dist: string, file: string): number {
  const br = join(dist, `${file}.br`)
  return statSync(existsSync(br) ? br : join(dist, file)).size
}
