/**
 * `pnpm release`: one offline archive, `redblue-<version>-linux-x64.tar.gz`, that runs on a
 * machine with Node ≥ 20.19 and nothing else (no registry, no build tools, no TypeScript):
 *
 *   redblue-<v>/bin/redblue          start | migrate | admin create | backup | restore | version
 *   redblue-<v>/app/dist/cli.mjs     the API, our workspace packages bundled in (they ship as TS)
 *   redblue-<v>/app/node_modules     production dependencies only (`pnpm deploy --prod`)
 *   redblue-<v>/app/prisma/migrations  the SQL migrations (found beside dist/ at run time)
 *   redblue-<v>/admin                the built SPA
 *   redblue-<v>/data                 created at first start (PGlite folder, uploads)
 *
 * Run after `turbo run build` (the root `pnpm release` does both). RELEASE_OUT_DIR moves the output
 * (default <repo>/release).
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const API_DIR = fileURLToPath(new URL('..', import.meta.url))
const REPO = resolve(API_DIR, '../..')
const version = (JSON.parse(readFileSync(join(API_DIR, 'package.json'), 'utf8')) as { version: string }).version
const name = `redblue-${version}`
const outRoot = resolve(process.env.RELEASE_OUT_DIR ?? join(REPO, 'release'))
const root = join(outRoot, name)
const app = join(root, 'app')
const archive = join(outRoot, `${name}-linux-x64.tar.gz`)
const started = Date.now()

const adminDist = join(REPO, 'apps/admin/dist')
if (!existsSync(join(adminDist, 'index.html'))) throw new Error(`build the SPA first: ${adminDist} is missing`)

rmSync(root, { recursive: true, force: true })
rmSync(archive, { force: true })
mkdirSync(outRoot, { recursive: true })

// Production dependencies from the local store: no registry needed when the store is warm.
execFileSync('pnpm', ['--filter', '@redblue/api', 'deploy', '--prod', '--prefer-offline', '--legacy', '--config.auto-install-peers=false', app], {
  cwd: REPO,
  stdio: 'inherit',
})
// The deployed package is our source; only its package.json and node_modules are kept.
for (const entry of readdirSync(app)) {
  if (entry !== 'package.json' && entry !== 'node_modules') rmSync(join(app, entry), { recursive: true, force: true })
}
// Workspace packages are TypeScript source: they are bundled below, never loaded from here.
rmSync(join(app, 'node_modules/@redblue'), { recursive: true, force: true })
const store = join(app, 'node_modules/.pnpm')
for (const entry of readdirSync(store)) {
  // TypeScript comes only as a (required) peer of @prisma/client's type declarations.
  if (/^(typescript@|@redblue\+)/.test(entry)) rmSync(join(store, entry), { recursive: true, force: true })
}
// Prisma's runtime ships a query compiler per database (≈ 60 MB); ours is PostgreSQL's, in the
// variant the generated client imports (its internal/class.ts).
for (const entry of readdirSync(store).filter((e) => e.startsWith('@prisma+client@'))) {
  const runtime = join(store, entry, 'node_modules/@prisma/client/runtime')
  for (const file of readdirSync(runtime)) {
    const otherCompiler = file.startsWith('query_compiler_') && !file.startsWith('query_compiler_fast_bg.postgresql.')
    if (otherCompiler || file.endsWith('.map') || file.startsWith('wasm-compiler-edge')) rmSync(join(runtime, file))
  }
}

await build({
  entryPoints: [join(API_DIR, 'src/cli/index.ts')],
  outfile: join(app, 'dist/cli.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'linked',
  legalComments: 'none',
  define: { __REDBLUE_VERSION__: JSON.stringify(version) },
  // Our code (and the workspace packages it imports) is bundled; npm packages stay in node_modules.
  plugins: [
    {
      name: 'externals',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@redblue/') ? undefined : { path: args.path, external: true },
        )
      },
    },
  ],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
})
cpSync(join(REPO, 'packages/db/prisma/migrations'), join(app, 'prisma/migrations'), { recursive: true })
cpSync(adminDist, join(root, 'admin'), { recursive: true })

mkdirSync(join(root, 'bin'), { recursive: true })
writeFileSync(
  join(root, 'bin/redblue'),
  `#!/bin/sh
# RedBlue ${version}: see docs/operations.md. Every setting is an environment variable
# (apps/api/src/env.ts); the defaults below keep data inside this folder.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export NODE_ENV="\${NODE_ENV:-production}"
export REDBLUE_DATA_DIR="\${REDBLUE_DATA_DIR:-$ROOT/data/pglite}"
export UPLOAD_DIR="\${UPLOAD_DIR:-$ROOT/data/uploads}"
export ADMIN_DIST_DIR="\${ADMIN_DIST_DIR:-$ROOT/admin}"
export NODE_OPTIONS="--max-semi-space-size=64 \${NODE_OPTIONS:-}"
exec node "$ROOT/app/dist/cli.mjs" "$@"
`,
)
chmodSync(join(root, 'bin/redblue'), 0o755)
writeFileSync(join(root, 'VERSION'), `${version}\n`)

execFileSync('tar', ['-czf', archive, '-C', outRoot, name])
const bytes = statSync(archive).size
console.log(`${archive}\n${(bytes / 1024 / 1024).toFixed(1)} MiB, built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
