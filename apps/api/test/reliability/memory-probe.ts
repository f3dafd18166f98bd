// Preloaded into the server under load (node --import): reports its memory twice a second on
// stderr, so the load test can check RSS and heapUsed stay bounded. Test-only; never in production.
const timer = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage()
  process.stderr.write(`[memory] ${JSON.stringify({ t: Date.now(), rss, heapUsed })}\n`)
}, 500)
timer.unref()
