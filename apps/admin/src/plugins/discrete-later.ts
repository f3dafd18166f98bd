import type { discrete } from './discrete'

type Api = ReturnType<typeof discrete>

let loading: Promise<Api> | undefined

/**
 * Messages and the loading bar for the start-up code (the GraphQL client's error handling, the
 * progress guard). naive-ui's discrete API (message, dialog, notification, loading bar: ~60 KB)
 * is fetched after the first page has rendered instead of before: the sign-in form needs none of
 * it. Runs `use` once it is there; created from a promise callback, never inside a guard's own
 * turn (see discrete.ts).
 */
export function withDiscrete(use: (api: Api) => void = () => undefined): void {
  loading ??= import('./discrete').then((module) => module.discrete())
  void loading.then(use)
}
