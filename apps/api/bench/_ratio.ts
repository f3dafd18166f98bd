import pg from 'pg'
import { ApiClient, startApi } from './api'
import { readLabel } from './database'
import { RANKING, TRENDS } from './documents'
import { rankingReference, trendReference } from './reference'
const url = 'postgresql://postgres@127.0.0.1:55432/redblue_bench'
const label = (await readLabel(url))!
const api = await startApi(url)
const pool = new pg.Pool({ connectionString: url, max: 6 })
const client = new ApiClient(api.url)
const leader = await client.login('leader')
const which = process.argv[2] ?? 'ranking'
const a: number[] = [],
  r: number[] = []
for (let i = 0; i < 25; i++) {
  const p = {
    roundId: label.lastRoundId,
    areaId: 1 + (i % 3),
    category: ['I', 'II', 'III'][i % 3]!,
  }
  if (which === 'ranking') {
    a.push((await client.gql(RANKING, p, leader)).ms)
    const t = performance.now()
    await rankingReference(pool, p)
    r.push(performance.now() - t)
  } else {
    const q = { areaId: p.areaId, category: p.category, untilRoundId: label.lastRoundId, rounds: 5 }
    a.push((await client.gql(TRENDS, q, leader)).ms)
    const t = performance.now()
    await trendReference(pool, q)
    r.push(performance.now() - t)
  }
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[Math.floor(x.length / 2)]!
console.log(
  which,
  'api',
  med(a).toFixed(1),
  'ref',
  med(r).toFixed(1),
  'ratio',
  (med(a) / med(r)).toFixed(2),
)
await pool.end()
await api.close()
