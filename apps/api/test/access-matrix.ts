/**
 * Who may call each root field (R12) — the expectation table of test/access.test.ts.
 *
 * The test walks EVERY Query and Mutation field of the built schema for every role (and for an
 * anonymous caller) and FAILS when a field has no row. Adding a field? Add its row — in this file
 * for core fields, in test/workflow/access-matrix.ts for the workflow domains (any
 * `test/** /access-matrix.ts` exporting `ACCESS` is merged; duplicate keys fail).
 *
 * "Allowed" means the role passes the field's role check (scope-auth); which rows it then sees or
 * may change (org scope) is tested per domain.
 */
export type Caller = 'ANON' | 'ADMIN' | 'LEADER' | 'INSPECTOR' | 'BRANCH'

export const CALLERS: readonly Caller[] = ['ANON', 'ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH']
export const EVERYONE: readonly Caller[] = CALLERS
export const SIGNED_IN: readonly Caller[] = ['ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH']
export const ADMIN: readonly Caller[] = ['ADMIN']
/** Read-everything roles. */
export const ADMIN_LEADER: readonly Caller[] = ['ADMIN', 'LEADER']

export const ACCESS: Record<string, readonly Caller[]> = {
  // auth
  'Query.me': EVERYONE,
  'Mutation.login': EVERYONE,
  'Mutation.logout': EVERYONE,
  'Mutation.changePassword': SIGNED_IN,
  // users
  'Query.users': ADMIN,
  'Query.user': ADMIN,
  'Mutation.createUser': ADMIN,
  'Mutation.updateUser': ADMIN,
  'Mutation.resetUserPassword': ADMIN,
  // organizations, categories, areas, problem categories
  'Query.orgs': SIGNED_IN,
  'Query.org': SIGNED_IN,
  'Mutation.createOrg': ADMIN,
  'Mutation.updateOrg': ADMIN,
  'Mutation.deleteOrg': ADMIN,
  'Query.categoryAssignments': SIGNED_IN,
  'Mutation.setCategoryAssignments': ADMIN,
  'Mutation.copyCategoryAssignments': ADMIN,
  'Query.areas': SIGNED_IN,
  'Mutation.createArea': ADMIN,
  'Mutation.updateArea': ADMIN,
  'Query.problemCategories': SIGNED_IN,
  'Mutation.createProblemCategory': ADMIN,
  'Mutation.updateProblemCategory': ADMIN,
  // schemes, shared indicators, rule sets
  'Query.schemes': SIGNED_IN,
  'Query.scheme': SIGNED_IN,
  'Query.validateScheme': ADMIN_LEADER,
  'Query.schemeDiff': SIGNED_IN,
  'Mutation.createScheme': ADMIN,
  'Mutation.updateSchemeDraft': ADMIN,
  'Mutation.deleteSchemeDraft': ADMIN,
  'Mutation.publishScheme': ADMIN,
  'Mutation.reviseScheme': ADMIN,
  'Mutation.cloneScheme': ADMIN,
  'Query.sharedIndicators': SIGNED_IN,
  'Mutation.createSharedIndicator': ADMIN,
  'Mutation.updateSharedIndicator': ADMIN,
  'Mutation.deleteSharedIndicator': ADMIN,
  'Query.ruleSet': SIGNED_IN,
  'Query.ruleSets': SIGNED_IN,
  'Mutation.saveRuleSet': ADMIN,
  // audit
  'Query.auditLogs': ADMIN_LEADER,
}
