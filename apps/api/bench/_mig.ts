import { migrateDatabase } from './database'
console.log(await migrateDatabase('postgresql://postgres@127.0.0.1:55432/redblue_bench'))
console.log(await migrateDatabase('postgresql://postgres@127.0.0.1:55432/redblue_bench_300'))
