import { readFileSync } from 'node:fs'

/**
 * The release version: the root package.json's `version`, baked in by the release build
 * (esbuild `define`); from source it is read from apps/api/package.json.
 */
declare const __REDBLUE_VERSION__: string | undefined

function fromSource(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0'
}

export const VERSION: string = typeof __REDBLUE_VERSION__ === 'string' ? __REDBLUE_VERSION__ : fromSource()
