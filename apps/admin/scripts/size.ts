/**
 * Gzipped JavaScript each route loads, read from the build's manifest: the entry chunk and its
 * static imports, the layout for pages inside it, and the page's own chunk with its imports.
 * Run after `pnpm build`. Fails when the sign-in route is over its budget (brotli, as the API
 * sends it; the same check as test/sign-in-budget.test.ts).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import {
  chunkClosure,
  entryKey,
  pageScripts,
  readManifest,
  routePages,
  SIGN_IN_JS_BUDGET_BYTES,
  transferredBytes,
  type ManifestChunk,
} from '../build/route-js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

let manifest: Record<string, ManifestChunk>
try {
  manifest = readManifest(dist)
} catch {
  console.error('No build found: run `pnpm --filter @redblue/admin build` first.')
  process.exit(1)
}

/** The chunk and everything it imports statically (what the browser fetches before running it). */
const closure = (key: string, files?: Set<string>) => chunkClosure(manifest, key, files)

const gzipCache = new Map<string, { raw: number; gzip: number }>()
function sizeOf(file: string) {
  let size = gzipCache.get(file)
  if (!size) {
    const bytes = readFileSync(join(dist, file))
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    gzipCache.set(file, size)
  }
  return size
}

const entry = entryKey(manifest)
const layoutKey = 'src/layouts/BasicLayout.vue'

const routes = routePages(root)

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7)
const rows = routes
  .filter((route) => route.page !== layoutKey)
  .map((route) => {
    const files = closure(entry)
    if (route.inLayout) closure(layoutKey, files)
    if (route.lazy) closure(route.page, files)
    const js = [...files].filter((f) => f.endsWith('.js'))
    const total = js.reduce(
      (sum, f) => ({ raw: sum.raw + sizeOf(f).raw, gzip: sum.gzip + sizeOf(f).gzip }),
      { raw: 0, gzip: 0 },
    )
    const chunk = manifest[route.page]
    const own = chunk ? sizeOf(chunk.file).gzip : 0
    return { ...route, chunks: js.length, own, ...total }
  })

console.log(`${'route'.padEnd(22)} ${'chunks'.padStart(6)} ${'page gz'.padStart(9)} ${'total raw'.padStart(10)} ${'total gz'.padStart(9)}  (KB)`)
for (const row of rows) {
  console.log(
    `${row.name.padEnd(22)} ${String(row.chunks).padStart(6)} ${kb(row.own).padStart(9)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(9)}`,
  )
}

const signIn = rows.find((row) => row.name === 'sign-in')
if (!signIn) throw new Error('No sign-in route found in src/router/routes.ts')
const signInBr = pageScripts(dist, signIn).reduce((sum, file) => sum + transferredBytes(dist, file), 0)
console.log(
  `\nsign-in loads ${(signIn.gzip / 1024).toFixed(1)} KB gzipped, ${(signInBr / 1024).toFixed(1)} KB as sent (brotli; budget ${SIGN_IN_JS_BUDGET_BYTES / 1024} KB)`,
)
if (signInBr > SIGN_IN_JS_BUDGET_BYTES) {
  console.error('Over budget.')
  process.exit(1)
}
