import type { RouteRecordRaw } from 'vue-router'
import './meta'

const ADMIN = ['ADMIN'] as const
const STAFF = ['ADMIN', 'LEADER'] as const

/** Pages inside the signed-in layout. Every page is its own lazily loaded chunk. */
export const layoutRoutes: RouteRecordRaw[] = [
  {
    path: 'home',
    name: 'home',
    component: () => import('@/features/home/pages/HomePage.vue'),
    meta: { titleKey: 'route.home', menu: { group: 'work', order: 0 } },
  },
  {
    path: 'workbench',
    name: 'workbench',
    component: () => import('@/features/workbench/pages/MyAssignmentsPage.vue'),
    meta: {
      titleKey: 'route.workbench',
      roles: ['INSPECTOR', 'ADMIN'],
      menu: { group: 'work', order: 1 },
    },
  },
  {
    path: 'workbench/:assessmentId',
    name: 'workbench-assessment',
    component: () => import('@/features/workbench/pages/WorkbenchPage.vue'),
    props: true,
    meta: { titleKey: 'route.workbenchAssessment', roles: ['INSPECTOR', 'ADMIN'] },
  },
  {
    path: 'rounds',
    name: 'rounds',
    component: () => import('@/features/rounds/pages/RoundsPage.vue'),
    meta: { titleKey: 'route.rounds', roles: STAFF, menu: { group: 'work', order: 2 } },
  },
  {
    path: 'rounds/:roundId',
    name: 'round-detail',
    component: () => import('@/features/rounds/pages/RoundDetailPage.vue'),
    props: true,
    meta: { titleKey: 'route.roundDetail', roles: STAFF },
  },
  {
    path: 'disputes',
    name: 'disputes',
    component: () => import('@/features/disputes/pages/DisputesPage.vue'),
    meta: { titleKey: 'route.disputes', roles: ADMIN, menu: { group: 'work', order: 3 } },
  },
  {
    path: 'organizations',
    name: 'organizations',
    component: () => import('@/features/organizations/pages/OrganizationsPage.vue'),
    meta: { titleKey: 'route.organizations', roles: STAFF, menu: { group: 'config', order: 0 } },
  },
  {
    path: 'schemes',
    name: 'schemes',
    component: () => import('@/features/schemes/pages/SchemeEditorPage.vue'),
    meta: { titleKey: 'route.schemes', roles: STAFF, menu: { group: 'config', order: 1 } },
  },
  {
    path: 'rule-sets',
    name: 'rule-sets',
    component: () => import('@/features/rule-sets/pages/RuleSetsPage.vue'),
    meta: { titleKey: 'route.ruleSets', roles: STAFF, menu: { group: 'config', order: 2 } },
  },
  {
    path: 'problem-categories',
    name: 'problem-categories',
    component: () => import('@/features/problem-categories/pages/ProblemCategoriesPage.vue'),
    meta: {
      titleKey: 'route.problemCategories',
      roles: STAFF,
      menu: { group: 'config', order: 3 },
    },
  },
  {
    path: 'users',
    name: 'users',
    component: () => import('@/features/users/pages/UsersPage.vue'),
    meta: { titleKey: 'route.users', roles: ADMIN, menu: { group: 'system', order: 0 } },
  },
  {
    path: 'audit-log',
    name: 'audit-log',
    component: () => import('@/features/audit-log/pages/AuditLogPage.vue'),
    meta: { titleKey: 'route.auditLog', roles: ADMIN, menu: { group: 'system', order: 1 } },
  },
  {
    path: 'account/password',
    name: 'change-password',
    component: () => import('@/features/auth/pages/ChangePasswordPage.vue'),
    meta: { titleKey: 'route.changePassword' },
  },
  {
    path: 'forbidden',
    name: 'forbidden',
    component: () => import('@/features/exception/pages/ForbiddenPage.vue'),
    meta: { titleKey: 'route.forbidden' },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('@/features/auth/pages/SignInPage.vue'),
    meta: { titleKey: 'route.signIn', public: true },
  },
  {
    path: '/',
    name: 'root',
    component: () => import('@/layouts/BasicLayout.vue'),
    redirect: { name: 'home' },
    children: layoutRoutes,
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/exception/pages/NotFoundPage.vue'),
    meta: { titleKey: 'route.notFound', public: true },
  },
]
