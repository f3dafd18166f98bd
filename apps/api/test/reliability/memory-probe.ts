// Preloaded into the server under load (node --expose-gc --import): once a second it collects
// garbage and reports what is still alive on stderr, so the load test sees retained memory
// (a leak) rather than the garbage collector's sawtooth. Test-only; never in production.
const collect = (globalThis as { gc?: () => void }).gc
const timer = setInterval(() => {
  collect?.()
  const { rss, heapUsed } = process.memoryUsage()
  process.stderr.write(
    `[memory] ${JSON.stringify({ t: Date.now(), rss, heapUsed, gc: !!collect })}\n`,
  )
}, 1000)
timer.unref()
