import type { RouteRecordRaw } from 'vue-router'
// Part of the entry, not a chunk of its own: every first visit shows sign-in, and fetching it after
// the entry had run cost a round trip before the form could show (it is ~2 KB).
import SignInPage from '@/features/auth/pages/SignInPage.vue'
import './meta'

const ADMIN = ['ADMIN'] as const
const STAFF = ['ADMIN', 'LEADER'] as const
/** Leaders and admins drill into any org; a branch into its own (the API scopes the data). */
const DRILLDOWN = ['ADMIN', 'LEADER', 'BRANCH'] as const
const BRANCH = ['BRANCH'] as const
/** Inspectors work through the submissions of their orgs here (the API scopes the ledger to them). */
const LEDGER = ['ADMIN', 'LEADER', 'INSPECTOR'] as const

/** Pages inside the signed-in layout. Every page is its own lazily loaded chunk. */
export const layoutRoutes: RouteRecordRaw[] = [
  {
    path: 'home',
    name: 'home',
    component: () => import('@/features/home/pages/HomePage.vue'),
    meta: {
      titleKey: 'route.home',
      menu: { group: 'work', order: 0 },
      data: () => import('@/features/home/prefetch'),
      styles: () => import('@/features/home/styles'),
    },
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
    meta: { titleKey: 'route.workbenchAssessment', roles: ['INSPECTOR', 'ADMIN'], data: () => import('@/features/workbench/prefetch') },
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
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/features/dashboard/pages/DashboardPage.vue'),
    meta: {
      titleKey: 'dashboard.route.dashboard',
      roles: STAFF,
      menu: { group: 'work', order: 4 },
      data: () => import('@/features/dashboard/prefetch'),
    },
  },
  // The drill-down's levels share one page (one chunk); the URL is the state, see drilldownRoute.ts.
  {
    path: 'dashboard/assessments/:assessmentId(\\d+)',
    name: 'drilldown',
    component: () => import('@/features/drilldown/pages/DrilldownPage.vue'),
    meta: { titleKey: 'drilldown.route.drilldown', roles: DRILLDOWN, data: () => import('@/features/drilldown/prefetch') },
  },
  {
    path: 'dashboard/assessments/:assessmentId(\\d+)/dimensions/:dimensionId(\\d+)',
    name: 'drilldown-dimension',
    component: () => import('@/features/drilldown/pages/DrilldownPage.vue'),
    meta: { titleKey: 'drilldown.route.drilldown', roles: DRILLDOWN, data: () => import('@/features/drilldown/prefetch') },
  },
  {
    path: 'dashboard/assessments/:assessmentId(\\d+)/indicators/:indicatorId(\\d+)',
    name: 'drilldown-indicator',
    component: () => import('@/features/drilldown/pages/DrilldownPage.vue'),
    meta: { titleKey: 'drilldown.route.drilldown', roles: DRILLDOWN, data: () => import('@/features/drilldown/prefetch') },
  },
  {
    path: 'dashboard/assessments/:assessmentId(\\d+)/findings/:findingId(\\d+)',
    name: 'drilldown-finding',
    component: () => import('@/features/drilldown/pages/DrilldownPage.vue'),
    meta: { titleKey: 'drilldown.route.drilldown', roles: DRILLDOWN, data: () => import('@/features/drilldown/prefetch') },
  },
  {
    path: 'dashboard/orgs/:orgId(\\d+)/rounds/:roundId(\\d+)',
    name: 'drilldown-locate',
    component: () => import('@/features/drilldown/pages/DrilldownLocatePage.vue'),
    meta: { titleKey: 'drilldown.route.drilldown', roles: DRILLDOWN },
  },
  {
    path: 'ledger',
    name: 'ledger',
    component: () => import('@/features/ledger/pages/LedgerPage.vue'),
    meta: { titleKey: 'ledger.route', roles: LEDGER, menu: { group: 'work', order: 5 }, data: () => import('@/features/ledger/prefetch') },
  },
  {
    path: 'interviews',
    name: 'interviews',
    component: () => import('@/features/interviews/pages/InterviewsPage.vue'),
    meta: { titleKey: 'interviews.route', roles: STAFF, menu: { group: 'work', order: 5.1 } },
  },
  {
    path: 'notices',
    name: 'notices',
    component: () => import('@/features/notices/pages/NoticePage.vue'),
    meta: { titleKey: 'notices.route', roles: STAFF, menu: { group: 'work', order: 5.2 } },
  },
  {
    path: 'adjustments',
    name: 'adjustments',
    component: () => import('@/features/adjustments/pages/AdjustmentsPage.vue'),
    meta: { titleKey: 'adjustments.route', roles: STAFF, menu: { group: 'work', order: 5.3 } },
  },
  {
    path: 'annual',
    name: 'annual',
    component: () => import('@/features/annual/pages/AnnualPage.vue'),
    meta: { titleKey: 'annual.route', roles: STAFF, menu: { group: 'work', order: 5.4 } },
  },
  {
    path: 'my/org',
    name: 'my-org',
    component: () => import('@/features/branch/pages/MyOrgPage.vue'),
    meta: { titleKey: 'branch.route.myOrg', roles: BRANCH, menu: { group: 'work', order: 6 } },
  },
  {
    path: 'my/findings',
    name: 'my-findings',
    component: () => import('@/features/branch/pages/MyFindingsPage.vue'),
    meta: { titleKey: 'branch.route.myFindings', roles: BRANCH, menu: { group: 'work', order: 7 } },
  },
  {
    path: 'my/rectifications',
    name: 'my-rectifications',
    component: () => import('@/features/branch/pages/MyRectificationsPage.vue'),
    meta: { titleKey: 'branch.route.myRectifications', roles: BRANCH, menu: { group: 'work', order: 8 } },
  },
  {
    path: 'my/interviews',
    name: 'my-interviews',
    component: () => import('@/features/branch/pages/MyInterviewsPage.vue'),
    meta: { titleKey: 'branch.route.myInterviews', roles: BRANCH, menu: { group: 'work', order: 9 } },
  },
  {
    path: 'my/weak-spots',
    name: 'my-weak-spots',
    component: () => import('@/features/branch/pages/MyWeakSpotsPage.vue'),
    meta: { titleKey: 'insights.weak.route', roles: BRANCH, menu: { group: 'work', order: 10 } },
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
    path: 'shared-indicators',
    name: 'shared-indicators',
    component: () => import('@/features/shared-indicators/pages/SharedIndicatorsPage.vue'),
    meta: { titleKey: 'sharedIndicators.route', roles: STAFF, menu: { group: 'config', order: 1.5 } },
  },
  {
    path: 'areas',
    name: 'areas',
    component: () => import('@/features/areas/pages/AreasPage.vue'),
    meta: { titleKey: 'areas.route', roles: STAFF, menu: { group: 'config', order: 3.5 } },
  },
  {
    path: 'imports',
    name: 'imports',
    component: () => import('@/features/excel/pages/ImportPage.vue'),
    meta: { titleKey: 'excel.route', roles: ['ADMIN', 'INSPECTOR'], menu: { group: 'config', order: 4 } },
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

/** The signed-in layout's route, the parent of every page in the shell. */
export const LAYOUT_ROUTE = 'root'

export const routes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: SignInPage,
    meta: { titleKey: 'route.signIn', public: true },
  },
  {
    path: '/',
    name: LAYOUT_ROUTE,
    component: () => import('@/layouts/BasicLayout.vue'),
    meta: { styles: () => import('@/layouts/styles') },
    redirect: { name: 'home' },
    children: layoutRoutes,
  },
  // Printable sheets: outside the shell so they print as plain pages; signed-in like the rest.
  {
    path: '/print/feedback-forms/:roundId(\\d+)/:orgId(\\d+)/:formId(\\d+)',
    name: 'feedback-form-print',
    component: () => import('@/features/feedback-forms/pages/FeedbackFormPrintPage.vue'),
    props: true,
    meta: { titleKey: 'feedbackForms.route', roles: ['INSPECTOR', 'ADMIN', 'LEADER'] },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/exception/pages/NotFoundPage.vue'),
    meta: { titleKey: 'route.notFound', public: true },
  },
]
