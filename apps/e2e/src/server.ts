import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { env } from './env'

export interface RunningServer {
  url: string
  dataDir: string
  /** Everything the server printed so far (for failure messages). */
  log: () => string
  stop: () => Promise<void>
}

const API_DIR = fileURLToPath(new URL('../../api/', import.meta.url))
/** The built SPA the server serves at `/` (E2E_ADMIN_DIST overrides). */
export const ADMIN_DIST =
  env.adminDist ?? fileURLToPath(new URL('../../admin/dist/', import.meta.url))

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/**
 * Starts the real server (`apps/api/src/main.ts`, as `pnpm start` runs it) as a child process on a
 * free loopback port, with a fresh embedded PGlite database in a temporary folder: start-up
 * migrates and seeds the demo data (REDBLUE_DEMO), and the built SPA is served from apps/admin/dist.
 * `fixedPort` instead of a free one: for callers given a port range (the admin benchmark).
 */
export async function startServer(timeoutMs = 300_000, fixedPort?: number): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'redblue-e2e-'))
  // Serve a copy of the SPA: a rebuild of apps/admin/dist during the run (another terminal, an
  // editor's watcher) would otherwise swap the asset hashes under the open pages.
  const spaDir = join(dataDir, 'spa')
  await cp(ADMIN_DIST, spaDir, { recursive: true })
  const port = fixedPort ?? (await freePort())
  const tsx = createRequire(import.meta.url).resolve('tsx')
  const childEnv: Record<string, string | undefined> = {
    ...env.inherited,
    NODE_ENV: 'production',
    // A production start loads no demo data unless asked; the journeys sign in as the demo users.
    REDBLUE_DEMO: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    REDBLUE_DATA_DIR: dataDir,
    ADMIN_DIST_DIR: spaDir,
    COOKIE_SECURE: 'false',
  }
  // A fresh embedded database every run, whatever the shell points at.
  delete childEnv.DATABASE_URL
  delete childEnv.UPLOAD_DIR

  const child = spawn(process.execPath, ['--import', tsx, 'src/main.ts'], {
    cwd: API_DIR,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const onData = (chunk: Buffer) => {
    const text = chunk.toString()
    output += text
    if (env.serverLog) process.stdout.write(`[server] ${text}`)
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)

  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server did not start within ${timeoutMs / 1000} s`)),
        timeoutMs,
      )
      const onExit = (code: number | null) => {
        clearTimeout(timer)
        reject(new Error(`The server exited during start-up (code ${code})`))
      }
      child.once('exit', onExit)
      const poll = setInterval(() => {
        // main.ts prints this once it listens, after migrating and seeding.
        if (!output.includes('已启动')) return
        clearInterval(poll)
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve()
      }, 100)
    })
    const health = await fetch(`${url}/health`)
    if (!health.ok) throw new Error(`GET /health answered ${health.status}`)
  } catch (error) {
    child.kill('SIGKILL')
    await exited(child)
    if (!env.keepData) await rm(dataDir, { recursive: true, force: true })
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`, {
      cause: error,
    })
  }
  console.log(
    `e2e: server up at ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s (data ${dataDir})`,
  )

  return {
    url,
    dataDir,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        // It died during the run: the journeys' failures will point here.
        console.error(
          `e2e: the server exited early (code ${child.exitCode}); its last output:\n${output.split('\n').slice(-60).join('\n')}`,
        )
      } else {
        child.kill('SIGTERM')
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
        await exited(child)
        clearTimeout(killer)
      }
      if (!env.keepData) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
