/**
 * `pnpm start` / `pnpm --filter @redblue/api serve`: the server from source (see cli/start.ts).
 * The release runs the same code compiled, through `bin/redblue start`.
 */
import { start } from './cli/start'

start().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
