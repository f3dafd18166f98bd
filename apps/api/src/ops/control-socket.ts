import { rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { Db } from '@redblue/db'
import { logger } from '../log/logger'
import { controlSocketPath, dumpPglite } from './backup'

/**
 * The embedded database belongs to the server process: a second process must not open its folder.
 * `redblue backup` therefore asks the running server for a dump over a Unix socket beside the
 * folder — reachable only by whoever may read the folder itself (the socket's permissions).
 */
export async function serveControlSocket(db: Db): Promise<Server | null> {
  const pglite = db.pglite
  if (!pglite || db.location === 'memory://') return null
  const path = controlSocketPath(db.location)
  rmSync(path, { force: true })
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404).end()
      return
    }
    const started = Date.now()
    dumpPglite(pglite).then(
      ({ dump, migrations }) => {
        logger.info({ event: 'backup', bytes: dump.length, durationMs: Date.now() - started }, 'database dumped for backup')
        res
          .writeHead(200, { 'content-type': 'application/gzip', 'x-redblue-migrations': JSON.stringify(migrations) })
          .end(dump)
      },
      (error: unknown) => {
        logger.error({ err: error }, 'backup dump failed')
        res.writeHead(500).end('dump failed')
      },
    )
  })
  await new Promise<void>((done) => server.listen({ path, readableAll: false, writableAll: false }, done))
  server.unref()
  const remove = () => rmSync(path, { force: true })
  server.on('close', remove)
  process.once('exit', remove)
  return server
}
