/**
 * Runs `work` once the browser has nothing more urgent to do (after the page has painted and
 * handled input), and at the latest after `timeout` ms. Work that the page on screen does not need
 * waits here instead of competing with it.
 */
export function whenIdle(work: () => void, timeout = 3_000): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(work, { timeout })
  else setTimeout(work, 200)
}
