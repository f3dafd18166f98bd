/**
 * A private, throw-away PostgreSQL cluster for fault tests: `initdb` and `pg_ctl` from PG_BIN_DIR
 * (default /usr/lib/postgresql/15/bin) in a temp folder, on a free loopback port. Run as root
 * (CI), the binaries run as the `postgres` user via `su`, with the folder chowned to it — the
 * same recipe as .ci/run. The cluster can be stopped and started again on the same port.
 */
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const PG_BIN_DIR = process.env.PG_BIN_DIR || '/usr/lib/postgresql/15/bin'

/** Why a private cluster cannot be started here, or null when it can. */
export function clusterUnavailable(): string | null {
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(join(PG_BIN_DIR, tool))) {
      return `no PostgreSQL binaries: ${join(PG_BIN_DIR, tool)} is missing (set PG_BIN_DIR)`
    }
  }
  return null
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

const isRoot = () => process.getuid?.() === 0

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

async function sh(command: string, timeoutMs = 60_000): Promise<string> {
  if (isRoot()) {
    const { stdout } = await run('su', ['postgres', '-s', '/bin/bash', '-c', command], {
      timeout: timeoutMs,
    })
    return stdout
  }
  const { stdout } = await run('/bin/bash', ['-c', command], { timeout: timeoutMs })
  return stdout
}

export class PgCluster {
  readonly dir: string
  readonly port: number
  private running = false

  private constructor(dir: string, port: number) {
    this.dir = dir
    this.port = port
  }

  /** The `postgres` database of the cluster (trust auth on loopback). */
  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`
  }

  static async create(): Promise<PgCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'redblue-faults-pg-'))
    chmodSync(dir, 0o755)
    if (isRoot()) await run('chown', ['-R', 'postgres:postgres', dir])
    const cluster = new PgCluster(dir, await freePort())
    await sh(
      `${quote(join(PG_BIN_DIR, 'initdb'))} -D ${quote(join(dir, 'data'))} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >${quote(join(dir, 'initdb.log'))} 2>&1`,
      120_000,
    )
    await cluster.start()
    return cluster
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
    await sh(
      `${quote(join(PG_BIN_DIR, 'pg_ctl'))} -D ${quote(join(this.dir, 'data'))} -l ${quote(join(this.dir, 'server.log'))} -w -t 60 -o ${quote(options)} start >/dev/null`,
      90_000,
    )
    this.running = true
  }

  /** `fast` rolls back open transactions and disconnects clients, as an orderly shutdown does. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await sh(
      `${quote(join(PG_BIN_DIR, 'pg_ctl'))} -D ${quote(join(this.dir, 'data'))} -m ${mode} -w -t 60 stop >/dev/null`,
      90_000,
    )
    this.running = false
  }

  async destroy(): Promise<void> {
    if (this.running) await this.stop('immediate').catch(() => undefined)
    rmSync(this.dir, { recursive: true, force: true })
  }
}
