import type { Router } from 'vue-router'
import { withDiscrete } from '@/plugins/discrete-later'
import { t } from '@/plugins/i18n'

/** Where the page last reloaded itself for a page whose code was gone, and when. */
const RELOADED_KEY = 'redblue:reloaded-for'
/** A second failure for the same page within this long is not a new release: say so instead. */
const RELOAD_WINDOW_MS = 60_000

/** What Chromium, Firefox and Safari throw when a lazily imported file cannot be fetched. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message)
}

/**
 * A tab opened before a new release asks for page code by the old build's file names, which the
 * server no longer has: the navigation would fail and leave the page empty. The page is loaded
 * again at the address asked for, which brings the new build. Once per page and minute, so a
 * file that is missing for another reason (the network, a broken deployment) ends in a message,
 * not in reloads without end.
 */
export function setupReloadOnNewRelease(router: Router, reload: (path: string) => void = (path) => window.location.assign(path)) {
  router.onError((error, to) => {
    if (!isChunkLoadError(error)) return
    const last = readLast()
    if (last?.path === to.fullPath && Date.now() - last.at < RELOAD_WINDOW_MS) {
      withDiscrete((api) => api.message.error(t('error.network')))
      return
    }
    sessionStorage.setItem(RELOADED_KEY, JSON.stringify({ path: to.fullPath, at: Date.now() }))
    reload(to.fullPath)
  })
}

function readLast(): { path: string; at: number } | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(RELOADED_KEY) ?? 'null') as { path?: unknown; at?: unknown } | null
    return value && typeof value.path === 'string' && typeof value.at === 'number' ? { path: value.path, at: value.at } : null
  } catch {
    return null
  }
}
