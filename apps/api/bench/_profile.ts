import { ApiClient, startApi } from './api'
import { readLabel } from './database'
import { RANKING, TRENDS, DRILLDOWN } from './documents'
const url = 'postgresql://postgres@127.0.0.1:55432/redblue_bench'
const label = (await readLabel(url))!
const api = await startApi(url)
const client = new ApiClient(api.url)
const leader = await client.login('leader')
const which = process.argv[2] ?? 'ranking'
const doc = which === 'trend' ? TRENDS : which === 'drilldown' ? DRILLDOWN : RANKING
const vars =
  which === 'trend'
    ? { areaId: 1, category: 'I', untilRoundId: label.lastRoundId, rounds: 5 }
    : which === 'drilldown'
      ? { assessmentId: 200000 }
      : { roundId: label.lastRoundId, areaId: 1, category: 'I' }
const times: number[] = []
for (let i = 0; i < 30; i++) {
  const r = await client.gql(doc, vars, leader)
  times.push(r.ms)
  if (r.body.errors) console.log(r.body.errors)
}
console.log(times.map((t) => t.toFixed(0)).join(' '))
await api.close()
