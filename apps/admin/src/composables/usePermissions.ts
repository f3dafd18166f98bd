import { computed } from 'vue'
import { session } from '@/store/session'

/** Leaders read everything and change nothing (R12); administrators configure. */
export function usePermissions() {
  return {
    canConfigure: computed(() => session.role.value === 'ADMIN'),
    role: session.role,
    user: session.user,
  }
}
