/**
 * The offline release as an operator meets it: unpack `redblue-<v>-linux-x64.tar.gz` (built by
 * `pnpm release`, .ci/run does it first) into a fresh folder and, inside a network namespace with
 * nothing but loopback (`unshare -n`), create the first admin, start it, sign in and run a GraphQL
 * query, take a backup while it runs. Needs root (unshare) and the built archive.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const API_DIR = fileURLToPath(new URL('../..', import.meta.url))
const VERSION = (JSON.parse(readFileSync(join(API_DIR, 'package.json'), 'utf8')) as { version: string }).version
const ARCHIVE =
  process.env.RELEASE_ARCHIVE || join(API_DIR, `../../release/redblue-${VERSION}-linux-x64.tar.gz`)
const PORT = Number(process.env.RELEASE_TEST_PORT || 4271)

/** Runs inside the namespace: waits for /ready, signs in, queries, and prints one JSON line. */
const CLIENT = `
const base = 'http://127.0.0.1:' + process.env.PORT
const t0 = Number(process.env.T0)
const headers = { 'content-type': 'application/json', 'x-redblue-csrf': '1' }
const gql = async (query, variables, cookie) => {
  const res = await fetch(base + '/graphql', { method: 'POST', headers: { ...headers, ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) })
  return { body: await res.json(), cookie: (res.headers.get('set-cookie') || '').split(';')[0] }
}
let ready = 0
for (let i = 0; i < 2400 && !ready; i++) {
  try { if ((await fetch(base + '/ready')).status === 200) ready = Date.now() } catch {}
  if (!ready) await new Promise((r) => setTimeout(r, 100))
}
if (!ready) { console.log(JSON.stringify({ startMs: null })); process.exit(0) }
const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }'
const demo = await gql(LOGIN, { u: 'admin', p: 'RedBlue@2026' })
const login = await gql(LOGIN, { u: 'operator', p: process.env.ADMIN_PASSWORD })
const me = await gql('query Me { me { username role mustChangePassword } areas { id } }', {}, login.cookie)
const spa = await fetch(base + '/')
const html = await spa.text()
const asset = /src="(\\/assets\\/[^"]+\\.js)"/.exec(html)?.[1]
const assetStatus = asset ? (await fetch(base + asset)).status : 0
console.log(JSON.stringify({ startMs: ready ? ready - t0 : null, demo: demo.body.data?.login?.__typename, login: login.body.data?.login?.__typename, me: me.body.data?.me, areas: me.body.data?.areas?.length, spa: spa.status, assetStatus }))
`

/** The operator's environment: none of the developer's database or demo settings leak in. */
function releaseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra }
  for (const key of ['DATABASE_URL', 'TEST_DATABASE_URL', 'REDBLUE_DEMO', 'REDBLUE_DATA_DIR', 'UPLOAD_DIR', 'ADMIN_DIST_DIR', 'LOG_LEVEL']) {
    delete env[key]
  }
  // What bin/redblue defaults to; this suite itself runs with NODE_ENV=test.
  return { ...env, NODE_ENV: 'production' }
}

describe('the offline release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redblue-release-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('unpacks, starts with no network, signs in, answers GraphQL and backs up', { timeout: 600_000 }, () => {
    expect(existsSync(ARCHIVE), `${ARCHIVE} missing: run \`pnpm release\` first`).toBe(true)
    const archiveBytes = statSync(ARCHIVE).size
    execFileSync('tar', ['-xzf', ARCHIVE, '-C', dir])
    const root = join(dir, `redblue-${VERSION}`)
    const bin = join(root, 'bin/redblue')

    // Compiled JavaScript only: no TypeScript, no tsx, no sources of ours in the archive.
    const store = readdirSync(join(root, 'app/node_modules/.pnpm'))
    expect(store.filter((e) => /^(typescript|tsx|esbuild|vite|vitest)@/.test(e))).toEqual([])
    expect(existsSync(join(root, 'app/src'))).toBe(false)
    expect(execFileSync(bin, ['version'], { encoding: 'utf8' }).trim()).toBe(VERSION)

    writeFileSync(join(dir, 'client.mjs'), CLIENT)
    const password = 'Blue#River-2026x'
    const script = [
      'set -e',
      'ip link set lo up',
      // No route anywhere but loopback: the release must not need one.
      `! node -e "require('net').connect(443, '1.1.1.1').on('error', () => process.exit(1)).on('connect', () => process.exit(0))"`,
      `printf '%s\\n' "$ADMIN_PASSWORD" | "${bin}" admin create --username operator`,
      `if printf '%s\\n' "$ADMIN_PASSWORD-2" | "${bin}" admin create --username second 2>/dev/null; then echo "second admin created"; exit 1; fi`,
      `export T0=$(date +%s%3N)`,
      `"${bin}" start > "${dir}/server.log" 2>&1 &`,
      'server=$!',
      `node "${dir}/client.mjs"`,
      `"${bin}" backup "${dir}/running.tar" > "${dir}/backup.log"`,
      'kill $server; wait $server || true',
    ].join('\n')
    let out: string
    try {
      out = execFileSync('unshare', ['-n', 'bash', '-c', script], {
        env: releaseEnv({ PORT: String(PORT), HOST: '127.0.0.1', ADMIN_PASSWORD: password }),
        encoding: 'utf8',
        timeout: 560_000,
      })
    } catch (error) {
      const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : ''
      throw new Error(`${(error as Error).message}\n--- server log ---\n${log}`, { cause: error })
    }
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>
    const log = readFileSync(join(dir, 'server.log'), 'utf8')
    expect(result, log).toMatchObject({
      demo: 'AuthenticationError',
      login: 'User',
      me: { username: 'operator', role: 'ADMIN', mustChangePassword: false },
      areas: 0,
      spa: 200,
      assetStatus: 200,
    })
    expect(typeof result.startMs).toBe('number')
    // The JSON request log is there, with the operation names.
    expect(log).toMatch(/"operation":"Me"/)
    expect(readFileSync(join(dir, 'backup.log'), 'utf8')).toMatch(/备份完成/)
    expect(statSync(join(dir, 'running.tar')).size).toBeGreaterThan(100_000)
    console.log(
      `[release] archive ${(archiveBytes / 1024 / 1024).toFixed(1)} MiB, start to ready with no network ${String(result.startMs)} ms`,
    )
  })
})
