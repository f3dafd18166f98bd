import { readMigrations } from '@redblue/db'
import { registry } from '../metrics'
import { textResponse, type Route, type RouteContext } from './route'

/**
 * Probes for the proxy, systemd and monitoring (yoga itself answers `/health`: the process is up):
 *
 *   /ready     200 when the database answers and every migration this release ships is applied
 *              (a replica started before `redblue migrate` ran stays out of rotation), else 503
 *   /metrics   Prometheus text format (request durations by operation, database pool use)
 */

let shipped: string[] | null = null

async function ready(ctx: RouteContext): Promise<Response> {
  shipped ??= readMigrations().map((migration) => migration.name)
  let applied: Set<string>
  try {
    const rows = await ctx.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    applied = new Set(rows.map((row) => row.migration_name))
  } catch {
    return textResponse(ctx, 503, 'database unreachable')
  }
  const pending = shipped.filter((name) => !applied.has(name))
  return pending.length
    ? textResponse(ctx, 503, `migrations pending: ${pending.length}`)
    : textResponse(ctx, 200, 'ready')
}

async function metrics(ctx: RouteContext): Promise<Response> {
  return new ctx.Response(await registry.metrics(), {
    status: 200,
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  })
}

export const opsRoutes: Route[] = [
  { pattern: /^\/ready$/, handler: ready },
  { pattern: /^\/metrics$/, handler: metrics },
]
