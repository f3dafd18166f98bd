import { readFile, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** Text the browser downloads; images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map', '.wasm', '.ttf'])
/** Below this, a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 512

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, at the
 * highest levels: done once here instead of per request, and the API sends whichever copy the
 * browser accepts (apps/api/src/http/static.ts). node:zlib has both, so nothing is added.
 */
export function precompress(): Plugin {
  return {
    name: 'redblue:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir
      if (!outDir) return
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.has(extname(name)) && !name.startsWith('.vite/'))
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name)
          const bytes = await readFile(path)
          if (bytes.length < MIN_BYTES) return
          const [br, gzipped] = await Promise.all([
            brotli(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
          ])
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)])
        }),
      )
    },
  }
}
