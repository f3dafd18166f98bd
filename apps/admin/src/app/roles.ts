// Placeholder until the API schema lands; replaced by the generated Role type.
export type Role = 'ADMIN' | 'LEADER' | 'INSPECTOR' | 'BRANCH'
export const ROLES: readonly Role[] = ['ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH']
