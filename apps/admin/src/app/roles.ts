import type { Role } from '@/generated/graphql'

export type { Role }
export const ROLES: readonly Role[] = ['ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH']
