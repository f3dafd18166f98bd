import type { Db } from '@redblue/db'
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/**
 * Prometheus metrics of this process (`GET /metrics`). Each replica is scraped on its own, so
 * per-process counters are what Prometheus expects — nothing here is state another replica needs.
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: 'redblue_' })

export const requestDuration = new Histogram({
  name: 'redblue_request_duration_seconds',
  help: 'Duration of HTTP requests by GraphQL operation (or route) and outcome',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

type Pool = NonNullable<Db['pool']>
let observed: Pool | null = null

/** Which pool the gauges read (PostgreSQL); PGlite has one in-process connection and no pool. */
export function observeDbPool(db: Pick<Db, 'pool'>): void {
  observed = db.pool ?? null
}

function poolGauge(name: string, help: string, read: (pool: Pool) => number | undefined) {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      if (observed) this.set(read(observed) ?? 0)
    },
  })
}

poolGauge('redblue_db_pool_connections', 'Open connections in the database pool', (p) => p.totalCount)
poolGauge('redblue_db_pool_idle', 'Idle connections in the database pool', (p) => p.idleCount)
poolGauge('redblue_db_pool_waiting', 'Queries waiting for a pooled connection', (p) => p.waitingCount)
poolGauge('redblue_db_pool_max', 'Size limit of the database pool', (p) => p.options.max)
