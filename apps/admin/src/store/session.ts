import { computed, shallowRef } from 'vue'
import type { Role } from '@/app/roles'

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  orgId: number | null
  orgName: string | null
  mustChangePassword: boolean
}

export type SessionLoader = () => Promise<SessionUser | null>

/**
 * Who is signed in. The user is loaded once (the `me` query) by the first guarded navigation and
 * cleared on sign-out or when the API reports the session expired.
 */
export function createSessionStore(loader?: SessionLoader) {
  const user = shallowRef<SessionUser | null>(null)
  let load: SessionLoader | undefined = loader
  let pending: Promise<SessionUser | null> | undefined
  let loaded = false

  return {
    user,
    isSignedIn: computed(() => user.value !== null),
    role: computed(() => user.value?.role ?? null),
    setLoader(next: SessionLoader) {
      load = next
    },
    /** Whether the API has been asked (or told, by sign-in or sign-out) who is signed in. */
    isLoaded: () => loaded,
    /** Resolves the current user, asking the API only the first time. */
    async ensureLoaded(): Promise<SessionUser | null> {
      if (loaded) return user.value
      if (!load) return null
      pending ??= load()
        .then((value) => {
          user.value = value
          loaded = true
          return value
        })
        .finally(() => {
          pending = undefined
        })
      return pending
    },
    setUser(value: SessionUser) {
      user.value = value
      loaded = true
    },
    clear() {
      user.value = null
      loaded = true
    },
    hasRole(roles: readonly Role[] | undefined) {
      return !roles || (user.value !== null && roles.includes(user.value.role))
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>

export const session = createSessionStore()
