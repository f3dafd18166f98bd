import type { MeQuery } from '@/generated/graphql'

/**
 * The window property under which the signed-in index.html keeps its early `me` request
 * (`earlySessionScript` in build/early-session-script.ts).
 */
export const EARLY_SESSION_KEY = '__redblueSession'

/** What a `me` answer says, when it says it without errors. */
function meOf(body: unknown): MeQuery['me'] | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { data, errors } = body as { data?: unknown; errors?: unknown }
  if (errors !== undefined || typeof data !== 'object' || data === null || !('me' in data)) return undefined
  return (data as MeQuery).me
}

/**
 * The answer to the `me` request the signed-in index.html sent while the page's scripts were still
 * downloading: who is signed in (or null for nobody), or undefined when there is nothing to use (no
 * such request, a failed one, an answer with errors), and the API is asked as usual. Taken once:
 * any later check asks the API.
 */
export async function takeEarlySession(): Promise<MeQuery['me'] | undefined> {
  const holder = window as unknown as Record<string, unknown>
  const pending = holder[EARLY_SESSION_KEY]
  if (pending === undefined) return undefined
  delete holder[EARLY_SESSION_KEY]
  if (!(pending instanceof Promise)) return undefined
  return meOf(await pending.catch(() => undefined))
}
